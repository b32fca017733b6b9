// What the gateway lets through to Memgraph: a RUN passes only when @opentruss/cypher's read-only checker (the
// allowlist the datasource applies in the browser too) recognises all of it as a read; Memgraph then receives the
// CANONICAL text printed from the checker's tree — never the client's bytes — so whatever Memgraph's lexer or
// stripper might read differently becomes a syntax error there, not a write. Every transaction and auto-commit run
// is sent in READ mode, and no run may outlast the gateway's query time limit.
import { checkReadQuery, positionAt, refusalMessage, type RefusalKind } from '@opentruss/cypher';
import type { BoltFailure } from '@opentruss/bolt-protocol';
import { gatewayErrorCodes } from '@opentruss/contract';
import { Integer, isInt } from 'neo4j-driver';

export interface Refusal {
  /** Also a metric label (refusals by reason). */
  kind: RefusalKind | 'malformed' | 'limit';
  failure: BoltFailure;
}

/** A RUN the checker accepted: what Memgraph receives, and how to point back at what the client wrote. */
export interface CheckedRun {
  /** The client's text. */
  text: string;
  /** The canonical text sent to Memgraph (with `QUERY MEMORY LIMIT` when the gateway sets one). */
  canonical: string;
  /** An offset in `canonical` → the offset in `text`. */
  sourceOffset(canonicalOffset: number): number;
}

export interface QueryPolicy {
  /** Appended to every query as `QUERY MEMORY LIMIT n MB`; 0 = none. */
  queryMemoryLimitMb: number;
}

/** The RUN's text → the run Memgraph receives, or the gateway's FAILURE that says what was refused. */
export function checkQuery(query: unknown, policy: QueryPolicy): { run: CheckedRun } | { refusal: Refusal } {
  if (typeof query !== 'string') {
    return {
      refusal: {
        kind: 'malformed',
        failure: { code: gatewayErrorCodes.refused, message: 'Refused by the Bolt gateway: RUN needs the query text as a string.' },
      },
    };
  }
  const checked = checkedQuery(query, policy.queryMemoryLimitMb);
  if (!checked.ok) {
    return {
      refusal: {
        kind: checked.refusal.kind,
        failure: { code: gatewayErrorCodes.refused, message: refusalMessage(checked.refusal, 'gateway', query) },
      },
    };
  }
  return { run: { text: query, canonical: checked.canonical, sourceOffset: (offset) => checked.sourceOffset(offset) } };
}

/**
 * checkReadQuery is pure, and dashboards send the same few texts on every refresh: the latest verdicts are kept
 * (least recently used out first), so a wall of panels costs one parse per distinct text, not one per RUN.
 */
const CACHE_ENTRIES = 512;
const CACHE_MAX_TEXT = 16 * 1024;
const verdicts = new Map<string, ReturnType<typeof checkReadQuery>>();

function checkedQuery(query: string, queryMemoryLimitMb: number): ReturnType<typeof checkReadQuery> {
  const key = `${queryMemoryLimitMb}\u0000${query}`;
  const cached = verdicts.get(key);
  if (cached) {
    verdicts.delete(key);
    verdicts.set(key, cached);
    return cached;
  }
  const checked = checkReadQuery(query, queryMemoryLimitMb > 0 ? { queryMemoryLimitMb } : {});
  if (query.length <= CACHE_MAX_TEXT) {
    verdicts.set(key, checked);
    if (verdicts.size > CACHE_ENTRIES) {
      verdicts.delete(verdicts.keys().next().value!);
    }
  }
  return checked;
}

/**
 * Memgraph's syntax errors give a position in the text it parsed — the canonical text: "Error on line L position P
 * …" (src/query/frontend/opencypher/parser.hpp: ANTLR's line, and its 0-based column in code points + 1). The
 * message the client gets says where that is in the text the client sent (line, and column as the editors count
 * them), so editors and panels still point at what the user wrote. Other messages pass unchanged.
 */
export function failureForClient(failure: BoltFailure, run: CheckedRun): BoltFailure {
  const found = SYNTAX_POSITION.exec(failure.message);
  if (!found) {
    return failure;
  }
  const canonicalOffset = offsetOfLineColumn(run.canonical, Number(found[1]), Number(found[2]));
  if (canonicalOffset === undefined) {
    return failure;
  }
  const { line, column } = positionAt(run.text, run.sourceOffset(canonicalOffset));
  const message = failure.message.replace(
    SYNTAX_POSITION,
    `Error on line ${line} position ${column} of the query as written (Memgraph parsed the gateway's canonical form)`
  );
  return { ...failure, message };
}

const SYNTAX_POSITION = /^Error on line (\d+) position (\d+)/;

/** ANTLR's 1-based line (lines end at \n) and 1-based column in code points → an offset (UTF-16) in `text`. */
function offsetOfLineColumn(text: string, line: number, column: number): number | undefined {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const end = text.indexOf('\n', offset);
    if (end < 0) {
      return undefined;
    }
    offset = end + 1;
  }
  for (let c = 1; c < column; c++) {
    if (offset >= text.length || text[offset] === '\n') {
      return offset; // past the line's end, as ANTLR says for "at <EOF>"
    }
    offset += text.codePointAt(offset)! > 0xffff ? 2 : 1;
  }
  return offset;
}

/**
 * The RUN or BEGIN extra Memgraph receives: READ mode whatever the client asked for, and a transaction timeout no
 * longer than the gateway's limit (0 = no limit). `extra` has passed the request policy's allowlist already.
 */
export function readOnlyExtra(extra: Record<string, unknown>, queryTimeoutMs: number): Record<string, unknown> {
  const result: Record<string, unknown> = { ...extra, mode: 'r' };
  if (queryTimeoutMs > 0) {
    const asked = timeoutOf(extra.tx_timeout);
    result.tx_timeout = Integer.fromNumber(
      asked !== undefined && asked > 0 ? Math.min(asked, queryTimeoutMs) : queryTimeoutMs
    );
  }
  return result;
}

function timeoutOf(value: unknown): number | undefined {
  return isInt(value) ? value.toNumber() : typeof value === 'number' ? value : undefined;
}
