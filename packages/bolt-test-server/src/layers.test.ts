// The test server's layers (.dependency-cruiser.cjs) hold on src/, and each rule refuses a planted violation.
import path from 'node:path';
import { describeLayers } from '@opentruss/tooling/testing';

describeLayers({
  packageDir: path.resolve(__dirname, '..'),
  minModules: 25,
  planted: {
    'src/api.ts': "import { jolt } from './jolt/jolt';\nexport const api = jolt;",
    'src/jolt/jolt.ts': "import { registry } from '../responders/registry';\nexport const jolt = registry;",
    'src/responders/registry.ts': "import { session } from '../protocol/session';\nexport const registry = session;",
    'src/protocol/session.ts': "import { server } from '../server';\nexport const session = () => server;",
    'src/server.ts': "import { helper } from '../../bolt-testing/src/index';\nexport const server = helper;",
    '../bolt-testing/src/index.ts': 'export const helper = 1;',
    'src/jolt/a.ts': "import { b } from './b';\nexport const a = 1 + b;",
    'src/jolt/b.ts': "import { a } from './a';\nexport const b = () => a;",
  },
});
