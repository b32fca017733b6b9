/**
 * A lexer that reads text the way Memgraph 3.12's ANTLR lexer does (src/query/frontend/opencypher/grammar/
 * CypherLexer.g4 and MemgraphCypherLexer.g4 at v3.12.0): longest match over all token rules, ties to the rule
 * defined first (keywords before names). It is not the editor's lexer (../lexer.ts), which is lenient on purpose.
 *
 * Rules taken from CypherLexer.g4:
 * - `Whitespace`: U+0020, U+0009-000D, U+001C-001F, U+1680, U+180E, U+2000-200A, U+2028, U+2029, U+205F, U+3000,
 *   U+00A0, U+202F.
 * - `Comment`: `/* … *\/` and `//` up to (not including) `\r` or `\n`.
 * - `StringLiteral` / `EscapeSequence`: `\b \f \n \r \t` (either case), `\\ \' \"`, `\u` + 4 hex, `\U` + 8 hex;
 *   any other escape is an error. Decoding follows ParseStringLiteral (src/query/frontend/parsing.cpp): a `\u`
 *   high surrogate must be followed by a `\u` low surrogate.
 * - `DecimalLiteral` `0 | [1-9][0-9]*`, `OctalLiteral` `0[0-7]+`, `HexadecimalLiteral` `0x[0-9a-fA-F]+` (lower-case
 *   x only), `FloatingLiteral` `D* . D+ (E -? D+)? | D+ (. D*)? E -? D+ | D+ E -? D+` (no `+` in the exponent).
 *   So `$1CREATE` is `$`, `1`, `CREATE`, and `010` is octal 8.
 * - `UnescapedSymbolicName`: IdentifierStart (ID_Start | Pc) then IdentifierPart (ID_Continue | Sc) — `$` is Sc,
 *   so `a$b` is one name. `EscapedSymbolicName`: (`…`)+, a doubled back-tick standing for one.
 * - `LeftArrowHeadPart` ⟨〈﹤＜ reads as `<`, `RightArrowHeadPart` ⟩〉﹥＞ as `>`, `DashPart` (soft hyphen, ‐ ‑ ‒ – — ―
 *   − ﹘ ﹣ －) as `-`, flagged: Cypher.g4 accepts them only in `leftArrowHead`, `rightArrowHead` and `dash`.
 */
import { unicodeRegExp } from '../unicode';
import { cypherText, renderText, type CypherText } from '../texts';

export type LexKind = 'word' | 'escaped' | 'string' | 'int' | 'float' | 'symbol' | 'eof';

export interface LexToken {
  kind: LexKind;
  /** Offsets into the text (UTF-16 code units). */
  start: number;
  end: number;
  /** The source text of the token. */
  text: string;
  /** word: the name as written; escaped: the name without back-ticks; string: the decoded value; symbol: the
   *  ASCII symbol (`<` for ⟨); int: decimal digits of the value; float: the JS number's string. */
  value: string;
  /** Upper-case text of a word, for keyword comparisons. */
  upper: string;
  num?: number;
  big?: bigint;
  /** A LeftArrowHeadPart, RightArrowHeadPart or DashPart: valid only as a pattern's arrow head or dash. */
  arrowPart?: boolean;
}

export class LexError extends Error {
  constructor(
    readonly reason: CypherText,
    readonly start: number,
    readonly end: number,
    readonly encoding = false
  ) {
    super(renderText(reason));
  }
}

const WHITESPACE = new Set([
  0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x1680, 0x180e, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004,
  0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x205f, 0x3000, 0x00a0, 0x202f,
]);
const LEFT_ARROW_HEADS = new Set(['⟨', '〈', '﹤', '＜']);
const RIGHT_ARROW_HEADS = new Set(['⟩', '〉', '﹥', '＞']);
const DASHES = new Set(['\u00ad', '‐', '‑', '‒', '–', '—', '―', '−', '﹘', '﹣', '－']);
/** Two-character symbols of CypherLexer.g4, matched before one-character ones (longest match). */
const SYMBOLS_2 = new Set(['..', '<=', '>=', '<>', '!=', '=~', '+=']);
const SYMBOLS_1 = '()[]{},.:;$|=<>+-*/%^&';
/** SYMBOLS_1 indexed by character code (ASCII), to test a character without hashing a string. */
const SYMBOL_1_CODES: readonly boolean[] = Array.from({ length: 0x80 }, (_, code) =>
  SYMBOLS_1.includes(String.fromCharCode(code))
);

