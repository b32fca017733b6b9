// The contract's rules (.dependency-cruiser.cjs) hold on src/, and each rule refuses a planted violation.
import path from 'node:path';
import { describeLayers } from '@opentruss/tooling/testing';

describeLayers({
  packageDir: path.resolve(__dirname, '..'),
  minModules: 9,
  planted: {
    'src/index.ts': "export * from './links';",
    'src/links.ts': "import { ID } from './index';\nexport const links = ID;",
    'src/ids.ts': "import { gateway } from '../../bolt-gateway/src/index';\nexport const ID = gateway;",
    '../bolt-gateway/src/index.ts': 'export const gateway = 1;',
    'src/a.ts': "import { b } from './b';\nexport const a = 1 + b;",
    'src/b.ts': "import { a } from './a';\nexport const b = () => a;",
  },
});
