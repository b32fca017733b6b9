import { assertReadOnly, CypherTextError, describeRefusal, findWriteClause, isReadProcedure } from '../src';

describe('findWriteClause refuses writes, naming the clause and its position', () => {
  it.each([
    ['CREATE (n:Element {id: 1})', 'CREATE'],
    ["MERGE (n:Element {id: '1'}) RETURN n", 'MERGE'],
    ['MATCH (n) SET n.status = 1', 'SET'],
    ['MATCH (n) SET n:Verified', 'SET'],
    ['MATCH (n) DELETE n', 'DELETE'],
    ['MATCH (n) DETACH DELETE n', 'DETACH DELETE'],
    ['MATCH (n) detach delete n', 'DETACH DELETE'],
    ['MATCH (n) REMOVE n.status', 'REMOVE'],
    ['MATCH (n) REMOVE n:Element', 'REMOVE'],
    ['DROP INDEX ON :Element(id)', 'DROP INDEX'],
    ['CREATE INDEX ON :Element(id)', 'CREATE INDEX'],
    ['CREATE EDGE INDEX ON :HAS_LOT(id)', 'CREATE EDGE'],
    ['CREATE CONSTRAINT ON (n:Element) ASSERT n.id IS UNIQUE', 'CREATE CONSTRAINT'],
    ['DROP CONSTRAINT ON (n:Element) ASSERT n.id IS UNIQUE', 'DROP CONSTRAINT'],
    ["CREATE USER viewer IDENTIFIED BY 'x'", 'CREATE USER'],
    ['CREATE ROLE reader', 'CREATE ROLE'],
    ['GRANT MATCH TO reader', 'GRANT'],
    ['DENY CREATE TO reader', 'DENY'],
    ['REVOKE ALL PRIVILEGES FROM reader', 'REVOKE'],
    ["SET PASSWORD FOR viewer TO 'y'", 'SET PASSWORD'],
    ['CREATE TRIGGER t ON CREATE BEFORE COMMIT EXECUTE CREATE (:X)', 'CREATE TRIGGER'],
    ['DROP TRIGGER t', 'DROP TRIGGER'],
    ['CREATE KAFKA STREAM s TOPICS t TRANSFORM m.f', 'CREATE KAFKA'],
    ['START STREAM s', 'START STREAM'],
    ['STOP ALL STREAMS', 'STOP ALL'],
    ["REGISTER REPLICA r SYNC TO '10.0.0.2'", 'REGISTER'],
    ['SET REPLICATION ROLE TO REPLICA WITH PORT 10000', 'SET REPLICATION'],
    ['SET DATABASE SETTING "query.timeout" TO "0"', 'SET DATABASE'],
    ['CREATE SNAPSHOT', 'CREATE SNAPSHOT'],
    ['RECOVER SNAPSHOT "/x" FORCE', 'RECOVER SNAPSHOT'],
    ['CHECK STREAM s', 'CHECK STREAM'],
    ['DROP STREAM s', 'DROP STREAM'],
    ['SHOW USERS', 'SHOW USERS'],
    ['SHOW PRIVILEGES FOR viewer', 'SHOW PRIVILEGES'],
    ['SHOW ROLES', 'SHOW ROLES'],
    ['STORAGE MODE IN_MEMORY_ANALYTICAL', 'STORAGE MODE'],
    ['FREE MEMORY', 'FREE MEMORY'],
    ['ANALYZE GRAPH', 'ANALYZE GRAPH'],
    ["TERMINATE TRANSACTIONS '1'", 'TERMINATE TRANSACTIONS'],
    ['ENABLE TTL', 'ENABLE TTL'],
    ["LOAD CSV FROM '/x.csv' WITH HEADER AS row CREATE (:X)", 'LOAD CSV'],
    ["LOAD JSONL FROM '/x.jsonl' AS row RETURN row", 'LOAD JSONL'],
    ['MATCH (n) FOREACH (x IN [1] | SET n.a = x)', 'SET inside FOREACH'],
    ['MATCH p = (a)-->(b) FOREACH (n IN nodes(p) | DETACH DELETE n)', 'DETACH DELETE inside FOREACH'],
    ["CALL create.node(['A'], {}) YIELD node RETURN node", 'CALL create.node'],
    ['CALL merge.relationship(a, "R", {}, {}, b, {}) YIELD rel RETURN rel', 'CALL merge.relationship'],
    ['CALL refactor.rename_label("A", "B", nodes) YIELD nodes_changed RETURN 1', 'CALL refactor.rename_label'],
    [
      "CALL periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {batch_size: 10}) YIELD * RETURN 1",
      'CALL periodic.iterate',
    ],
    ["CALL do.when(true, 'CREATE (:X)', '', {}) YIELD value RETURN value", 'CALL do.when'],
    ['CALL nodes.delete(n)', 'CALL nodes.delete'],
    ['CALL merge.x', 'CALL merge.x'],
    ["CALL mg.load('m')", 'CALL mg.load'],
    ['CALL `create`.`node`(["A"], {}) YIELD node RETURN node', 'CALL create.node'],
    ['CALL apoc.create.node(["A"], {}) YIELD node RETURN node', 'CALL apoc.create.node'],
    ['CALL pagerank_online.set(100, 0.2) YIELD * RETURN 1', 'CALL pagerank_online.set'],
    ["CALL export_util.json('/tmp/x.json')", 'CALL export_util.json'],
    // An allowlist: procedures nobody listed as reads are refused, whatever they are called.
    ['CALL my_module.innocent_looking() YIELD x RETURN x', 'CALL my_module.innocent_looking'],
    ['CALL pagerank_online.update([], [], [], []) YIELD * RETURN 1', 'CALL pagerank_online.update'],
    ["CALL json_util.load_from_url('http://10.0.0.1/') YIELD objects RETURN objects", 'CALL json_util.load_from_url'],
    ['MATCH (n) CALL { WITH n CALL custom.write(n) YIELD ok RETURN ok } RETURN n', 'CALL custom.write'],
    ['CALL mg.load_all()', 'CALL mg.load_all'],
    ['MATCH (n) WITH n AS set SET set.x = 1', 'SET'],
    ['MATCH (n) CALL { WITH n CREATE (m:Copy) } RETURN n', 'CREATE'],
    ['MATCH (n) WHERE n.a = "}" CREATE (x)', 'CREATE'],
    ['MATCH (n)/* comment */DELETE n', 'DELETE'],
    ["MATCH (n) WHERE n.name = 'x' OR 1=1 MERGE (m:Pwned) RETURN n", 'MERGE'],
    // Separators Memgraph's lexer skips but JavaScript's \s does not must not hide a keyword pair.
    ['STORAGE\x1CMODE IN_MEMORY_ANALYTICAL', 'STORAGE MODE'],
    ['FREE\u180EMEMORY', 'FREE MEMORY'],
    ['TERMINATE\x1FTRANSACTIONS "1"', 'TERMINATE TRANSACTIONS'],
    ['MATCH (n)\u00A0DETACH\u2003DELETE n', 'DETACH DELETE'],
    // Memgraph statements from its grammar (MemgraphCypher.g4).
    ['LOCK DATA DIRECTORY', 'LOCK DATA'],
    ['UNLOCK DATA DIRECTORY', 'UNLOCK DATA'],
    ["ADD COORDINATOR 2 WITH CONFIG {'bolt_server': 'h:7691'}", 'ADD COORDINATOR'],
    ['FORCE RESET CLUSTER STATE', 'FORCE RESET'],
    ['YIELD LEADERSHIP', 'YIELD LEADERSHIP'],
    ['RENAME DATABASE a TO b', 'RENAME DATABASE'],
    ['UPDATE PROFILE p LIMIT sessions 2', 'UPDATE PROFILE'],
    ['CLEAR PROFILE FOR viewer', 'CLEAR PROFILE'],
    ['CLEAR ROLES FOR viewer', 'CLEAR ROLES'],
  ])('%s → %s', (query, clause) => {
    expect(findWriteClause(query)?.clause).toBe(clause);
  });

  it('reports the line and column of the clause', () => {
    expect(findWriteClause('MATCH (n)\n  WHERE n.id = 1\n  DETACH DELETE n')?.position).toEqual({
      offset: 29,
      line: 3,
      column: 3,
    });
  });
});

