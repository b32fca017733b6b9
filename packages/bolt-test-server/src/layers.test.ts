// The test server's layers (.dependency-cruiser.cjs) hold on src/, and each rule refuses a planted violation.
import path from 'node:path';
import { describeLayers } from '@opentruss/tooling/testing';

describeLayers({
  packageDir: path.resolve(__dirname, '..'),
  minModules: 25,
  plantedAllowed: [['src/responders/registry.ts', 'src/protocol/interrupts.ts']],
  planted: {
    'src/api.ts': "import { jolt } from './jolt/jolt';\nexport const api = jolt;",
    'src/jolt/jolt.ts': "import { registry } from '../responders/registry';\nexport const jolt = registry;",
    // The one allowed upward arrow (interrupts) stays allowed; the session is not.
    'src/responders/registry.ts':
      "import { session } from '../protocol/session';\nimport { interrupted } from '../protocol/interrupts';\nexport const registry = [session, interrupted];",
    'src/protocol/interrupts.ts': 'export const interrupted = 1;',
    'src/protocol/session.ts': "import { server } from '../server';\nexport const session = () => server;",
    'src/server.ts': "import { helper } from '../../bolt-testing/src/index';\nexport const server = helper;",
    '../bolt-testing/src/index.ts': 'export const helper = 1;',
    'src/jolt/a.ts': "import { b } from './b';\nexport const a = 1 + b;",
    'src/jolt/b.ts': "import { a } from './a';\nexport const b = () => a;",
  },
});
