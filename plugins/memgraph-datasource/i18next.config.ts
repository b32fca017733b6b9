// `npm run i18n-extract`: see @opentruss/tooling/i18n (one configuration for both plugins).
import { defineConfig } from 'i18next-cli';
import { pluginI18nextConfig } from '@opentruss/tooling/i18n';
import { CYPHER_TEXTS } from '@opentruss/cypher';

import pluginJson from './src/plugin.json';
import { FUNCTION_DESCRIPTIONS, FUNCTION_TEXT_PREFIX } from './src/editors/cypher/memgraphFunctions';

// Texts translated by code, whose keys extraction cannot see in a t() call: @opentruss/cypher's messages
// (src/model/cypherTexts.ts) and the built-in functions' descriptions (src/editors/cypher/completion.ts).
export default defineConfig(
  pluginI18nextConfig(pluginJson, [
    { keyPrefix: 'cypher.', texts: CYPHER_TEXTS },
    { keyPrefix: FUNCTION_TEXT_PREFIX, texts: FUNCTION_DESCRIPTIONS },
  ])
);
