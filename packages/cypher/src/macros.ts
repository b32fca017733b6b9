import { CypherTextError } from './errors';
import { cypherText, type CypherText } from './texts';
import { isTrivia, tokenize, type Token } from './lexer';
import { epochMsOf, TIME_PARAMETERS, timeFilterOf, timeGroupOf } from './timeExpressions';

/** What the editors show about each macro (completion, help). */
export interface MacroInfo {
  name: string;
  signature: string;
  /** Render with renderText (English) or the datasource's translation. */
  description: CypherText;
  example: string;
}

export const MACROS: readonly MacroInfo[] = [
  {
    name: '$__timeFilter',
    signature: '$__timeFilter(expression)',
    description: cypherText('macro.time-filter.description'),
    example: 'MATCH (h:ApprovalHistory) WHERE $__timeFilter(h.created_at) RETURN count(h)',
  },
  {
    name: '$__timeGroup',
    signature: "$__timeGroup(expression, '5m' | 1h | $__interval)",
    description: cypherText('macro.time-group.description'),
    example:
      "MATCH (h:ApprovalHistory) WHERE $__timeFilter(h.created_at)\nRETURN $__timeGroup(h.created_at, '1d') AS time, count(h) AS approvals ORDER BY time",
  },
  {
    name: '$__epochMs',
    signature: '$__epochMs(expression)',
    description: cypherText('macro.epoch-ms.description'),
    example: 'MATCH (l:InspectionLot) RETURN l.id, $__epochMs(l.created_at) AS created',
  },
];

const INTERVAL_UNITS_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/**
 * Parses an interval literal such as `5m`, `'1h'`, `"30s"`, `1d` or a plain number of milliseconds.
 * Returns undefined for anything else (months and years have no fixed length).
 */
