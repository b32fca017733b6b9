// cypher's layers (.dependency-cruiser.cjs) hold on src/, and each rule refuses a planted violation.
import path from 'node:path';
import { describeLayers } from '@opentruss/tooling/testing';

describeLayers({
  packageDir: path.resolve(__dirname, '..'),
  minModules: 15,
  planted: {
    'src/errors.ts': "import { check } from './readOnly/index';\nexport const errors = check;",
    'src/readOnly/index.ts': "import { bind } from '../binding';\nexport const check = bind;",
    'src/binding.ts': "import { api } from './index';\nexport const bind = () => api;",
    'src/index.ts': 'export const api = 1;',
    'src/macros.ts': "import { parse } from './readOnly/parser';\nexport const macros = parse;",
    'src/readOnly/parser.ts': 'export const parse = 1;',
    'src/readOnly/a.ts': "import { b } from './b';\nexport const a = 1 + b;",
    'src/readOnly/b.ts': "import { a } from './a';\nexport const b = () => a;",
  },
});
