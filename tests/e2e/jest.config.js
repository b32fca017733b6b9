const { nodePackageJestConfig } = require('@opentruss/tooling/jest');

module.exports = nodePackageJestConfig(__dirname, {
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // Builds the host page's bundle once per run (about 5 s); plugin builds are checked by each test file.
  globalSetup: '<rootDir>/src/harness/globalSetup.ts',
  setupFilesAfterEnv: ['<rootDir>/src/harness/jestSetup.ts'],
});
