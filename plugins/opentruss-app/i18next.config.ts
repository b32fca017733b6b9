// `npm run i18n-extract`: see @opentruss/tooling/i18n (one configuration for both plugins).
import { defineConfig } from 'i18next-cli';
import { pluginI18nextConfig } from '@opentruss/tooling/i18n';

import pluginJson from './src/plugin.json';

export default defineConfig(pluginI18nextConfig(pluginJson));
