// The viewer's language as Grafana resolved it (module.tsx records what initPluginTranslations returns). Most text
// goes through t(); this is for content that exists in exactly two languages outside the plugin — the alerts'
// summaries and conditions and the runbooks (alerts-as-code, bilingual by design, docs/i18n.md).
import type { Bilingual } from '@opentruss/alerts';

let viewerLanguage = 'en-US';

export function setViewerLanguage(language: string): void {
  viewerLanguage = language;
}

/** Every Chinese variant reads the Chinese text; every other language the English one. */
export function readsChinese(): boolean {
  return /^zh\b/i.test(viewerLanguage);
}

/** The viewer's half of a bilingual text. */
export function inViewerLanguage(text: Bilingual): string {
  return readsChinese() ? text.zh : text.en;
}
