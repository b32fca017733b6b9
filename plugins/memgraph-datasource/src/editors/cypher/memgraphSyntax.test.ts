import { cypherDiagnostics } from './cypherDiagnostics';
import type { QueryContext } from './queryContext';

/**
 * Memgraph's own syntax, which the editor must never mark: each statement with where Memgraph 3.12 defines it
 * (grammar files at tag v3.12.0: src/query/frontend/opencypher/grammar/{Cypher,MemgraphCypher}.g4; built-in
 * functions in src/query/interpret/awesome_memgraph_functions.cpp; procedures and module functions in
 * src/query/procedure/module.cpp and query_modules/). Neo4j's parser flagged several of these; the editor's checks
 * now use the read-only checker's grammar of Memgraph's Cypher.
 */
const MEMGRAPH_SYNTAX: Array<[statement: string, definedIn: string]> = [
  [
    'USING INDEX :Element(id) MATCH (n:Element) WHERE n.id = 1 RETURN n',
    'MemgraphCypher.g4 cypherQuery, preQueryDirectives, indexHints, indexHint',
  ],
  [
    'USING INDEX :Element(id), :InspectionLot MATCH (n:Element)-[:HAS_LOT]->(l:InspectionLot) RETURN n, l',
    'MemgraphCypher.g4 indexHints: INDEX indexHint ( , indexHint )*',
  ],
  ['SHOW STORAGE INFO', 'MemgraphCypher.g4 systemInfoQuery, storageInfo'],
  ['SHOW INDEX INFO', 'Cypher.g4 databaseInfoQuery, indexInfo'],
  ['SHOW CONSTRAINT INFO', 'Cypher.g4 databaseInfoQuery, constraintInfo'],
  ['SHOW SCHEMA INFO', 'MemgraphCypher.g4 showSchemaInfoQuery'],
  ['SHOW VERSION', 'MemgraphCypher.g4 versionQuery'],
  [
    'CALL mg.procedures() YIELD name, signature RETURN name, signature',
    'Cypher.g4 callProcedure; module.cpp builtin module mg, AddProcedure("procedures")',
  ],
  ['CALL mg.functions() YIELD name RETURN name', 'module.cpp builtin module mg, AddProcedure("functions")'],
  [
    'CALL schema.node_type_properties() YIELD nodeType, propertyName RETURN nodeType, propertyName',
    'query_modules/schema.cpp kProcedureNodeType, kReturnNodeType, kReturnPropertyName',
  ],
  [
    'CALL schema.rel_type_properties() YIELD relType RETURN relType',
    'query_modules/schema.cpp kProcedureRelType, kReturnRelType',
  ],
  [
    'MATCH (n:Element) RETURN count(n) AS n QUERY MEMORY LIMIT 10 MB',
    'Cypher.g4 cypherQuery ( queryMemoryLimit )?, memoryLimit',
  ],
  [
    'CALL mg.procedures() YIELD name RETURN name QUERY MEMORY LIMIT 512 KB',
    'Cypher.g4 queryMemoryLimit: QUERY memoryLimit ( MB | KB )',
  ],
  [
    "RETURN date('2024-01-01') AS d, localTime('09:30') AS t, localDateTime('2024-01-01T09:30:00') AS ldt, " +
      "datetime('2024-01-01T09:30:00[Asia/Shanghai]') AS dt, duration('P1DT2H') AS du",
    'awesome_memgraph_functions.cpp DATE, LOCALTIME, LOCALDATETIME, DATETIME, DURATION',
  ],
  [
    'MATCH (l:InspectionLot) WHERE l.created_at >= localDateTime() - duration({days: 7}) RETURN date(l.created_at) AS day',
    'awesome_memgraph_functions.cpp LOCALDATETIME, DURATION, DATE',
  ],
  [
    'RETURN timestamp() AS now, toSet([1, 1, 2]) AS s, valueType(1) AS t',
    'awesome_memgraph_functions.cpp TIMESTAMP, TOSET, VALUETYPE',
  ],
  ['RETURN convert.str2object(\'{"a": 1}\') AS o', 'query_modules/convert.cpp kFunctionStr2Object (AddFunction)'],
  [
    'MATCH (a:Element)-[*BFS]->(b:Element) RETURN a, b',
    'Cypher.g4 variableExpansion: * ( BFS | WSHORTEST | ALLSHORTEST | KSHORTEST )?',
  ],
  [
    'MATCH p = (a:Element)-[e *WSHORTEST (r, n | r.w) total]->(b:Element) RETURN p, total',
    'Cypher.g4 relationshipDetail, relationshipLambda',
  ],
  [
    'MATCH (a:Element)-[*ALLSHORTEST (r, n | r.w) total]->(b:Element) RETURN a, b, total',
    'Cypher.g4 variableExpansion, relationshipLambda',
  ],
  [
    'MATCH (a:Element)-[*BFS ..3 (r, n | n.status = "OK")]->(b:Element) RETURN b',
    'Cypher.g4 variableExpansion ( .. expression? )?, relationshipLambda',
  ],
  [
    'MATCH (n:Element) WHERE exists((n)-[:HAS_LOT]->()) RETURN id(n) AS id',
    'Cypher.g4 existsExpression; awesome_memgraph_functions.cpp ID',
  ],
  ['EXPLAIN MATCH (n:Element) RETURN n', 'Cypher.g4 explainQuery'],
  ['PROFILE MATCH (n:Element) RETURN n', 'Cypher.g4 profileQuery'],
];

describe("Memgraph's own syntax is never marked", () => {
  // No schema: names missing from a schema are warnings of their own, not what this table is about.
  const context: QueryContext = { variables: ['project'] };
  it.each(MEMGRAPH_SYNTAX)('%s  (%s)', (statement) => {
    expect(cypherDiagnostics(statement, context)).toEqual([]);
  });

  it('and a typo next to it still is (the table is not passing for want of checks)', () => {
    expect(cypherDiagnostics('USING INDEX :Element(id) MATCH (n:Element) RETRUN n', context)).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('unexpected RETRUN') }),
    ]);
    expect(cypherDiagnostics('MATCH (n:Element) RETURN n QUERY MEMORY LIMIT 10 GB', context)).toEqual([
      expect.objectContaining({ severity: 'error' }),
    ]);
    expect(cypherDiagnostics('MATCH (a)-[*WSHORTEST (r, n | r.w) total]->(b) RETURN totl', context)).toEqual([
      expect.objectContaining({ severity: 'error', message: 'Variable `totl` not defined' }),
    ]);
  });
});