export function parseIntervalMs(text: string): number | undefined {
  const unquoted = text.trim().replace(/^(['"])(.*)\1$/, '$2');
  const match = /^([0-9]+)(ms|s|m|h|d|w)?$/.exec(unquoted);
  if (!match) {
    return undefined;
  }
  const ms = Number(match[1]) * INTERVAL_UNITS_MS[match[2] ?? 'ms'];
  return ms > 0 && Number.isSafeInteger(ms) ? ms : undefined;
}

interface Argument {
  tokens: Token[];
  /** Offset of the argument's first character, for error positions. */
  start: number;
}

/**
 * Expands `$__timeFilter(expr)`, `$__timeGroup(expr, interval)` and `$__epochMs(expr)` into Memgraph Cypher that
 * contains only parameters (`$__from`, `$__to`, `$__interval_ms`) and the user's own expression. Macros inside
 * strings, comments and backticked names are left alone. The result depends only on the input text.
 * Throws CypherTextError (with line and column) for malformed macro calls.
 */
export function expandMacros(cypher: string): string {
  return expandMacroTokens(cypher, tokenize(cypher)).text;
}

/** What expandMacroTokens made of the text. */
export interface MacroExpansion {
  text: string;
  /** False when the text holds no macro call: `text` is then the input itself, and its tokens still hold. */
  expanded: boolean;
  /** Where each part of `text` comes from, in order: a token copied as written, or a whole macro call's expansion. */
  segments: ExpansionSegment[];
}

/** `text.slice(from, to)` comes from `cypher.slice(sourceStart, sourceEnd)`, character for character when `verbatim`. */
export interface ExpansionSegment {
  from: number;
  to: number;
  sourceStart: number;
  sourceEnd: number;
  verbatim: boolean;
}

/**
 * expandMacros over tokens already lexed from `cypher`. `consumed` receives the tokens that do not reach the
 * expansion as written — the macro names and `$__interval` as a `$__timeGroup` interval — even when a later macro
 * call is malformed and this throws, so a caller never mistakes them for variables.
 */
export function expandMacroTokens(
  cypher: string,
  tokens: readonly Token[],
  consumed: Set<Token> = new Set()
): MacroExpansion {
  const before = consumed.size;
  const segments: ExpansionSegment[] = [];
  const text = expandRange(cypher, tokens, 0, tokens.length, consumed, segments);
  return { text, expanded: consumed.size > before, segments };
}

function macroName(token: Token): string | undefined {
  return token.kind === 'parameter' && token.value?.startsWith('__') ? `$${token.value}` : undefined;
}

function expandRange(
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
  consumed: Set<Token>,
  segments: ExpansionSegment[] = []
): string {
  let out = '';
  const segment = (added: string, sourceStart: number, sourceEnd: number, verbatim: boolean) => {
    segments.push({ from: out.length, to: out.length + added.length, sourceStart, sourceEnd, verbatim });
    out += added;
  };
  let i = from;
  while (i < to) {
    const token = tokens[i];
    const name = macroName(token);
    const isCall = name !== undefined && i + 1 < to && tokens[i + 1].text === '(';
    const known = MACROS.some((m) => m.name === name);
    if (isCall) {
      if (!known) {
        throw new CypherTextError(
          cypherText('macro.unknown', { name: name!, macros: MACROS.map((m) => m.name).join(', ') }),
          text,
          token.start
        );
      }
      consumed.add(token);
      const { args, closeIndex } = readArguments(text, tokens, i + 1, to, name);
      segment(expandCall(text, tokens, name, args, token.start, consumed), token.start, tokens[closeIndex].end, false);
      i = closeIndex + 1;
    } else if (known) {
      throw new CypherTextError(cypherText('macro.not-called', { name: name! }), text, token.start);
    } else {
      segment(token.text, token.start, token.end, true);
      i++;
    }
  }
  return out;
}

const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);

/** Splits `( a, b )` starting at tokens[open] into arguments at depth-1 commas. */
function readArguments(
  text: string,
  tokens: readonly Token[],
  open: number,
  to: number,
  name: string
): { args: Argument[]; closeIndex: number } {
  const args: Argument[] = [];
  let current: Token[] = [];
  let currentStart = tokens[open].end;
  let depth = 0;
  for (let j = open; j < to; j++) {
    const token = tokens[j];
    if (token.kind === 'punctuation' && OPENERS.has(token.text)) {
      depth++;
      if (depth === 1) {
        continue;
      }
    } else if (token.kind === 'punctuation' && CLOSERS.has(token.text)) {
      depth--;
      if (depth === 0) {
        args.push({ tokens: current, start: currentStart });
        return { args, closeIndex: j };
      }
    } else if (depth === 1 && token.text === ',') {
      args.push({ tokens: current, start: currentStart });
      current = [];
      currentStart = token.end;
      continue;
    }
    current.push(token);
  }
  throw new CypherTextError(cypherText('macro.never-closed', { name }), text, tokens[open].start);
}

function expandCall(
  text: string,
  allTokens: readonly Token[],
  name: string,
  args: Argument[],
  offset: number,
  consumed: Set<Token>
): string {
  const expected = name === '$__timeGroup' ? 2 : 1;
  const usage = MACROS.find((m) => m.name === name)!.signature;
  if (args.length !== expected) {
    throw new CypherTextError(
      cypherText('macro.argument-count', { name, expected, usage, count: args.length }),
      text,
      offset
    );
  }
  const expression = argumentExpression(text, allTokens, args[0], name, usage, consumed);
  switch (name) {
    case '$__timeFilter':
      return timeFilterOf(expression);
    case '$__epochMs':
      return epochMsOf(expression);
    default:
      return timeGroupOf(expression, intervalArgument(text, args[1], usage, consumed));
  }
}

/** The argument as Cypher, parenthesised unless a plain property chain, comments dropped (a `//` comment would swallow the expansion). */
function argumentExpression(
  text: string,
  allTokens: readonly Token[],
  arg: Argument,
  name: string,
  usage: string,
  consumed: Set<Token>
): string {
  const significant = arg.tokens.filter((t) => !isTrivia(t));
  if (significant.length === 0) {
    throw new CypherTextError(cypherText('macro.needs-expression', { name, usage }), text, arg.start);
  }
  const first = allTokens.indexOf(arg.tokens[0]);
  const inner = expandRange(text, allTokens, first, first + arg.tokens.length, consumed);
  // Only trivia is touched: whitespace inside strings or backticked names is part of the value.
  let compact = '';
  for (const token of tokenize(inner)) {
    if (!isTrivia(token)) {
      compact += token.text;
    } else if (compact !== '' && !compact.endsWith(' ')) {
      compact += ' ';
    }
  }
  compact = compact.trimEnd();
  return isPropertyChain(compact) ? compact : `(${compact})`;
}

/** `n.created_at`, `$ts`, `` h.`created at` ``: nothing binds tighter, so no parentheses are needed. */
function isPropertyChain(expression: string): boolean {
  const tokens = tokenize(expression);
  return (
    tokens.every((t, k) =>
      k % 2 === 0
        ? t.kind === 'identifier' || t.kind === 'quotedIdentifier' || (k === 0 && t.kind === 'parameter')
        : t.text === '.'
    ) && tokens.length % 2 === 1
  );
}

function intervalArgument(text: string, arg: Argument, usage: string, consumed: Set<Token>): string {
  const significant = arg.tokens.filter((t) => !isTrivia(t));
  const only = significant.length === 1 ? significant[0] : undefined;
  // $__interval as Grafana users write it: `$__interval`, `${__interval}` or `[[__interval]]` (no format).
  const isIntervalReference =
    (only?.kind === 'parameter' || (only?.kind === 'variable' && !only.format && !only.fieldPath)) &&
    (only.value === '__interval' || only.value === TIME_PARAMETERS.intervalMs);
  if (isIntervalReference) {
    consumed.add(only);
    return `$${TIME_PARAMETERS.intervalMs}`;
  }
  const literal = significant.map((t) => t.text).join('');
  const ms = parseIntervalMs(literal);
  if (ms === undefined) {
    throw new CypherTextError(
      cypherText('macro.interval-not-understood', { literal: JSON.stringify(literal), usage }),
      text,
      significant[0]?.start ?? arg.start
    );
  }
  return String(ms);
}
