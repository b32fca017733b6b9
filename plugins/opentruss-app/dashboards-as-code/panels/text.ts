import type { Bilingual } from '../../src/catalogue/dashboards';

/** `中文 / English`: Chinese first, as everywhere in OpenTruss's ops material. */
export function bilingual(text: Bilingual): string {
  return `${text.zh} / ${text.en}`;
}

/** A panel description: the English paragraph, then the Chinese one. */
export function describe(en: string, zh: string): string {
  return `${en}\n\n${zh}`;
}
