import type { CypherText } from '../texts';

/** The read-only checker's public types: a leaf module every other module of the checker may import. */
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
  /** `reason` as a code and parameters, for a translation. */
  diagnostic: CypherText;
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
