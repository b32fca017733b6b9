// force timezone to UTC to allow tests to work regardless of local timezone
process.env.TZ = 'UTC';

const { extendPluginJestConfig } = require('@opentruss/tooling/jest');

module.exports = extendPluginJestConfig(require('./.config/jest.config'), __dirname);
