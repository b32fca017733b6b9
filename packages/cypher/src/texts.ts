// Every sentence this package shows people, in English, by a stable code. `{{name}}` marks a parameter (i18next's
// syntax): the gateway and the tests read the English below, and the Memgraph datasource translates by code, with
// this text as the default (its i18n extraction reads this table, so there is no second copy of a message).

export const CYPHER_TEXTS = {
  // Where a problem is: appended to a message about the query text.
  'at-position': '{{message}} (line {{line}}, column {{column}})',

  // The lexer the datasource binds with.
  'lexer.unterminated-comment': 'Unterminated /* comment',
  'lexer.malformed-variable': 'Malformed variable reference: expected ${name} or ${name:format}',
  'lexer.dollar-without-name': 'A $ must be followed by a parameter name',
  'lexer.unterminated-string': 'Unterminated string: no closing {{quote}}',
  'lexer.unterminated-backtick': 'Unterminated `quoted name`: no closing backtick',

  // Time macros.
  'macro.unknown': 'Unknown macro {{name}}(…); the macros are {{macros}}',
  'macro.not-called': '{{name}} is a macro and must be followed directly by (…)',
  'macro.never-closed': '{{name}}( is never closed: expected )',
  'macro.argument-count': '{{name}} takes {{expected}} argument(s) — {{usage}} — but got {{count}}',
  'macro.needs-expression': '{{name}} needs an expression — {{usage}}',
  'macro.interval-not-understood':
    "$__timeGroup interval {{literal}} is not understood: use a literal such as '5m', 1h or 86400000 " +
    '(units ms, s, m, h, d, w) or $__interval — {{usage}}',
  'macro.time-filter.description':
    'True when the timestamp lies within the dashboard time range ($__from … $__to, inclusive). ' +
    'Works for LocalDateTime, zoned DateTime, Date, ISO strings and epoch milliseconds.',
  'macro.time-group.description':
    'Start of the time bucket the timestamp falls in, as epoch milliseconds. The interval is a literal ' +
    '(ms, s, m, h, d, w) or $__interval, which follows the panel width.',
  'macro.epoch-ms.description':
    'The timestamp as epoch milliseconds (an integer), whatever type it is stored as; null if not a time.',

  // The parameters the datasource always binds.
  'parameter.from.description': 'Start of the dashboard time range, epoch milliseconds (integer)',
  'parameter.to.description': 'End of the dashboard time range, epoch milliseconds (integer)',
  'parameter.interval-ms.description': "The panel's interval in milliseconds (integer)",
  'parameter.time-zone.description': "The datasource's time zone (IANA name), in which the time macros read a Date",

  // Variable binding.
  'binding.missing-parameter':
    'Parameter ${{name}} has no value. Define a dashboard variable named "{{name}}", or use the datasource\'s ' +
    'built-in parameters ${{from}}, ${{to}} and ${{intervalMs}}.',
  'binding.field-path': '{{reference}}: variable fields are not supported; use ${{name}} and pick the field in Cypher.',
  'binding.refused-format':
    '{{reference}}: the format ":{{format}}" would splice text into the query. Variables reach Memgraph as ' +
    'parameters: write ${{name}} (a list for multi-value variables, e.g. n.status IN ${{name}}); only {{raw}} puts a ' +
    'label, relationship type or property key into the query, backtick-quoted.',
  'binding.raw-several-values':
    '{{reference}} has {{count}} values, but a raw value names one label, relationship type or property key: ' +
    'select a single value, or use $name to receive the values as a list parameter.',
  'binding.raw-not-identifier':
    '{{reference}} is {{value}}, which is not an identifier. Raw values may only name a label, relationship type ' +
    'or property key (letters, digits and _, not starting with a digit, at most 128 characters); for any other ' +
    'value use $name, which reaches Memgraph as a parameter.',

  // The read-only checker: who refused, the reason, where, and what to do.
  'refusal.browser': 'Refused in the browser before sending: {{reason}} at line {{line}}, column {{column}}. {{advice}}',
  'refusal.gateway': 'Refused by the Bolt gateway: {{reason}} at line {{line}}, column {{column}}. {{advice}}',
  'refusal.advice.syntax': 'Fix the query text; only read queries in Memgraph Cypher are accepted.',
  'refusal.advice.encoding':
    'Remove the character; query text must be valid UTF-8 without control characters such as NUL.',
  'refusal.advice.unsupported':
    'Rewrite the query without it: this connection accepts read queries in Memgraph 3.12 Cypher only.',
  'refusal.advice.procedure':
    'Only read procedures on the allowlist may be called; run other procedures with an administrator connection ' +
    'to Memgraph.',
  'refusal.advice.read-only':
    'This connection is read-only: run writes and administration with an administrator connection to Memgraph, ' +
    'not through Grafana.',
  'refusal.not-a-read-query': 'this is not a read query this connection accepts ({{what}})',
  'refusal.ends-too-early': 'the query ends too early',
  'refusal.unexpected': 'unexpected {{token}}',
  'refusal.nests-deeper': 'the query nests deeper than {{max}} levels',
  'refusal.nests-too-deeply': 'the query nests too deeply to check',
  'refusal.too-complex': 'the query is too complex to check (it nests too many ambiguous brackets)',
  'refusal.show-not-allowed': 'this information statement is not on the read-only allowlist ({{clause}})',
  'refusal.directive-not-first': 'pre-query directives are accepted only at the start of the query',
  'refusal.memory-limit-not-last': 'a query memory limit is accepted only at the end of the whole query',
  'refusal.directive': 'this directive is not accepted on the read-only connection ({{clause}})',
  'refusal.writes': 'this query writes ({{clause}})',
  'refusal.administrative': 'this is an administrative statement ({{clause}})',
  'refusal.batched-subquery':
    'batched subqueries are not accepted on the read-only connection (CALL { … } IN TRANSACTIONS)',
  'refusal.procedure': 'this query calls a procedure that is not on the read-procedure allowlist ({{clause}})',
  'refusal.unlimited-procedure-memory':
    'an unlimited procedure memory limit is not accepted on the read-only connection',
  'refusal.integer-range': "the integer {{number}} is outside Memgraph's 64-bit range",
  'refusal.double-range': 'the number {{number}} is outside the range of a double',
  'refusal.parameter-name':
    'the parameter name {{name}} is not accepted: use letters, digits and _ (not first a digit), or a decimal number',
  'refusal.exists-pattern':
    'EXISTS ( … ) takes a relationship pattern, e.g. EXISTS ((n)-->()); use IS NOT NULL for a property',
  'refusal.no-subquery-expression': 'Memgraph 3.12 has no {{keyword}} { … } subquery',
  'refusal.function-name':
    'the function name part {{name}} is not accepted: function names are plain ASCII identifiers',
  'refusal.nul-character': 'the query text contains a NUL character (U+0000)',
  'refusal.lone-surrogate': 'the query text contains a lone surrogate (invalid UTF-16/UTF-8)',
  'refusal.comment-never-closed': 'the comment starting here is never closed',
  'refusal.backtick-never-closed': 'the back-quoted name starting here is never closed',
  'refusal.string-never-closed': 'the string starting here is never closed',
  'refusal.unexpected-character': 'unexpected character {{character}}',
  'refusal.short-u-escape-digits': '\\u must be followed by 4 hexadecimal digits',
  'refusal.short-u-escape-low-surrogate': 'the \\u escape is a lone low surrogate',
  'refusal.short-u-escape-high-surrogate': 'the \\u escape is a high surrogate without its low surrogate',
  'refusal.string-nul': 'the string contains a NUL character (\\u0000)',
  'refusal.long-u-escape-digits': '\\U must be followed by 8 hexadecimal digits',
  'refusal.long-u-escape-not-scalar': 'the \\U escape is not a Unicode scalar value',
  'refusal.unknown-escape': 'the string escape {{escape}} is not one Memgraph reads',
} as const;

