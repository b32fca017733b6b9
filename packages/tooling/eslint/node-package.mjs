// ESLint config for the repository's Node-side workspaces (servers, generators, tools): the same
// @grafana/eslint-config rules the plugins get through create-plugin's managed config, applied to TypeScript
// (flat configs without `files` only reach .js/.mjs/.cjs).
import { defineConfig } from 'eslint/config';
import grafanaConfig from '@grafana/eslint-config/flat.js';

export default defineConfig([
  { ignores: ['**/node_modules/', '**/dist/', '**/artifacts/', '**/coverage/'] },
  ...grafanaConfig.map((config) => ({ ...config, files: ['**/*.{js,mjs,cjs,ts,tsx}'] })),
  { settings: { react: { version: '18.3' } } },
]);
