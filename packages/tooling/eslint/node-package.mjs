// ESLint config for the repository's Node-side workspaces (servers, generators, tools): the same
// @grafana/eslint-config rules the plugins get through create-plugin's managed config.
import { defineConfig } from 'eslint/config';
import grafanaConfig from '@grafana/eslint-config/flat.js';

export default defineConfig([
  { ignores: ['**/node_modules/', '**/dist/', '**/artifacts/', '**/coverage/'] },
  ...grafanaConfig,
  { settings: { react: { version: '18.3' } } },
]);