export type TextCode = keyof typeof CYPHER_TEXTS;

/** A parameter: a value, or another text (rendered, in the same language, before it is put in). */
export type TextParameter = string | number | CypherText;

/** A message as a code and its parameters, so that whoever shows it can show it in the viewer's language. */
export interface CypherText {
  code: TextCode;
  params?: Readonly<Record<string, TextParameter>>;
}

/** Renders one code: its English template and its parameters (already rendered) → the text to show. */
export type Translate = (code: TextCode, english: string, values: Record<string, string | number>) => string;

export const inEnglish: Translate = (_code, english, values) =>
  english.replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) =>
    name in values ? String(values[name]) : placeholder
  );

/** The text in English, or through `translate` (the datasource's t() by code). */
export function renderText(text: CypherText, translate: Translate = inEnglish): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(text.params ?? {})) {
    values[name] = typeof value === 'object' ? renderText(value, translate) : value;
  }
  return translate(text.code, CYPHER_TEXTS[text.code], values);
}

export const cypherText = (code: TextCode, params?: CypherText['params']): CypherText =>
  params ? { code, params } : { code };

/** The text without the position it ends with (`at-position`), for an editor marker that sits there already. */
export function withoutPositionText(text: CypherText): CypherText {
  return text.code === 'at-position' ? (text.params!.message as CypherText) : text;
}
