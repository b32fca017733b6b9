// Extensions of create-plugin's managed Jest config (`.config/jest.config.js`), applied the
// documented way from each plugin's own jest.config.js.

const path = require('node:path');

/** The package name, used as the Jest project name: `npx jest --selectProjects <name>`. */
function packageName(packageDir) {
  return require(path.join(packageDir, 'package.json')).name;
}

/** The swc transform create-plugin uses, reused for the extra file types below. */
const swcTransform = [
  '@swc/jest',
  {
    sourceMaps: 'inline',
    jsc: { parser: { syntax: 'typescript', tsx: true, decorators: false, dynamicImport: true } },
  },
];

/**
 * Adds what an npm-workspaces checkout needs on top of the scaffolded config:
 * - `.mjs` files are transformed too: hoisted Grafana dependencies such as d3-color 3.1.1 ship only `.mjs`,
 *   which the scaffold's `(t|j)sx?` pattern does not match.
 */
function extendPluginJestConfig(baseConfig, packageDir) {
  return {
    ...baseConfig,
    displayName: packageName(packageDir),
    transform: {
      ...baseConfig.transform,
      '^.+\\.mjs$': swcTransform,
    },
  };
}

/** Jest config for Node-side workspace packages (servers, generators, tools): TypeScript through swc, Node environment. */
function nodePackageJestConfig(packageDir, overrides = {}) {
  return {
    displayName: packageName(packageDir),
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
    transform: { '^.+\\.(t|j)sx?$': swcTransform },
    ...overrides,
  };
}

module.exports = { extendPluginJestConfig, nodePackageJestConfig, swcTransform };
