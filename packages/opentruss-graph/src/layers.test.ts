// opentruss-graph's layers (.dependency-cruiser.cjs) hold on src/ and scripts/, and each rule refuses a planted
// violation.
import path from 'node:path';
import { describeLayers } from '@opentruss/tooling/testing';

describeLayers({
  packageDir: path.resolve(__dirname, '..'),
  roots: ['src', 'scripts'],
  minModules: 40,
  planted: {
    'src/vocabulary/labels.ts': "import { model } from '../demo-graph/model';\nexport const labels = model;",
    'src/demo-graph/model.ts': "import { statements } from '../load/statements';\nexport const model = statements;",
    'src/load/statements.ts': "import { lots } from '../queries/lots';\nexport const statements = lots;",
    'src/queries/lots.ts': "import { api } from '../index';\nexport const lots = () => api;",
    'src/queries/approvals.ts': "import { write } from '../load/write';\nexport const approvals = write;",
    'src/load/write.ts': 'export const write = 1;',
    'src/index.ts': "import { fixture } from '../scripts/fixture';\nexport const api = fixture;",
    'scripts/fixture.ts': 'export const fixture = 1;',
    'src/vocabulary/a.ts': "import { b } from './b';\nexport const a = 1 + b;",
    'src/vocabulary/b.ts': "import { a } from './a';\nexport const b = () => a;",
  },
});
