// The viewer's language as Grafana resolved it: each plugin's module records what initPluginTranslations returns.
// Most text goes through t() and the locale files; this is for content that exists in exactly two languages
// outside the plugins — alert summaries and conditions, runbooks, catalogue query titles (docs/i18n.md).

/** A text in the two languages the OpenTruss team works in. */
export interface ZhEnText {
  zh: string;
  en: string;
}

let viewerLanguage = 'en-US';

export function setViewerLanguage(language: string): void {
  viewerLanguage = language;
}

/** Every Chinese variant (zh-Hans, zh-Hant) reads the Chinese text; every other language the English one. */
export function readsChinese(): boolean {
  return /^zh\b/i.test(viewerLanguage);
}

/** The viewer's half of a bilingual text. */
export function inViewerLanguage(text: ZhEnText): string {
  return readsChinese() ? text.zh : text.en;
}

/**
 * Options for t() in texts that are plain text (errors, notices, tooltips; React escapes what it renders): the values
 * put in are not HTML-escaped, so a quote in a server's message stays a quote.
 */
export const PLAIN_TEXT = { interpolation: { escapeValue: false } } as const;
