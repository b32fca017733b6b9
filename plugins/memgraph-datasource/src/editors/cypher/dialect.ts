import { checkReadQuery, isTrivia, MACROS, tokenize, type Token } from '@opentruss/cypher';

import { MEMGRAPH_EXPANSIONS } from './keywords';

/** A stretch of the query that Neo4j's parser is not shown (its diagnostics there are not Memgraph's). */
export interface MaskedRegion {
  start: number;
  end: number;
  kind: 'raw-variable' | 'expansion' | 'statement' | 'directive';
}

/** The query rewritten for Neo4j's parser: same length, so every offset still points at the user's text. */
export interface MaskedCypher {
  text: string;
  regions: MaskedRegion[];
  /** Variables defined inside masked Memgraph expansions (lambda parameters, total weight). */
  expansionVariables: Set<string>;
}

/** Statements only Memgraph has; Neo4j's parser would call them errors. */
const MEMGRAPH_ONLY_STATEMENTS = new Set(['SHOW', 'ANALYZE', 'DUMP', 'FREE', 'STORAGE', 'TERMINATE', 'DESCRIBE']);
const QUERY_STARTS = new Set(['MATCH', 'OPTIONAL', 'CALL', 'WITH', 'UNWIND', 'RETURN', 'MERGE', 'CREATE']);
const MACRO_NAMES = new Set(MACROS.map((macro) => macro.name.slice(1)));

const blank = (text: string) => text.replace(/[^\n]/g, ' ');

/**
 * Prepares Memgraph Cypher (with this datasource's macros and Grafana's variables) for the Neo4j language
 * library, which knows Neo4j's dialect only. Each rewrite keeps the length, so diagnostics map back 1:1:
 * - `$__timeFilter(x)` → ` __timeFilter(x)`: a function call, which Neo4j parses (a parameter cannot be called);
 * - `${var}` / `[[var]]` → `$var` padded with spaces; `${var:raw}` → a backticked name of the same length;
 * - Memgraph's expansions `[*BFS …]`, `[*WSHORTEST (e, n | e.w) total]`, `[* (e, n | …)]` → `[*   …]`;
 * - Memgraph-only statements (`SHOW INDEX INFO` …) and statements that write (which the datasource refuses
 *   itself, with Memgraph's syntax in mind) → blanks; `USING PARALLEL EXECUTION` / `USING HOPS LIMIT` → blanks.
 * Throws the lexer's CypherTextError for text that does not tokenise (the datasource reports that itself).
 */
export function maskForNeo4j(cypher: string, isVariable: (name: string) => boolean): MaskedCypher {
  const tokens = tokenize(cypher);
  const out = tokens.map((token) => token.text);
  const regions: MaskedRegion[] = [];
  const expansionVariables = new Set<string>();
  const mask = (from: number, to: number, kind: MaskedRegion['kind']) => {
    for (let k = from; k < to; k++) {
      out[k] = blank(tokens[k].text);
    }
    if (to > from) {
      regions.push({ start: tokens[from].start, end: tokens[to - 1].end, kind });
    }
  };

  const open: number[] = []; // indices of open brackets
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === 'parameter' && MACRO_NAMES.has(token.value!) && next(tokens, i)?.text === '(') {
      out[i] = ' ' + token.text.slice(1);
    } else if (token.kind === 'variable') {
      maskVariable(token, i, out, regions, isVariable);
    } else if (token.kind === 'punctuation' && '([{'.includes(token.text)) {
      open.push(i);
    } else if (token.kind === 'punctuation' && ')]}'.includes(token.text)) {
      open.pop();
    } else if (token.text === '*' && isInRelationshipPattern(tokens, open)) {
      const end = expansionEnd(tokens, i, open.length);
      const first = expansionStart(tokens, i, end);
      if (first !== undefined) {
        collectNames(tokens, first, end, expansionVariables);
        mask(first, end, 'expansion');
        i = end - 1;
      }
    }
  }
  maskStatements(cypher, tokens, mask);
  return { text: out.join(''), regions, expansionVariables };
}

function next(tokens: Token[], i: number): Token | undefined {
  return tokens.slice(i + 1).find((t) => !isTrivia(t));
}