const ID_START = unicodeRegExp('[\\p{ID_Start}\\p{Pc}]');
const ID_PART = unicodeRegExp('[\\p{ID_Continue}\\p{Sc}]');
const HEX = /^[0-9a-fA-F]$/;

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isAsciiLetter = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
/** ASCII fast paths of IdentifierStart / IdentifierPart (`$` is Sc, so it continues a name). */
const isNameStart = (c: string): boolean => isAsciiLetter(c) || (c > '\u007f' && ID_START.test(c));
const isNamePart = (c: string): boolean =>
  isAsciiLetter(c) || isDigit(c) || c === '$' || (c > '\u007f' && ID_PART.test(c));

const isAsciiNamePart = (code: number): boolean =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x24;

/**
 * Upper-cases ASCII letters only: the lexer's keywords are case-insensitive over ASCII (`fragment A : 'A' | 'a'`),
 * whereas `'ın'.toUpperCase()` is `IN` — a name to Memgraph must not become a keyword here.
 */
export function asciiUpper(text: string): string {
  // Fast path (nearly every word): all ASCII, where toUpperCase changes exactly a-z.
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) {
      return text.replace(/[a-z]+/g, (letters) => letters.toUpperCase());
    }
  }
  return text.toUpperCase();
}

export function isWhitespace(codePoint: number): boolean {
  return WHITESPACE.has(codePoint);
}

/**
 * Refuses text the canonical form cannot carry: a lone surrogate (not valid UTF-8 once encoded) or NUL. Other
 * control characters are either whitespace, escaped inside strings, or a syntax error elsewhere.
 */
export function checkEncoding(text: string): void {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0) {
      throw new LexError(cypherText('refusal.nul-character'), i, i + 1, true);
    }
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      throw new LexError(cypherText('refusal.lone-surrogate'), i, i + 1, true);
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) {
      throw new LexError(cypherText('refusal.lone-surrogate'), i, i + 1, true);
    }
  }
}

