// The tooling's rules (.dependency-cruiser.cjs) hold on its folders, and each rule refuses a planted violation.
import path from 'node:path';
import { describeLayers } from '../src/testing/layers';

describeLayers({
  packageDir: path.resolve(__dirname, '..'),
  roots: ['src', 'jest', 'bin', 'eslint', 'layers'],
  minModules: 12,
  planted: {
    'src/workspaces.js': "const { run } = require('../bin/run-tests.mjs');\nmodule.exports = { run };",
    'bin/run-tests.mjs': "import { wait } from '../src/testing/processes.ts';\nexport const run = wait;",
    'src/testing/processes.ts': 'export const wait = 1;',
    'jest/index.js': "const { b } = require('./b.js');\nmodule.exports = { a: 1 + b };",
    'jest/b.js': "const a = require('./index.js');\nmodule.exports = { b: () => a };",
    'eslint/node-package.mjs': "export { wait } from '../src/testing/processes.ts';",
    'layers/rules.cjs': 'module.exports = {};',
  },
});
