// The gateway's layers (.dependency-cruiser.cjs) hold on src/, and each rule refuses a planted violation.
import path from 'node:path';
import { describeLayers } from '@opentruss/tooling/testing';

describeLayers({
  packageDir: path.resolve(__dirname, '..'),
  minModules: 12,
  planted: {
    'src/config/settings.ts': "import { link } from '../upstream/upstream-link';\nexport const settings = link;",
    'src/upstream/upstream-link.ts': "import { metrics } from '../ops/metrics';\nexport const link = metrics;",
    'src/ops/metrics.ts': "import { session } from '../relay/client-session';\nexport const metrics = session;",
    'src/relay/client-session.ts': "import { gateway } from '../gateway';\nexport const session = () => gateway;",
    'src/gateway.ts': "import { helper } from '../../bolt-testing/src/index';\nexport const gateway = helper;",
    '../bolt-testing/src/index.ts': 'export const helper = 1;',
    'src/relay/a.ts': "import { b } from './b';\nexport const a = 1 + b;",
    'src/relay/b.ts': "import { a } from './a';\nexport const b = () => a;",
  },
});