export function lex(text: string): LexToken[] {
  checkEncoding(text);
  const tokens: LexToken[] = [];
  let i = 0;
  /** `value` undefined: the token's text (a word), sliced once. */
  const push = (kind: LexKind, start: number, end: number, value: string | undefined, extra?: Partial<LexToken>): void => {
    const tokenText = text.slice(start, end);
    // Every token has the same fields, in one order: one object shape keeps the parser's property reads fast.
    tokens.push({
      kind,
      start,
      end,
      text: tokenText,
      value: value ?? tokenText,
      upper: kind === 'word' ? asciiUpper(tokenText) : '',
      num: extra?.num,
      big: extra?.big,
      arrowPart: extra?.arrowPart,
    });
  };
  while (i < text.length) {
    let unit = text.charCodeAt(i);
    // Runs of ASCII space, tab, LF, CR (most of the whitespace) in one tight loop.
    while (unit === 0x20 || unit === 0x0a || unit === 0x09 || unit === 0x0d) {
      unit = text.charCodeAt(++i);
    }
    if (i >= text.length) {
      break;
    }
    const codePoint = unit >= 0xd800 && unit <= 0xdbff ? text.codePointAt(i)! : unit;
    const char = codePoint === unit ? text[i] : String.fromCodePoint(codePoint);
    // Printable ASCII (most token starts) is never whitespace: skip the set lookup.
    if ((codePoint <= 0x20 || codePoint >= 0x7f) && WHITESPACE.has(codePoint)) {
      i += char.length;
      continue;
    }
    if (char === '/' && text[i + 1] === '/') {
      let j = i + 2;
      while (j < text.length && text[j] !== '\n' && text[j] !== '\r') {
        j++;
      }
      i = j;
      continue;
    }
    if (char === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) {
        // ANTLR would fall back to `/` `*`; refusing is clearer and never less safe.
        throw new LexError(cypherText('refusal.comment-never-closed'), i, text.length);
      }
      i = close + 2;
      continue;
    }
    const start = i;
    if (char === '"' || char === "'") {
      const [end, value] = readString(text, i);
      push('string', start, end, value);
      i = end;
      continue;
    }
    if (char === '`') {
      let j = i;
      let value = '';
      while (text[j] === '`') {
        const close = text.indexOf('`', j + 1);
        if (close < 0) {
          if (j === i) {
            throw new LexError(cypherText('refusal.backtick-never-closed'), i, text.length);
          }
          break;
        }
        value += (j === i ? '' : '`') + text.slice(j + 1, close);
        j = close + 1;
      }
      push('escaped', start, j, value);
      i = j;
      continue;
    }
    if (isDigit(char) || (char === '.' && isDigit(text[i + 1]))) {
      i = readNumber(text, i, push);
      continue;
    }
    if (isNameStart(char)) {
      let j = i + char.length;
      while (j < text.length) {
        const unitJ = text.charCodeAt(j);
        if (unitJ < 0x80) {
          // ASCII IdentifierPart without building a string: letters, digits, _ and $.
          if (isAsciiNamePart(unitJ)) {
            j++;
            continue;
          }
          break;
        }
        const part = unitJ >= 0xd800 && unitJ <= 0xdbff ? String.fromCodePoint(text.codePointAt(j)!) : text[j];
        if (!isNamePart(part)) {
          break;
        }
        j += part.length;
      }
      push('word', start, j, undefined);
      i = j;
      continue;
    }
    // Every two-character symbol ends in . = > or ~: only then build the pair.
    const next = text.charCodeAt(i + 1);
    const two = next === 0x2e || next === 0x3d || next === 0x3e || next === 0x7e ? char + text[i + 1] : '';
    if (two && SYMBOLS_2.has(two)) {
      push('symbol', start, i + 2, two);
      i += 2;
      continue;
    }
    if (unit < 0x80 && SYMBOL_1_CODES[unit]) {
      push('symbol', start, i + 1, char);
      i += 1;
      continue;
    }
    if (LEFT_ARROW_HEADS.has(char) || RIGHT_ARROW_HEADS.has(char) || DASHES.has(char)) {
      const symbol = LEFT_ARROW_HEADS.has(char) ? '<' : RIGHT_ARROW_HEADS.has(char) ? '>' : '-';
      push('symbol', start, i + char.length, symbol, { arrowPart: true });
      i += char.length;
      continue;
    }
    throw new LexError(cypherText('refusal.unexpected-character', { character: describeChar(codePoint) }), i, i + char.length);
  }
  push('eof', text.length, text.length, '');
  return tokens;
}

export function describeChar(codePoint: number): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  return codePoint >= 0x21 && codePoint < 0x7f ? `'${String.fromCodePoint(codePoint)}' (${hex})` : hex;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

function readHex(text: string, from: number, count: number): number | undefined {
  const digits = text.slice(from, from + count);
  if (digits.length !== count || ![...digits].every((d) => HEX.test(d))) {
    return undefined;
  }
  return parseInt(digits, 16);
}

function readString(text: string, start: number): [number, string] {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === quote) {
      return [i + 1, value];
    }
    if (c !== '\\') {
      value += c;
      i++;
      continue;
    }
    const e = text[i + 1];
    const simple =
      e === undefined ? undefined : SIMPLE_ESCAPES[e.length === 1 && /[BFNRT]/.test(e) ? e.toLowerCase() : e];
    if (simple !== undefined) {
      value += simple;
      i += 2;
      continue;
    }
    if (e === 'u') {
      const unit = readHex(text, i + 2, 4);
      if (unit === undefined) {
        throw new LexError(cypherText('refusal.short-u-escape-digits'), i, i + 2);
      }
      if (unit >= 0xdc00 && unit <= 0xdfff) {
        throw new LexError(cypherText('refusal.short-u-escape-low-surrogate'), i, i + 6, true);
      }
      if (unit >= 0xd800 && unit <= 0xdbff) {
        const low = text.startsWith('\\u', i + 6) ? readHex(text, i + 8, 4) : undefined;
        if (low === undefined || low < 0xdc00 || low > 0xdfff) {
          throw new LexError(cypherText('refusal.short-u-escape-high-surrogate'), i, i + 6, true);
        }
        value += String.fromCharCode(unit, low);
        i += 12;
        continue;
      }
      if (unit === 0) {
        throw new LexError(cypherText('refusal.string-nul'), i, i + 6, true);
      }
      value += String.fromCharCode(unit);
      i += 6;
      continue;
    }
    if (e === 'U') {
      const codePoint = readHex(text, i + 2, 8);
      if (codePoint === undefined) {
        throw new LexError(cypherText('refusal.long-u-escape-digits'), i, i + 2);
      }
      if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff) || codePoint === 0) {
        throw new LexError(cypherText('refusal.long-u-escape-not-scalar'), i, i + 10, true);
      }
      value += String.fromCodePoint(codePoint);
      i += 10;
      continue;
    }
    throw new LexError(cypherText('refusal.unknown-escape', { escape: `\\${e ?? ''}` }), i, i + 2);
  }
  throw new LexError(cypherText('refusal.string-never-closed'), start, text.length);
}

