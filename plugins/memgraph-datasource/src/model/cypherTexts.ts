import { t } from '@grafana/i18n';
import { PLAIN_TEXT } from '@opentruss/contract';
import { renderText, type CypherText } from '@opentruss/cypher';

/**
 * A text of @opentruss/cypher (a refusal, a binding problem, a macro's help) in the viewer's language: translated by
 * its code under `cypher.`, with the package's English as the default. The locale files get these keys from the
 * package's table itself (i18next.config.ts), not from a copy here.
 */
export function translateCypherText(text: CypherText): string {
  return renderText(text, (code, english, values) => t(`cypher.${code}`, english, { ...values, ...PLAIN_TEXT }));
}
