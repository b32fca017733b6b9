/** Cypher keywords Memgraph understands (highlighting, and completion when the language library is unavailable). */
export const CYPHER_KEYWORDS: readonly string[] = [
  'MATCH', 'OPTIONAL', 'WHERE', 'RETURN', 'WITH', 'UNWIND', 'ORDER', 'BY', 'ASC', 'ASCENDING', 'DESC', 'DESCENDING',
  'SKIP', 'LIMIT', 'DISTINCT', 'AS', 'AND', 'OR', 'XOR', 'NOT', 'IN', 'IS', 'NULL', 'TRUE', 'FALSE', 'CASE', 'WHEN',
  'THEN', 'ELSE', 'END', 'STARTS', 'ENDS', 'CONTAINS', 'UNION', 'ALL', 'CALL', 'YIELD', 'EXISTS', 'FOREACH', 'CREATE',
  'MERGE', 'SET', 'DELETE', 'DETACH', 'REMOVE', 'ON', 'INDEX', 'CONSTRAINT', 'DROP', 'SHOW', 'INFO', 'USING',
  'PROFILE', 'EXPLAIN', 'LOAD', 'CSV', 'USE', 'DATABASE', 'CYPHER',
];

/** Memgraph's own path expansions, `-[*BFS]->` … (Memgraph docs, "Deep-path traversal"). */
export const MEMGRAPH_EXPANSIONS: readonly string[] = ['BFS', 'WSHORTEST', 'ALLSHORTEST', 'KSHORTEST'];

/**
 * Keywords the Neo4j language library offers that Memgraph does not accept (GQL and Neo4j 5/25 additions such as
 * FINISH, INSERT, LET, FILTER, COLLECT { } / COUNT-less subqueries, vector search, OFFSET): left out of completion
 * so nobody is led into a query Memgraph rejects.
 */
export const NEO4J_ONLY_KEYWORDS: ReadonlySet<string> = new Set([
  'FINISH', 'INSERT', 'NODETACH', 'FILTER', 'LET', 'SEARCH', 'FOR', 'NEXT', 'INF', 'INFINITY', 'NAN', 'VECTOR',
  'VECTOR_DISTANCE', 'ALLREDUCE', 'NORMALIZE', 'COLLECT', 'OFFSET', 'SHORTEST', 'ALL SHORTEST', 'ANY SHORTEST',
  'SHORTEST PATH', 'REPEATABLE', 'DIFFERENT', 'ELEMENTS',
]);
