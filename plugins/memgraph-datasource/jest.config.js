// force timezone to UTC to allow tests to work regardless of local timezone
process.env.TZ = 'UTC';

const { extendPluginJestConfig } = require('@opentruss/tooling/jest');

const base = extendPluginJestConfig(require('./.config/jest.config'), __dirname);

module.exports = {
  ...base,
  moduleNameMapper: {
    ...base.moduleNameMapper,
    // The real Monaco (the version @grafana/ui ships) for editor tests. The package has no CommonJS entry, so Jest
    // gets its ESM editor API (core editor, languages, markers; no bundled language workers), transformed like
    // Grafana's other ESM dependencies. The browser tests run Grafana's full Monaco instead.
    '^monaco-editor$': require.resolve('monaco-editor/esm/vs/editor/editor.api.js'),
  },
  transformIgnorePatterns: [base.transformIgnorePatterns[0].replace('(?!.*(', '(?!.*(monaco-editor|')],
};
