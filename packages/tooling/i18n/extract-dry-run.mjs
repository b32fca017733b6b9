// Prints, as JSON, what `i18n-extract` would write for the plugin in the current directory, without writing it:
// [{ locale, path, updated, newTranslations, existingTranslations }]. The locale test runs it in a child process
// (i18next-cli is ESM-only underneath, which Jest's module system cannot load). The configuration is the plugin's
// own i18next.config.ts, read by jiti as i18next-cli reads it.
import path from 'node:path';
import { extract } from 'i18next-cli';
import { createJiti } from 'jiti';

const config = await createJiti(import.meta.url).import(path.resolve('i18next.config.ts'), { default: true });
const results = await extract(config, { syncPrimaryWithDefaults: true });
process.stdout.write(JSON.stringify(results.map(({ locale, path, updated, newTranslations, existingTranslations }) => ({
  locale, path, updated, newTranslations, existingTranslations,
}))));
