// force timezone to UTC to allow tests to work regardless of local timezone
process.env.TZ = 'UTC';

const { extendPluginJestConfig } = require('@opentruss/tooling/jest');

const config = extendPluginJestConfig(require('./.config/jest.config'), __dirname);

module.exports = {
  ...config,
  // Node-side suites: the dashboard generator's unit tests and the checks against real servers (test/).
  testMatch: [...config.testMatch, '<rootDir>/dashboards-as-code/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
};