describe('findWriteClause lets reads through, whatever words they contain', () => {
  it.each([
    'MATCH (n:Element) RETURN n.status, count(*) AS c',
    "MATCH (n) WHERE n.note = 'CREATE (x) DETACH DELETE n; DROP INDEX' RETURN n",
    'MATCH (n) WHERE n.note = "MERGE \\" SET x" RETURN n',
    "MATCH (n) WHERE n.note = 'it\\'s SET' RETURN n // DELETE everything\n",
    'MATCH (n) /* CREATE INDEX ON :Element(id) */ RETURN n',
    'MATCH (n) RETURN n.`DELETE`, n.`set`, `CREATE`.x',
    'MATCH (n) WHERE n.set = 1 AND n.delete IS NULL AND n.create > 0 RETURN n.merge, n.remove, n.drop',
    'MATCH (n) RETURN {create: 1, delete: 2, set: 3, remove: 4, merge: 5, load: 6} AS m',
    'MATCH (n) RETURN n {.set, .delete, create: n.x} AS projected',
    'MATCH (n:Create:Delete)-[:SET|REMOVE|DELETE]->(m:Merge) RETURN n',
    'MATCH (n) WHERE n:Set OR n:`Detach` RETURN n',
    'MATCH (n) RETURN count(n) AS delete, n.x AS set, 1 AS remove',
    'MATCH (n) WITH n.x AS create RETURN create',
    'MATCH (n) WITH n.x AS set, n.y AS delete RETURN set, delete',
    'MATCH (n) WHERE n.id = $set AND n.k IN ${delete} RETURN [[remove]]',
    'RETURN merge.helper(1), create.something, set.x AS y',
    'CALL schema.node_type_properties() YIELD nodeType RETURN nodeType',
    'CALL mg.procedures() YIELD name, is_write RETURN name',
    'CALL nodes.relationship_types(n) YIELD relationship_types RETURN 1',
    'CALL PageRank.Get() YIELD node, rank RETURN rank',
    'CALL `pagerank`.`get`() YIELD node, rank RETURN rank',
    'CALL mg.functions() YIELD name RETURN name',
    'CALL { MATCH (n) RETURN n } RETURN n',
    'SHOW INDEX INFO',
    'SHOW STORAGE INFO',
    'EXPLAIN MATCH (n) RETURN n',
    'UNWIND [1, 2] AS x RETURN [y IN range(1, x) | y * 2] AS doubled',
    'MATCH (n) WHERE n.name STARTS WITH "x" RETURN n ORDER BY n.created DESC LIMIT 5',
    'CALL mg.procedures() YIELD leadership RETURN leadership',
    'MATCH (n) RETURN n.lock AS lock, n.update AS update, n.force AS force',
    'DATA DIRECTORY LOCK STATUS',
  ])('%s', (query) => {
    expect(findWriteClause(query)).toBeUndefined();
  });
});

