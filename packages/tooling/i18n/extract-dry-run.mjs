// Prints, as JSON, what `i18n-extract` would write for the plugin in the current directory, without writing it:
// [{ locale, path, updated, newTranslations, existingTranslations }]. The locale test runs it in a child process
// (i18next-cli is ESM-only underneath, which Jest's module system cannot load).
import { readFileSync } from 'node:fs';
import { extract } from 'i18next-cli';
import { pluginI18nextConfig } from './config.mjs';

const pluginJson = JSON.parse(readFileSync('src/plugin.json', 'utf8'));
const results = await extract(pluginI18nextConfig(pluginJson), { syncPrimaryWithDefaults: true });
process.stdout.write(JSON.stringify(results.map(({ locale, path, updated, newTranslations, existingTranslations }) => ({
  locale, path, updated, newTranslations, existingTranslations,
}))));
