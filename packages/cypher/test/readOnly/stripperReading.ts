/**
 * How Memgraph's query stripper splits a text into tokens — a re-statement, for tests, of the matching rules in
 * Memgraph v3.12.0 `src/query/frontend/stripped.cpp` (`StrippedQuery::StrippedQuery` takes, at each position, the
 * longest of MatchKeyword, MatchSpecial, MatchString, MatchDecimalInt, MatchOctalInt, MatchHexadecimalInt,
 * MatchReal, MatchParameter, MatchEscapedName, MatchUnescapedName, MatchWhitespaceAndComments; ties to the
 * first). Memgraph parses the stripped text first and aborts (LOG_FATAL) when it fails where the original parses,
 * so the canonical text must split the same way for the stripper as for the lexer.
 *
 * Only what a canonical text can contain is modelled: outside strings and back-quoted names it is ASCII, with
 * single spaces and no comments. Anything else makes the reading fail (returns undefined).
 */
import { MEMGRAPH_KEYWORDS } from '../../src/readOnly/statements';

const KEYWORDS = new Set([...MEMGRAPH_KEYWORDS].map((k) => k.toLowerCase()));
const LONGEST_KEYWORD = Math.max(...[...KEYWORDS].map((k) => k.length));
/** kSpecialTokens (stripped_lexer_constants.hpp), ASCII part. */
const SPECIALS = [
  ';',
  ',',
  '=',
  '+=',
  '*',
  '(',
  ')',
  '[',
  ']',
  ':',
  '|',
  '..',
  '+',
  '-',
  '/',
  '%',
  '^',
  '&',
  '=~',
  '<>',
  '!=',
  '<',
  '>',
  '<=',
  '>=',
  '.',
  '{',
  '}',
  '$',
];
const ESCAPABLE = new Set(['\\', "'", '"', 'B', 'b', 'F', 'f', 'N', 'n', 'R', 'r', 'T', 't']);

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/** The longest keyword the text starts with at `i` (kKeywords is a trie of the lexer's keywords). */
function matchKeyword(text: string, i: number): number {
  for (let length = Math.min(LONGEST_KEYWORD, text.length - i); length > 0; length--) {
    if (KEYWORDS.has(text.slice(i, i + length).toLowerCase())) {
      return length;
    }
  }
  return 0;
}

function matchSpecial(text: string, i: number): number {
  let best = 0;
  for (const special of SPECIALS) {
    if (special.length > best && text.startsWith(special, i)) {
      best = special.length;
    }
  }
  return best;
}

function matchString(text: string, i: number): number {
  const quote = text[i];
  if (quote !== '"' && quote !== "'") {
    return 0;
  }
  for (let p = i + 1; p < text.length; p++) {
    if (text[p] === quote) {
      return p - i + 1;
    }
    if (text[p] !== '\\') {
      continue;
    }
    p++;
    if (ESCAPABLE.has(text[p])) {
      continue;
    }
    if (text[p] !== 'u' && text[p] !== 'U') {
      return 0;
    }
    let count = 0;
    while (count < 8 && isHex(text[p + 1 + count])) {
      count++;
    }
    if (p + 1 + count >= text.length || count < 4) {
      return 0;
    }
    p += count >= 8 ? 8 : 4;
  }
  return 0;
}

function matchDecimal(text: string, i: number): number {
  if (text[i] === '0') {
    return 1;
  }
  let j = i;
  while (isDigit(text[j])) {
    j++;
  }
  return j - i;
}

function matchOctal(text: string, i: number): number {
  if (text[i] !== '0') {
    return 0;
  }
  let j = i + 1;
  while (text[j] !== undefined && text[j] >= '0' && text[j] <= '7') {
    j++;
  }
  return j === i + 1 ? 0 : j - i;
}

function matchHex(text: string, i: number): number {
  if (text[i] !== '0' || text[i + 1] !== 'x') {
    return 0;
  }
  let j = i + 2;
  while (isHex(text[j])) {
    j++;
  }
  return j === i + 2 ? 0 : j - i;
}

function matchReal(text: string, i: number): number {
  type State = 'start' | 'beforeDot' | 'dot' | 'afterDot' | 'e' | 'eMinus' | 'afterE';
  let state: State = 'start';
  let j = i;
  for (; j < text.length; j++) {
    const c = text[j];
    if (c === '.') {
      if (state !== 'beforeDot' && state !== 'start') {
        break;
      }
      state = 'dot';
    } else if (isDigit(c)) {
      if (state === 'start') {
        state = 'beforeDot';
      } else if (state === 'dot') {
        state = 'afterDot';
      } else if (state === 'e' || state === 'eMinus') {
        state = 'afterE';
      }
    } else if (c === 'e' || c === 'E') {
      if (state !== 'beforeDot' && state !== 'afterDot') {
        break;
      }
      state = 'e';
    } else if (c === '-') {
      if (state !== 'e') {
        break;
      }
      state = 'eMinus';
    } else {
      break;
    }
  }
  if (state === 'dot' || state === 'e') {
    j -= 1;
  }
  if (state === 'eMinus') {
    j -= 2;
  }
  return j - i;
}

function matchEscapedName(text: string, i: number): number {
  let j = i;
  while (text[j] === '`') {
    const close = text.indexOf('`', j + 1);
    if (close < 0) {
      break;
    }
    j = close + 1;
  }
  return j - i;
}

function matchUnescapedName(text: string, i: number): number | undefined {
  if (text.charCodeAt(i) > 0x7f) {
    return undefined;
  } // not modelled
  if (!/[A-Za-z_]/.test(text[i] ?? '')) {
    return 0;
  }
  let j = i + 1;
  while (j < text.length && /[A-Za-z0-9_]/.test(text[j])) {
    j++;
  }
  if (j < text.length && text.charCodeAt(j) > 0x7f) {
    return undefined;
  }
  return j - i;
}

function matchParameter(text: string, i: number): number {
  if (text[i] !== '$' || i + 1 === text.length) {
    return 0;
  }
  const longest = Math.max(
    matchUnescapedName(text, i + 1) ?? 0,
    matchEscapedName(text, i + 1),
    matchKeyword(text, i + 1),
    matchDecimal(text, i + 1)
  );
  return longest === 0 ? 0 : 1 + longest;
}

/** The stripper's non-space tokens of a canonical text, or undefined where the text leaves what is modelled. */
export function stripperTokens(text: string): string[] | undefined {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === ' ') {
      if (text[i + 1] === ' ' || i === 0) {
        return undefined;
      } // canonical: one space between tokens
      i++;
      continue;
    }
    const name = matchUnescapedName(text, i);
    if (name === undefined) {
      return undefined;
    }
    const lengths = [
      matchKeyword(text, i),
      matchSpecial(text, i),
      matchString(text, i),
      matchDecimal(text, i),
      matchOctal(text, i),
      matchHex(text, i),
      matchReal(text, i),
      matchParameter(text, i),
      matchEscapedName(text, i),
      name,
    ];
    const length = Math.max(...lengths);
    if (length === 0) {
      return undefined;
    }
    tokens.push(text.slice(i, i + length));
    i += length;
  }
  return tokens;
}