type Push = (kind: LexKind, start: number, end: number, value: string, extra?: Partial<LexToken>) => void;

/** Longest match among DecimalLiteral, OctalLiteral, HexadecimalLiteral and FloatingLiteral, ties to the first. */
function readNumber(text: string, start: number, push: Push): number {
  const digitsFrom = (from: number): number => {
    let j = from;
    while (isDigit(text[j])) {
      j++;
    }
    return j;
  };
  const exponentFrom = (from: number): number => {
    // E '-'? DecDigit+ ; returns the end, or -1 when there is no exponent here.
    if (text[from] !== 'e' && text[from] !== 'E') {
      return -1;
    }
    let j = from + 1;
    if (text[j] === '-') {
      j++;
    }
    const end = digitsFrom(j);
    return end > j ? end : -1;
  };
  const intEnd = digitsFrom(start);
  const after = text[intEnd];
  if (text[start] !== '0' && intEnd > start && after !== '.' && after !== 'e' && after !== 'E') {
    // The common case, a plain DecimalLiteral: no other rule can match longer.
    const big = BigInt(text.slice(start, intEnd));
    push('int', start, intEnd, big.toString(), { big });
    return intEnd;
  }
  const candidates: Array<{ end: number; kind: 'dec' | 'oct' | 'hex' | 'float' }> = [];
  if (text[start] === '0') {
    candidates.push({ end: start + 1, kind: 'dec' });
    let j = start + 1;
    while (text[j] !== undefined && text[j] >= '0' && text[j] <= '7') {
      j++;
    }
    if (j > start + 1) {
      candidates.push({ end: j, kind: 'oct' });
    }
    if (text[start + 1] === 'x') {
      let h = start + 2;
      while (text[h] !== undefined && HEX.test(text[h])) {
        h++;
      }
      if (h > start + 2) {
        candidates.push({ end: h, kind: 'hex' });
      }
    }
  } else if (isDigit(text[start])) {
    candidates.push({ end: digitsFrom(start), kind: 'dec' });
  }
  // D* '.' D+ (E '-'? D+)?
  if (text[intEnd] === '.' && isDigit(text[intEnd + 1])) {
    const fractionEnd = digitsFrom(intEnd + 1);
    const e = exponentFrom(fractionEnd);
    candidates.push({ end: e > 0 ? e : fractionEnd, kind: 'float' });
  }
  if (intEnd > start) {
    // D+ ('.' D*)? E '-'? D+
    if (text[intEnd] === '.') {
      const e = exponentFrom(digitsFrom(intEnd + 1));
      if (e > 0) {
        candidates.push({ end: e, kind: 'float' });
      }
    }
    const e = exponentFrom(intEnd);
    if (e > 0) {
      candidates.push({ end: e, kind: 'float' });
    }
  }
  let best = candidates[0];
  for (const candidate of candidates) {
    if (candidate.end > best.end) {
      best = candidate;
    }
  }
  const raw = text.slice(start, best.end);
  if (best.kind === 'float') {
    const num = Number(raw);
    push('float', start, best.end, String(num), { num });
  } else {
    const big = best.kind === 'dec' ? BigInt(raw) : best.kind === 'oct' ? BigInt(`0o${raw.slice(1)}`) : BigInt(raw);
    push('int', start, best.end, big.toString(), { big });
  }
  return best.end;
}
