// bolt-testing's rules (.dependency-cruiser.cjs) hold on src/, and each rule refuses a planted violation.
import path from 'node:path';
import { describeLayers } from '@opentruss/tooling/testing';

describeLayers({
  packageDir: path.resolve(__dirname, '..'),
  minModules: 6,
  planted: {
    'src/index.ts': "export * from './raw-bolt';",
    'src/raw-bolt.ts': "import { client } from '../../bolt-protocol/src/client/bolt-client';\nexport const raw = client;",
    'src/drivers.ts': "import { server } from '../../bolt-test-server/src/index';\nexport const drivers = server;",
    'src/normalize.ts': "import { raw } from './index';\nexport const normalize = raw;",
    '../bolt-protocol/src/client/bolt-client.ts': 'export const client = 1;',
    '../bolt-test-server/src/index.ts': 'export const server = 1;',
    'src/a.ts': "import { b } from './b';\nexport const a = 1 + b;",
    'src/b.ts': "import { a } from './a';\nexport const b = () => a;",
  },
});
