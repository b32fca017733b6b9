/**
 * The read-only checker: a recursive-descent parser of Memgraph 3.12's READ subset of Cypher (an allowlist), and a
 * printer of the canonical text from the parse tree. What is sent to Memgraph is the canonical text, never the
 * user's bytes, so any disagreement between this reading and Memgraph's becomes a syntax error there, not a write.
 * See the package README, section "Read-only".
 *
 * API notes for the integrator:
 * - `checkReadQuery(text, options)` is pure and synchronous (no I/O, no clock): the bench (`npm run bench`) can
 *   time it directly over the product's statements for the µs-per-statement figure; the product's statements are
 *   collected in test/readOnly/product-statements.test.ts (dashboards bound by bindStatement, the catalogue,
 *   SCHEMA_QUERIES, INDEX_INFO_QUERY, VERSION_QUERY).
 * - It never throws for any text (deep nesting and explosive backtracking are refusals too); it throws RangeError
 *   only for an invalid `queryMemoryLimitMb` (not a positive safe integer) — a configuration error.
 * - `sourceOffset(i)` takes a 0-based offset into `canonical` (the canonical text is one line: Memgraph's
 *   "line 1:i" column is that offset) and returns the offset of the token's start in the checked text; a space
 *   maps to the next token, the appended memory limit and anything past the end to `text.length`.
 * - `refusalMessage(refusal, 'browser' | 'gateway', text)` is the one message for a refusal.
 * - `isReadProcedure` is the read-procedure allowlist (moved here from readOnlyGuard.ts).
 */
import { check } from './check';

export interface CheckOptions {
  /** Appended to every canonical cypherQuery as `QUERY MEMORY LIMIT n MB` (Memgraph 3.12 grammar); a smaller limit the user wrote is kept. */
  queryMemoryLimitMb?: number;
}
export type RefusalKind = 'write' | 'admin' | 'procedure' | 'syntax' | 'unsupported' | 'encoding';
export interface Refusal {
  kind: RefusalKind;
  /** What was refused, as the user wrote it in upper case, e.g. `CREATE`, `SHOW CONFIG`, `CALL create.node`, `UNSET PARAMETER`; for syntax: the unexpected token. */
  clause: string;
  /** One sentence, no source prefix, e.g. "this query writes (CREATE)". */
  reason: string;
  /** Offsets into the checked text. */
  start: number;
  end: number;
}
export interface CheckedStatement {
  ok: true;
  /** What is sent to Memgraph: printed from the tree. */
  canonical: string;
  /** `show` for the allowlisted SHOW information statements (run auto-commit), `read` for queries. */
  kind: 'read' | 'show';
  /** Maps an offset in `canonical` (e.g. from a Memgraph syntax error "line 1:37") to an offset in the checked text. */
  sourceOffset(canonicalOffset: number): number;
}
export type ReadCheck = CheckedStatement | { ok: false; refusal: Refusal };

export function checkReadQuery(text: string, options?: CheckOptions): ReadCheck {
  return check(text, options ?? {});
}

export { refusalMessage } from './messages';
export { isReadProcedure } from './procedures';