function previous(tokens: Token[], i: number): Token | undefined {
  for (let k = i - 1; k >= 0; k--) {
    if (!isTrivia(tokens[k])) {
      return tokens[k];
    }
  }
  return undefined;
}

function maskVariable(
  token: Token,
  i: number,
  out: string[],
  regions: MaskedRegion[],
  isVariable: (name: string) => boolean
): void {
  const length = token.text.length;
  if (token.format === 'raw') {
    out[i] = '`' + 'x'.repeat(length - 2) + '`';
    regions.push({ start: token.start, end: token.end, kind: 'raw-variable' });
  } else if (token.text.startsWith('$') || isVariable(token.value!)) {
    out[i] = `$${token.value}`.padEnd(length, ' ');
  }
  // `[[x]]` where x is no variable stays: it is a nested list in Cypher.
}

/** `-[` … `*` or `<-[` … `*`: the innermost open bracket is a relationship pattern's. */
function isInRelationshipPattern(tokens: Token[], open: number[]): boolean {
  const innermost = open[open.length - 1];
  if (innermost === undefined || tokens[innermost].text !== '[') {
    return false;
  }
  const before = previous(tokens, innermost)?.text;
  return before === '-' || before === '<';
}

/** Index of the `]` closing the relationship pattern that contains the `*` at star. */
function expansionEnd(tokens: Token[], star: number, depth: number): number {
  let level = depth;
  for (let k = star + 1; k < tokens.length; k++) {
    const text = tokens[k].kind === 'punctuation' ? tokens[k].text : '';
    if ('([{'.includes(text) && text) {
      level++;
    } else if (')]}'.includes(text) && text) {
      level--;
      if (level < depth) {
        return k;
      }
    }
  }
  return tokens.length;
}

/** First token after `*` that Neo4j would not parse: a Memgraph expansion keyword or a lambda `(`. */
function expansionStart(tokens: Token[], star: number, end: number): number | undefined {
  for (let k = star + 1; k < end; k++) {
    const token = tokens[k];
    if (token.kind === 'identifier' && MEMGRAPH_EXPANSIONS.includes(token.value!.toUpperCase())) {
      return k;
    }
    if (token.text === '(') {
      return k;
    }
  }
  return undefined;
}

function collectNames(tokens: Token[], from: number, to: number, names: Set<string>): void {
  for (let k = from; k < to; k++) {
    const token = tokens[k];
    const isKeyword = token.kind === 'identifier' && MEMGRAPH_EXPANSIONS.includes(token.value!.toUpperCase());
    if ((token.kind === 'identifier' || token.kind === 'quotedIdentifier') && !isKeyword && previous(tokens, k)?.text !== '.') {
      names.add(token.value!);
    }
  }
}

/** Statement by statement (split at `;`): blank Memgraph-only statements, writes and `USING …` directives. */
function maskStatements(
  cypher: string,
  tokens: Token[],
  mask: (from: number, to: number, kind: MaskedRegion['kind']) => void
): void {
  let start = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i < tokens.length && tokens[i].text !== ';') {
      continue;
    }
    const significant = tokens.slice(start, i).findIndex((t) => !isTrivia(t));
    if (significant !== -1) {
      const first = start + significant;
      const keyword = tokens[first].kind === 'identifier' ? tokens[first].value!.toUpperCase() : '';
      const text = cypher.slice(tokens[first].start, tokens[i - 1].end);
      if (MEMGRAPH_ONLY_STATEMENTS.has(keyword) || isRefusedAsNoRead(text)) {
        mask(first, i, 'statement');
      } else if (keyword === 'USING') {
        const queryStart = tokens.findIndex(
          (t, k) => k > first && k < i && t.kind === 'identifier' && QUERY_STARTS.has(t.value!.toUpperCase())
        );
        mask(first, queryStart === -1 ? i : queryStart, 'directive');
      }
    }
    start = i + 1;
  }
}

/**
 * A statement the read-only checker refuses for what it does (a write, administration, a procedure, a form it does
 * not allow) — the datasource marks it itself. A syntax refusal is not masked: Neo4j's parser may say more there.
 */
function isRefusedAsNoRead(statement: string): boolean {
  const checked = checkReadQuery(statement);
  return !checked.ok && checked.refusal.kind !== 'syntax' && checked.refusal.kind !== 'encoding';
}
