import { unicodeRegExp } from './unicode';
import { CypherTextError } from './errors';
import { cypherText } from './texts';

/**
 * Token kinds. The lexer knows just enough Cypher to tell code from text: strings, comments and backticked names
 * are single opaque tokens, so nothing inside them is ever mistaken for a keyword, a parameter or a macro.
 */
export type TokenKind =
  | 'whitespace'
  | 'lineComment' // `// …` up to the end of the line
  | 'blockComment' // `/* … */`
  | 'string' // '…' or "…", backslash escapes
  | 'identifier' // unquoted name or keyword
  | 'quotedIdentifier' // `name`, with `` for a backtick inside
  | 'number'
  | 'parameter' // $name, $`name`, $0 — a Cypher parameter, also Grafana's `$var` syntax
  | 'variable' // ${name}, ${name:format}, ${name.path}, [[name]], [[name:format]] — Grafana-only syntaxes
  | 'punctuation'; // any other single character

export interface Token {
  kind: TokenKind;
  /** The exact source text of the token. */
  text: string;
  start: number;
  end: number;
  /**
   * identifier / quotedIdentifier: the name (unquoted); parameter / variable: the referenced name;
   * string: the decoded content.
   */
  value?: string;
  /** variable only: the `:format` part, e.g. `raw` in `${label:raw}`. */
  format?: string;
  /** variable only: the `.path` part of `${var.path}`. */
  fieldPath?: string;
}

/** Tokens that change nothing in the query: whitespace and comments. */
export function isTrivia(token: Token): boolean {
  return token.kind === 'whitespace' || token.kind === 'lineComment' || token.kind === 'blockComment';
}

const IDENTIFIER_START = unicodeRegExp('[\\p{L}_]');
const IDENTIFIER_PART = unicodeRegExp('[\\p{L}\\p{N}_]');
const DIGIT = /[0-9]/;
// Memgraph's whitespace (CypherLexer.g4) includes the ASCII separators \x1C-\x1F and U+180E, which JavaScript's \s
// does not: read as punctuation they would hide a keyword pair such as `STORAGE\x1CMODE` from the read-only guard.
const WHITESPACE = /[\s\x1C-\x1F\u180E]/;
// Grafana's own variable syntaxes (see its TemplateSrv regex): ${name}, ${name.path}, ${name:format}, [[name:format]].
const BRACED_VARIABLE = /^\$\{(\w+)(?:\.([^:}]+))?(?::([^}]+))?\}/;
const BRACKETED_VARIABLE = /^\[\[(\w+?)(?::(\w+))?\]\]/;
const NUMBER = /^(?:0x[0-9a-fA-F]+|0o[0-7]+|[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)/;

/** Splits Cypher text into tokens whose texts concatenate back to the input exactly. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  const push = (kind: TokenKind, end: number, extra: Partial<Token> = {}) => {
    tokens.push({ kind, text: text.slice(pos, end), start: pos, end, ...extra });
    pos = end;
  };

  while (pos < text.length) {
    const ch = text[pos];
    const next = text[pos + 1];
    if (WHITESPACE.test(ch)) {
      let end = pos + 1;
      while (end < text.length && WHITESPACE.test(text[end])) {
        end++;
      }
      push('whitespace', end);
    } else if (ch === '/' && next === '/') {
      const newline = text.indexOf('\n', pos);
      push('lineComment', newline === -1 ? text.length : newline);
    } else if (ch === '/' && next === '*') {
      const close = text.indexOf('*/', pos + 2);
      if (close === -1) {
        throw new CypherTextError(cypherText('lexer.unterminated-comment'), text, pos);
      }
      push('blockComment', close + 2);
    } else if (ch === "'" || ch === '"') {
      const { end, value } = readString(text, pos);
      push('string', end, { value });
    } else if (ch === '`') {
      const { end, value } = readBacktick(text, pos);
      push('quotedIdentifier', end, { value });
    } else if (ch === '$') {
      readDollar(text, pos, push);
    } else if (ch === '[' && next === '[' && BRACKETED_VARIABLE.test(text.slice(pos, pos + 260))) {
      const match = BRACKETED_VARIABLE.exec(text.slice(pos, pos + 260))!;
      push('variable', pos + match[0].length, { value: match[1], format: match[2] });
    } else if (IDENTIFIER_START.test(ch)) {
      const end = identifierEnd(text, pos);
      push('identifier', end, { value: text.slice(pos, end) });
    } else if (DIGIT.test(ch)) {
      const match = NUMBER.exec(text.slice(pos, pos + 400))!;
      push('number', pos + match[0].length);
    } else {
      push('punctuation', pos + 1);
    }
  }
  return tokens;
}

function identifierEnd(text: string, start: number): number {
  let end = start + 1;
  while (end < text.length && IDENTIFIER_PART.test(text[end])) {
    end++;
  }
  return end;
}

type Push = (kind: TokenKind, end: number, extra?: Partial<Token>) => void;

function readDollar(text: string, pos: number, push: Push): void {
  const after = text[pos + 1];
  if (after === '{') {
    const match = BRACED_VARIABLE.exec(text.slice(pos, pos + 400));
    if (!match) {
      throw new CypherTextError(cypherText('lexer.malformed-variable'), text, pos);
    }
    push('variable', pos + match[0].length, { value: match[1], fieldPath: match[2], format: match[3] });
  } else if (after === '`') {
    const { end, value } = readBacktick(text, pos + 1);
    push('parameter', end, { value });
  } else if (after !== undefined && (IDENTIFIER_START.test(after) || DIGIT.test(after))) {
    const end = identifierEnd(text, pos + 1);
    push('parameter', end, { value: text.slice(pos + 1, end) });
  } else {
    throw new CypherTextError(cypherText('lexer.dollar-without-name'), text, pos);
  }
}

function readString(text: string, start: number): { end: number; value: string } {
  const quote = text[start];
  let value = '';
  let pos = start + 1;
  while (pos < text.length) {
    const ch = text[pos];
    if (ch === '\\') {
      if (pos + 1 >= text.length) {
        break;
      }
      value += decodeEscape(text, pos);
      pos += escapeLength(text, pos);
      continue;
    }
    if (ch === quote) {
      return { end: pos + 1, value };
    }
    value += ch;
    pos++;
  }
  throw new CypherTextError(cypherText('lexer.unterminated-string', { quote }), text, start);
}

const SIMPLE_ESCAPES: Record<string, string> = { t: '\t', b: '\b', n: '\n', r: '\r', f: '\f' };

function escapeLength(text: string, pos: number): number {
  const kind = text[pos + 1];
  if (kind === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
    return 6;
  }
  if (kind === 'U' && /^[0-9a-fA-F]{8}$/.test(text.slice(pos + 2, pos + 10))) {
    return 10;
  }
  return 2;
}

function decodeEscape(text: string, pos: number): string {
  const kind = text[pos + 1];
  const length = escapeLength(text, pos);
  if (length > 2) {
    return String.fromCodePoint(parseInt(text.slice(pos + 2, pos + length), 16));
  }
  return SIMPLE_ESCAPES[kind] ?? kind;
}

function readBacktick(text: string, start: number): { end: number; value: string } {
  let value = '';
  let pos = start + 1;
  while (pos < text.length) {
    if (text[pos] === '`') {
      if (text[pos + 1] === '`') {
        value += '`';
        pos += 2;
        continue;
      }
      return { end: pos + 1, value };
    }
    value += text[pos];
    pos++;
  }
  throw new CypherTextError(cypherText('lexer.unterminated-backtick'), text, start);
}