describe('assertReadOnly', () => {
  it('throws a CypherTextError whose message names the clause and says what to do', () => {
    let error: unknown;
    try {
      assertReadOnly('MATCH (n)\nDETACH DELETE n');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CypherTextError);
    expect((error as Error).message).toBe(
      'Refused before sending: this query writes (DETACH DELETE). The Memgraph datasource only reads; run writes ' +
        'from another client with a user allowed to change the graph (line 2, column 1)'
    );
  });

  it('returns quietly for reads', () => {
    expect(() => assertReadOnly('MATCH (n) RETURN n')).not.toThrow();
  });
});

describe('refusal kinds and their reasons', () => {
  it.each([
    ['CREATE (n)', 'write', 'this query writes (CREATE)'],
    ['CREATE INDEX ON :Element(id)', 'write', 'this query writes (CREATE INDEX)'],
    ["CREATE USER viewer IDENTIFIED BY 'x'", 'admin', 'this is an administrative statement (CREATE USER)'],
    ['CREATE TRIGGER t ON CREATE BEFORE COMMIT EXECUTE RETURN 1', 'admin', 'this is an administrative statement (CREATE TRIGGER)'],
    ['FREE MEMORY', 'admin', 'this is an administrative statement (FREE MEMORY)'],
    ['STORAGE MODE IN_MEMORY_ANALYTICAL', 'admin', 'this is an administrative statement (STORAGE MODE)'],
    [
      'CALL x.y()',
      'procedure',
      'this query calls a procedure that is not on the read-procedure allowlist (CALL x.y)',
    ],
  ])('%s → %s', (query, kind, reason) => {
    const found = findWriteClause(query)!;
    expect(found.kind).toBe(kind);
    expect(describeRefusal(found)).toBe(reason);
  });
});

describe('isReadProcedure (an allowlist)', () => {
  it.each([
    ['pagerank.get', true],
    ['PAGERANK.GET', true],
    ['schema.node_type_properties', true],
    ['mg.procedures', true],
    ['nodes.relationships_exist', true],
    ['create.node', false],
    ['pagerank_online.set', false],
    ['mg.load', false],
    ['periodic.iterate', false],
    ['anything.else', false],
  ])('%s → %s', (name, reads) => {
    expect(isReadProcedure(name)).toBe(reads);
  });
});
