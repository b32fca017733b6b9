// Grafana's plugin translations (12.1+, public/app/features/plugins/importer/addTranslationsToI18n.ts): i18next is
// initialised with the user's language before anything renders, and before a plugin's module.js is imported the
// locale file its meta lists for that language (else en-US) is added under the plugin's id. For en-US only the
// plural keys are added: the singular defaults are in the plugin's code.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

const DEFAULT_LANGUAGE = 'en-US';
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Grafana's initTranslations: the user's language, en-US as fallback, no bundled resources. */
export async function initHostI18n(language: string): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    resources: {},
    partialBundledLanguages: true,
    returnEmptyString: false,
  });
}

function pluralKeysOnly(tree: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(tree)) {
    if (value !== null && typeof value === 'object') {
      const nested = pluralKeysOnly(value as Record<string, unknown>);
      if (Object.keys(nested).length) {
        kept[key] = nested;
      }
    } else if (PLURAL_SUFFIX.test(key)) {
      kept[key] = value;
    }
  }
  return kept;
}

export async function addPluginTranslations(pluginId: string, translations?: Record<string, string>): Promise<void> {
  const resolved = i18next.language ?? DEFAULT_LANGUAGE;
  const path = translations?.[resolved] ?? translations?.[DEFAULT_LANGUAGE];
  if (!path) {
    return;
  }
  const language = translations?.[resolved] ? resolved : DEFAULT_LANGUAGE;
  const response = await fetch(`/${path}`);
  if (!response.ok) {
    throw new Error(`${pluginId}: ${path} answered HTTP ${response.status}`);
  }
  const resources = (await response.json()) as Record<string, unknown>;
  i18next.addResourceBundle(
    language,
    pluginId,
    resolved === DEFAULT_LANGUAGE ? pluralKeysOnly(resources) : resources,
    true,
    false
  );
  // i18next resolves a language only once it has strings in it. Grafana has its own (public/locales) from the
  // start, so i18next.resolvedLanguage — what initPluginTranslations returns to plugins — is the user's language
  // there; the host has none of Grafana's strings, so it resolves again now that the plugin's are in.
  if (i18next.resolvedLanguage !== i18next.language) {
    await i18next.changeLanguage(i18next.language);
  }
}
