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
export type { CheckOptions, RefusalKind, Refusal, CheckedStatement, ReadCheck } from './types';
export { checkReadQuery } from './check';
export { refusalDiagnostic, refusalMessage } from './messages';
export { isReadProcedure } from './procedures';
export { readQueryNames, type NameUse, type ReadQueryNames } from './names';
