// The tooling's rules: src/testing/ (helpers for other packages' tests) is never imported by the tooling that runs
// builds and tests (src/, jest/, bin/, eslint/, layers/), bin/ scripts are entries nothing imports, and no cycle.
// test/layers.test.ts cruises these folders with these rules and plants one violation of each.
const { forbid, noCycles, options } = require('./layers/rules.cjs');

const OWN = '^(src|jest|bin|eslint|layers)/';

module.exports = {
  forbidden: [
    forbid(
      'test-helpers-stay-out-of-the-tooling',
      'src/testing/ serves tests through the ./testing entry; the build and test tooling never imports it.',
      '^(src/(?!testing/)|jest/|bin/|eslint/|layers/)',
      '^src/testing/'
    ),
    forbid('nothing-imports-the-bin-scripts', 'bin/ holds command-line entries, on top of everything.', '^(src|jest|eslint|layers)/', '^bin/'),
    noCycles(OWN),
  ],
  options,
};
