/** A problem in the query text, by character offsets into the text the user wrote. */
export interface CypherDiagnostic {
  severity: 'error' | 'warning';
  message: string;
  start: number;
  end: number;
  /** Who found it: this datasource (Memgraph's rules) or Neo4j's language library (general Cypher). */
  source: 'datasource' | 'cypher';
}

export const byPosition = (a: CypherDiagnostic, b: CypherDiagnostic) => a.start - b.start || a.end - b.end;
