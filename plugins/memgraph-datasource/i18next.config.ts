// `npm run i18n-extract`: see @opentruss/tooling/i18n (one configuration for both plugins).
import { defineConfig } from 'i18next-cli';
import { pluginI18nextConfig } from '@opentruss/tooling/i18n';
import { CYPHER_TEXTS } from '@opentruss/cypher';

import pluginJson from './src/plugin.json';

// @opentruss/cypher's messages are translated by code (src/model/cypherTexts.ts): their keys come from its table.
export default defineConfig(pluginI18nextConfig(pluginJson, [{ keyPrefix: 'cypher.', texts: CYPHER_TEXTS }]));
