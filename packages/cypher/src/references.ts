import { tokenize, type Token } from './lexer';

/** How a variable is written: `$name` (also Cypher's parameter syntax), `${name…}` or `[[name…]]`. */
export type ReferenceSyntax = 'dollar' | 'braces' | 'brackets';

/** A `$name`, `${name:format}` or `[[name]]` in code (never inside strings, comments or backticked names). */
export interface VariableReference {
  name: string;
  syntax: ReferenceSyntax;
  /** `raw` in `${label:raw}`; undefined for `$name` and `${name}`. */
  format?: string;
  /** `field` in `${name.field}`. */
  fieldPath?: string;
  text: string;
  start: number;
  end: number;
}

/** The reference a token stands for, or undefined when it is no `$name`, `${…}` or `[[…]]`. */
export function referenceOf(token: Token): VariableReference | undefined {
  if (token.kind === 'parameter') {
    return { name: token.value!, syntax: 'dollar', text: token.text, start: token.start, end: token.end };
  }
  if (token.kind === 'variable') {
    return {
      name: token.value!,
      syntax: token.text.startsWith('$') ? 'braces' : 'brackets',
      format: token.format,
      fieldPath: token.fieldPath,
      text: token.text,
      start: token.start,
      end: token.end,
    };
  }
  return undefined;
}

export function findVariableReferences(cypher: string): VariableReference[] {
  return tokenize(cypher)
    .map(referenceOf)
    .filter((ref): ref is VariableReference => ref !== undefined);
}
