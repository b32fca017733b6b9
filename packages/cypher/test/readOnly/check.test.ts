import { checkReadQuery, refusalMessage, type ReadCheck, type RefusalKind } from '../../src/readOnly';
import { lex } from '../../src/readOnly/lexer';
import { stripperTokens } from './stripperReading';

function canonical(text: string, limit?: number): string {
  const checked = checkReadQuery(text, limit === undefined ? {} : { queryMemoryLimitMb: limit });
  if (!checked.ok) {
    throw new Error(`refused ${JSON.stringify(text)}: ${JSON.stringify(checked.refusal)}`);
  }
  return checked.canonical;
}

function refusal(text: string): { kind: RefusalKind; clause: string } {
  const checked: ReadCheck = checkReadQuery(text);
  if (checked.ok) {
    throw new Error(`accepted ${JSON.stringify(text)} as ${checked.canonical}`);
  }
  return { kind: checked.refusal.kind, clause: checked.refusal.clause };
}

describe('the canonical text is printed from the tree', () => {
  it.each([
    ['match (n:Person {name: "x"}) return n', "MATCH ( `n` : `Person` { `name` : 'x' } ) RETURN `n` AS `n`"],
    [
      'MATCH (a)-[r:T|:U*1..3]->(b) RETURN r',
      'MATCH ( `a` ) - [ `r` : `T` | : `U` * 1 .. 3 ] - > ( `b` ) RETURN `r` AS `r`',
    ],
    ['MATCH (a)<--(b) RETURN 1 AS x', 'MATCH ( `a` ) < - - ( `b` ) RETURN 1 AS `x`'],
    ['MATCH (a)⟨－－(b) RETURN 1 AS x', 'MATCH ( `a` ) < - - ( `b` ) RETURN 1 AS `x`'],
    [
      'RETURN 0x1F AS a, 010 AS b, 1.5e-3 AS c, .5 AS d, 1e21 AS e, 2.0 AS f',
      'RETURN 31 AS `a` , 8 AS `b` , 0.0015 AS `c` , 0.5 AS `d` , 1E21 AS `e` , 2.0 AS `f`',
    ],
    ["RETURN 'it''s' AS s", null],
    ['RETURN "a\'b\\"c\\n\\u0041\\U0001F600\\B" AS s', "RETURN 'a\\'b\"c\\nA😀\\u0008' AS `s`"],
    ['RETURN $p AS p, $1 AS q, $`name` AS r', 'RETURN $p AS `p` , $1 AS `q` , $name AS `r`'],
    ['WITH n, m.x AS y RETURN y', 'WITH `n` AS `n` , `m` . `x` AS `y` RETURN `y` AS `y`'],
    ['RETURN n.name, count(*)', 'RETURN `n` . `name` AS `n.name` , COUNT ( * ) AS `count(*)`'],
    ['RETURN a  /* c */ + b', 'RETURN `a` + `b` AS `a  /* c */ + b`'],
    ['RETURN `we``ird` AS `x`', 'RETURN `we``ird` AS `x`'],
    ['CALL { MATCH (n) RETURN n.x } RETURN 1 AS one', 'CALL { MATCH ( `n` ) RETURN `n` . `x` } RETURN 1 AS `one`'],
    [
      'MATCH (n) CALL (n) { RETURN n AS m } RETURN m',
      'MATCH ( `n` ) CALL ( `n` ) { RETURN `n` AS `m` } RETURN `m` AS `m`',
    ],
    [
      'using index :L(p), :M, hops limit 10 match (n) return n',
      'USING INDEX : `L` ( `p` ) , : `M` , HOPS LIMIT 10 MATCH ( `n` ) RETURN `n` AS `n`',
    ],
    ['show index info;', 'SHOW INDEX INFO'],
    ['explain match (n) return n', 'EXPLAIN MATCH ( `n` ) RETURN `n` AS `n`'],
    ['RETURN date.format(x) AS d, toUpper("a") AS u', "RETURN date . format ( `x` ) AS `d` , toUpper ( 'a' ) AS `u`"],
  ])('%s', (text, expected) => {
    if (expected === null) {
      // 'it''s' is two strings in a row for Memgraph: not a query.
      expect(refusal(text).kind).toBe('syntax');
    } else {
      expect(canonical(text)).toBe(expected);
    }
  });

  it.each([
    'MATCH (n) WHERE n.x IN [1, 2] AND NOT n.y STARTS WITH "a" OR n.z IS NOT NULL XOR n:L:M RETURN n',
    'MATCH p = (a)-[*BFS ..5 (e, v | e.w > 1)]->(b) RETURN p',
    'MATCH (a)-[r *WSHORTEST (e, v | e.weight) total (e, v | true)]->(b) RETURN a, b, total',
    'MATCH (a)-[*KSHORTEST | 3]->(b) RETURN a',
    'MATCH (a)-[*ALLSHORTEST (e, v | 1) w]->(b) RETURN w',
    'UNWIND [1, 2, 3] AS x WITH DISTINCT x ORDER BY x DESC SKIP 1 LIMIT 2 WHERE x > 1 RETURN x',
    'RETURN [x IN range(1, 10) WHERE x % 2 = 0 | x ^ 2] AS l',
    'MATCH (a) RETURN [(a)-->(b) WHERE b.x > 1 | b.name] AS names',
    'MATCH (a) RETURN [p = (a)-->() | p] AS paths',
    'RETURN reduce(s = 0, x IN [1, 2] | s + x) AS s, extract(x IN [1] | x) AS e, filter(x IN [1] WHERE x > 0) AS f',
    'RETURN all(x IN [1] WHERE x > 0) AS a, any(x IN [1] WHERE true) AS b, none(x IN [] WHERE true) AS c, single(x IN [1] WHERE true) AS d',
    'RETURN CASE WHEN 1 < 2 THEN "a" ELSE "b" END AS a, CASE 1 WHEN 1 THEN 2 END AS b',
    'RETURN coalesce(null, 1) AS c, count(DISTINCT 1) AS d',
    'MATCH (n) WHERE exists((n)-->()) AND EXISTS { (n)-->() } AND EXISTS { MATCH (n)-->(m) RETURN m } RETURN n',
    'MATCH (n) RETURN n {.name, .*, k: 1, n} AS m',
    'RETURN Status::Active AS s',
    'RETURN [1, 2, 3][0] AS a, [1, 2, 3][1..] AS b, [1, 2, 3][..2] AS c, {a: 1}.a AS d',
    'MATCH (n) WHERE n.name =~ "a.*" AND n.x <> 1 AND n.y != 2 AND n.z >= 3 AND n.w <= 4 RETURN -n.x AS m, +1 AS p',
    'MATCH (n:$label) RETURN n',
    'MATCH (n:A|B) RETURN n',
    'MATCH ((a)-->(b)) RETURN a',
    'MATCH (n) RETURN n UNION MATCH (n) RETURN n UNION ALL MATCH (n) RETURN n',
    'CALL mg.procedures() YIELD name, signature AS s WHERE name STARTS WITH "a" RETURN name, s',
    'CALL pagerank.get() PROCEDURE MEMORY LIMIT 100 MB YIELD * RETURN *',
    'PROFILE MATCH (n) RETURN count(n)',
    'MATCH (n) RETURN n QUERY MEMORY LIMIT 10 KB',
    'MATCH (n) RETURN n LIMIT $limit',
    'RETURN $0 AS zero',
    'MATCH (n)\r\n// comment\r\nRETURN n // trailing',
    'RETURN\u00a0\u2003\u3000\u180e1\u2028AS\u001cx',
    'RETURN "\\u00e9\\ud83d\\ude00" AS s',
    'RETURN a$b AS c',
    'RETURN 1 AS `a\u0001\nb`',
    'RETURN a\n  /* MERGE\n */ + b',
    'WITH 1 AS as RETURN as',
    'WITH 1 AS ſet RETURN ſet, 1 AS ın',
    'RETURN 9223372036854775807 AS max',
    'RETURN 0.1 AS a, 5e-324 AS b, 1.7976931348623157e308 AS c',
  ])('accepts %s and its canonical text is a fixed point', (text) => {
    const first = canonical(text);
    expect(canonical(first)).toBe(first);
  });
});

describe('the lexer reads as Memgraph’s ANTLR lexer does', () => {
  const tokens = (text: string): string[] =>
    lex(text)
      .filter((t) => t.kind !== 'eof')
      .map((t) => `${t.kind}:${t.value}`);

  it.each([
    ['$1CREATE', ['symbol:$', 'int:1', 'word:CREATE']],
    ['$1e5', ['symbol:$', 'float:100000']],
    ['1abc', ['int:1', 'word:abc']],
    ['0x1g', ['int:1', 'word:g']],
    ['0X1', ['int:0', 'word:X1']],
    ['08', ['int:0', 'int:8']],
    ['017', ['int:15']],
    ['1..3', ['int:1', 'symbol:..', 'int:3']],
    ['1.e5', ['float:100000']],
    ['1e+5', ['int:1', 'word:e', 'symbol:+', 'int:5']],
    ['1E-2', ['float:0.01']],
    ['n.5', ['word:n', 'float:0.5']],
    ['a$b', ['word:a$b']],
    ['`a``b`', ['escaped:a`b']],
    ['`a````b`', ['escaped:a``b']],
    ['``', ['escaped:']],
    ['x//c\rCREATE', ['word:x', 'word:CREATE']],
    ['x//c\u2028y', ['word:x']],
    ['x/*a\n*/y', ['word:x', 'word:y']],
    ['x\u001fy\u205fz', ['word:x', 'word:y', 'word:z']],
    ['a<=>=<>!==~+=', ['word:a', 'symbol:<=', 'symbol:>=', 'symbol:<>', 'symbol:!=', 'symbol:=~', 'symbol:+=']],
    ['〈—〉', ['symbol:<', 'symbol:-', 'symbol:>']],
    ['ın ſet', ['word:ın', 'word:ſet']],
  ])('%j', (text, expected) => {
    expect(tokens(text)).toEqual(expected);
  });

  it.each([
    ["'\\x'", 'escape'],
    ["'\\u12'", '\\u'],
    ["'\\U0001F60'", '\\U'],
    ["'abc", 'never closed'],
    ['/* abc', 'never closed'],
    ['`abc', 'never closed'],
    ['a # b', "'#'"],
  ])('refuses %j', (text, message) => {
    expect(() => lex(text)).toThrow(message);
  });
});

describe('refusals name what was refused (each class the adversarial check found)', () => {
  it.each<[string, RefusalKind, string]>([
    // 1. comment terminators: Memgraph's lexer ends `//` at \r or \n
    ['MATCH (n) // c\rCREATE (m) RETURN n', 'write', 'CREATE'],
    ['MATCH (n) // c\r\nCREATE (m) RETURN n', 'write', 'CREATE'],
    ['MATCH (n) // c\nCREATE (m) RETURN n', 'write', 'CREATE'],
    ['MATCH (n) /* c */CREATE (m) RETURN n', 'write', 'CREATE'],
    ['MATCH (n)\u2028CREATE (m) RETURN n', 'write', 'CREATE'],
    ['MATCH (n)\u00a0DETACH\u3000DELETE n', 'write', 'DETACH DELETE'],
    ['MATCH (n)\u001cSET n.x = 1', 'write', 'SET'],
    // 2. parameters glued to keywords
    ['MATCH (n) WHERE n.x = $1CREATE (:X)', 'write', 'CREATE'],
    ['MATCH (n) WHERE n.x = $1MERGE (:X)', 'write', 'MERGE'],
    // 3. alias and label heuristics
    ['WITH 1 AS as CREATE (:X)', 'write', 'CREATE'],
    ['WITH 1 AS set SET n.x = 1', 'write', 'SET'],
    ['FOREACH (x IN [1] + n:L | CREATE (:X))', 'write', 'FOREACH'],
    ['MATCH (n) FOREACH (x IN [1] + n:L | CREATE (:X))', 'write', 'FOREACH'],
    ['MATCH (n) REMOVE n:L', 'write', 'REMOVE'],
    ['LOAD CSV FROM "/x" WITH HEADER AS row RETURN row', 'write', 'LOAD CSV'],
    ['MATCH (n) CALL { CREATE (m) } RETURN n', 'write', 'CREATE'],
    ['MATCH (n) WHERE EXISTS { MERGE (m) } RETURN n', 'write', 'MERGE'],
    ['EXPLAIN CREATE (n)', 'write', 'CREATE'],
    ['MATCH (n) RETURN n UNION CREATE (m) RETURN m', 'write', 'CREATE'],
    [
      'MATCH (n) CALL { MATCH (m) RETURN m } IN TRANSACTIONS OF 10 ROWS RETURN n',
      'unsupported',
      'CALL { … } IN TRANSACTIONS',
    ],
    // 4. statements a denylist does not know
    ['UNSET PARAMETER x', 'admin', 'UNSET PARAMETER'],
    ['UNSET GLOBAL PARAMETER x', 'admin', 'UNSET GLOBAL PARAMETER'],
    ['SET GLOBAL PARAMETER x = 1', 'admin', 'SET GLOBAL PARAMETER'],
    ['RELOAD BOLT_SERVER TLS', 'admin', 'RELOAD BOLT_SERVER TLS'],
    ['RELOAD INTRA_CLUSTER TLS', 'admin', 'RELOAD INTRA_CLUSTER TLS'],
    ['UPDATE CONFIG FOR INSTANCE i {"a": "b"}', 'admin', 'UPDATE CONFIG FOR INSTANCE'],
    ['CREATE INDEX ON :L(p)', 'admin', 'CREATE INDEX ON'],
    ['DROP GRAPH', 'admin', 'DROP GRAPH'],
    ['STORAGE MODE IN_MEMORY_ANALYTICAL', 'admin', 'STORAGE MODE IN_MEMORY_ANALYTICAL'],
    ['FREE MEMORY', 'admin', 'FREE MEMORY'],
    ['TERMINATE TRANSACTIONS "1"', 'admin', 'TERMINATE TRANSACTIONS'],
    ['DELETE ALL PARAMETERS', 'admin', 'DELETE ALL PARAMETERS'],
    ['ALTER ENUM E ADD VALUE V', 'admin', 'ALTER ENUM'],
    ['CREATE USER u IDENTIFIED BY "p"', 'admin', 'CREATE USER'],
    // 6. privileged reads
    ['SHOW CONFIG', 'admin', 'SHOW CONFIG'],
    ['SHOW DATABASE SETTINGS', 'admin', 'SHOW DATABASE SETTINGS'],
    ['SHOW ACTIVE USERS INFO', 'admin', 'SHOW ACTIVE USERS INFO'],
    ['SHOW TRANSACTIONS', 'admin', 'SHOW TRANSACTIONS'],
    ['SHOW USERS', 'admin', 'SHOW USERS'],
    ['SHOW ROLES', 'admin', 'SHOW ROLES'],
    ['SHOW PRIVILEGES FOR u', 'admin', 'SHOW PRIVILEGES FOR'],
    ['SHOW REPLICAS', 'admin', 'SHOW REPLICAS'],
    ['SHOW SNAPSHOTS', 'admin', 'SHOW SNAPSHOTS'],
    ['SHOW METRICS INFO', 'admin', 'SHOW METRICS INFO'],
    ['SHOW LICENSE INFO', 'admin', 'SHOW LICENSE INFO'],
    ['SHOW BUILD INFO', 'admin', 'SHOW BUILD INFO'],
    ['SHOW MEMORY INFO', 'admin', 'SHOW MEMORY INFO'],
    ['SHOW TRIGGERS', 'admin', 'SHOW TRIGGERS'],
    ['SHOW STREAMS', 'admin', 'SHOW STREAMS'],
    ['SHOW PARAMETERS', 'admin', 'SHOW PARAMETERS'],
    ['SHOW STORAGE INFO ON DATABASE other', 'admin', 'SHOW STORAGE INFO ON DATABASE'],
    ['SHOW STORAGE INFO ON DATABASE memgraph', 'admin', 'SHOW STORAGE INFO ON DATABASE'],
    ['SHOW STORAGE INFO ON CURRENT DATABASE RETURN 1', 'syntax', 'RETURN'],
    ['SHOW INDEX INFO RETURN 1', 'syntax', 'RETURN'],
    ['DUMP DATABASE', 'admin', 'DUMP DATABASE'],
    // 7. protocol fields as statements
    ['USE DATABASE other', 'admin', 'USE DATABASE'],
    // procedures, directives, subqueries Memgraph 3.12 does not have
    ['CALL create.node("A", {}) YIELD node RETURN node', 'procedure', 'CALL create.node'],
    ['CALL `mg.load`("x")', 'procedure', 'CALL mg.load'],
    [
      'MATCH (n) CALL periodic.iterate("a", "b", {}) YIELD success RETURN success',
      'procedure',
      'CALL periodic.iterate',
    ],
    ['USING PERIODIC COMMIT 10 MATCH (n) RETURN n', 'unsupported', 'USING PERIODIC COMMIT'],
    ['USING PARALLEL EXECUTION MATCH (n) RETURN count(n)', 'unsupported', 'USING PARALLEL EXECUTION'],
    ['RETURN COUNT { MATCH (n) } AS c', 'unsupported', 'COUNT { … }'],
    ['RETURN COLLECT { MATCH (n) RETURN n } AS c', 'unsupported', 'COLLECT { … }'],
    [
      'CALL pagerank.get() PROCEDURE MEMORY UNLIMITED YIELD node RETURN node',
      'unsupported',
      'PROCEDURE MEMORY UNLIMITED',
    ],
    // syntax and input
    ['MATCH (n) RETURN n; MATCH (m) RETURN m', 'syntax', 'MATCH'],
    ['RETURN 9223372036854775808 AS x', 'syntax', '9223372036854775808'],
    ['RETURN 1e999 AS x', 'syntax', '1E999'],
    ['RETURN $`a b` AS x', 'syntax', '$`A B`'],
    ['RETURN $01 AS x', 'syntax', '$01'],
    ['RETURN `toUpper`("a") AS x', 'syntax', '`TOUPPER`'],
    ['RETURN create(1) AS x', 'syntax', 'CREATE'],
    ['MATCH (n) WHERE exists(n.name) RETURN n', 'syntax', 'EXISTS'],
    ['MATCH (n) WHERE exists(CREATE (m)) RETURN n', 'syntax', 'EXISTS'],
    ['MATCH (n) WHERE n.x ın [1] RETURN n', 'syntax', 'ıN'],
    ['RETURN "a\u0000" AS x', 'encoding', 'U+0000'],
    ['RETURN "\\u0000" AS x', 'encoding', '\\U0000'],
    ['RETURN "\ud800" AS x', 'encoding', 'U+D800'],
    ['RETURN "\\ud800" AS x', 'encoding', '\\UD800'],
    ['RETURN "\\U00110000" AS x', 'encoding', '\\U00110000'],
    ['', 'syntax', 'end of query'],
  ])('%j → %s %s', (text, kind, clause) => {
    expect(refusal(text)).toEqual({ kind, clause });
  });

  it('points at what was refused in the checked text', () => {
    const text = 'MATCH (n)\n  WHERE n.x = 1\n  DETACH  DELETE n';
    const checked = checkReadQuery(text);
    expect(checked.ok).toBe(false);
    if (checked.ok) {
      return;
    }
    expect(text.slice(checked.refusal.start, checked.refusal.end)).toBe('DETACH  DELETE');
    expect(refusalMessage(checked.refusal, 'gateway', text)).toBe(
      'Refused by the Bolt gateway: this query writes (DETACH DELETE) at line 3, column 3. ' +
        'This connection is read-only: run writes and administration with an administrator connection to Memgraph, not through Grafana.'
    );
    expect(refusalMessage(checked.refusal, 'browser', text)).toMatch(
      /^Refused in the browser before sending: this query writes/
    );
  });
});

describe('query memory limit', () => {
  it('is appended to every query, replaces a larger or unlimited one, keeps a smaller one', () => {
    expect(canonical('MATCH (n) RETURN n', 100)).toBe('MATCH ( `n` ) RETURN `n` AS `n` QUERY MEMORY LIMIT 100 MB');
    expect(canonical('MATCH (n) RETURN n QUERY MEMORY LIMIT 50 MB', 100)).toMatch(/LIMIT 50 MB$/);
    expect(canonical('MATCH (n) RETURN n QUERY MEMORY LIMIT 2000 KB', 100)).toMatch(/LIMIT 2000 KB$/);
    expect(canonical('MATCH (n) RETURN n QUERY MEMORY LIMIT 200 MB', 100)).toMatch(/LIMIT 100 MB$/);
    expect(canonical('MATCH (n) RETURN n QUERY MEMORY UNLIMITED', 100)).toMatch(/LIMIT 100 MB$/);
    expect(canonical('EXPLAIN MATCH (n) RETURN n UNION MATCH (n) RETURN n', 100)).toMatch(
      /RETURN `n` AS `n` QUERY MEMORY LIMIT 100 MB$/
    );
    expect(canonical('SHOW VERSION', 100)).toBe('SHOW VERSION');
  });

  it('is refused inside a subquery', () => {
    expect(refusal('CALL { MATCH (n) RETURN n QUERY MEMORY UNLIMITED } RETURN n')).toEqual({
      kind: 'unsupported',
      clause: 'QUERY MEMORY',
    });
  });

  it('must be a positive whole number of megabytes', () => {
    expect(() => checkReadQuery('RETURN 1', { queryMemoryLimitMb: 0 })).toThrow(RangeError);
    expect(() => checkReadQuery('RETURN 1', { queryMemoryLimitMb: 1.5 })).toThrow(RangeError);
  });
});

describe('sourceOffset maps canonical offsets back to the checked text', () => {
  const text = 'match (n)  // all nodes\n  where n.name = "x"\n  return n.name';
  const checked = checkReadQuery(text, { queryMemoryLimitMb: 10 });
  if (!checked.ok) {
    throw new Error('refused');
  }

  it.each([
    ['MATCH', 'match'],
    ['`n` )', 'n)'],
    ['WHERE', 'where'],
    ["'x'", '"x"'],
    ['`name` AS', 'name\n'],
    ['RETURN', 'return'],
  ])('canonical %j → source %j', (canonicalPart, sourcePart) => {
    const at = checked.canonical.indexOf(canonicalPart);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(text.slice(checked.sourceOffset(at)).startsWith(sourcePart.trim())).toBe(true);
  });

  it('maps a space to the token after it, and the appended limit and the end to the end of the text', () => {
    const where = checked.canonical.indexOf('WHERE');
    expect(checked.sourceOffset(where - 1)).toBe(text.indexOf('where'));
    expect(checked.sourceOffset(checked.canonical.indexOf('QUERY MEMORY'))).toBe(text.length);
    expect(checked.sourceOffset(checked.canonical.length + 5)).toBe(text.length);
  });

  it('maps a synthesised alias to its item', () => {
    const alias = checked.canonical.lastIndexOf('AS');
    expect(checked.sourceOffset(alias)).toBe(text.lastIndexOf('n.name'));
  });
});

describe('SHOW statements the product sends', () => {
  it.each([
    'SHOW INDEX INFO',
    'SHOW CONSTRAINT INFO',
    'SHOW NODE_LABELS INFO',
    'SHOW EDGE_TYPES INFO',
    'SHOW STORAGE INFO',
    'SHOW STORAGE INFO ON CURRENT DATABASE',
    'SHOW VERSION',
    'SHOW SCHEMA INFO',
  ])('%s is accepted as kind show', (text) => {
    const checked = checkReadQuery(text.toLowerCase());
    expect(checked.ok && [checked.kind, checked.canonical]).toEqual(['show', text]);
  });

  it('a read query is kind read', () => {
    const checked = checkReadQuery('RETURN 1 AS x');
    expect(checked.ok && checked.kind).toBe('read');
  });
});

describe('bounded work', () => {
  it('accepts deep nesting up to the limit and refuses deeper, without exhausting the stack', () => {
    const nested = (depth: number): string => `RETURN ${'('.repeat(depth)}1${')'.repeat(depth)} AS x`;
    expect(checkReadQuery(nested(150)).ok).toBe(true);
    expect(refusal(nested(5_000))).toEqual({ kind: 'unsupported', clause: 'NESTING' });
    expect(refusal(`${'CALL { '.repeat(300)}RETURN 1 AS x${' }'.repeat(300)} RETURN 1 AS y`)).toEqual({
      kind: 'unsupported',
      clause: 'NESTING',
    });
  });

  it('refuses text whose ambiguous brackets would make backtracking explode', () => {
    // Each `[x IN` is tried as a comprehension, then as a list: without a budget 2^depth attempts.
    const text = `RETURN ${'[x IN '.repeat(40)}1 )${']'.repeat(40)}`;
    expect(refusal(text)).toEqual({ kind: 'unsupported', clause: 'COMPLEXITY' });
  });
});

describe('the stripper’s reading (test helper) tells splits apart', () => {
  it('splits a canonical text into the lexer’s tokens, a parameter as one', () => {
    const text = canonical("MATCH (n) WHERE n.x = $p AND n.y = 1.5e-7 RETURN 'a\\'b' AS `c``d`, 0x1F AS e");
    expect(stripperTokens(text)).toEqual([
      'MATCH',
      '(',
      '`n`',
      ')',
      'WHERE',
      '`n`',
      '.',
      '`x`',
      '=',
      '$p',
      'AND',
      '`n`',
      '.',
      '`y`',
      '=',
      '1.5E-7',
      'RETURN',
      "'a\\'b'",
      'AS',
      '`c``d`',
      ',',
      '31',
      'AS',
      '`e`',
    ]);
  });

  it('splits `a$b` where the lexer reads one name, so a disagreement would be seen', () => {
    expect(stripperTokens('a$b')).toEqual(['a', '$b']);
    expect(lex('a$b').filter((t) => t.kind !== 'eof')).toHaveLength(1);
  });
});

describe('column names of unaliased RETURN items follow Memgraph’s', () => {
  it.each([
    ['RETURN n . x', 'RETURN `n` . `x` AS `n . x`'],
    ['RETURN {limit: 1}, a . b', 'RETURN { `limit` : 1 } AS `{` , `a` . `b` AS `a.b`'],
    ['RETURN {as: 1}', 'RETURN { `as` : 1 } AS `{as:1}`'],
    ['RETURN DISTINCT a', 'RETURN DISTINCT `a` AS `a`'],
    ['CALL { MATCH (n) RETURN n, n.x } RETURN 1 AS one', 'CALL { MATCH ( `n` ) RETURN `n` AS `n` , `n` . `x` } RETURN 1 AS `one`'],
    ['WITH a, a.b RETURN a', 'WITH `a` AS `a` , `a` . `b` RETURN `a` AS `a`'],
  ])('%s', (text, expected) => {
    expect(canonical(text)).toBe(expected);
  });
});

describe('refusalMessage says who refused, what, where and what to do', () => {
  it.each<[string, RegExp]>([
    ['CREATE (n)', /^Refused by the Bolt gateway: this query writes \(CREATE\) at line 1, column 1\. This connection is read-only/],
    ['SHOW CONFIG', /: this information statement is not on the read-only allowlist \(SHOW CONFIG\) at line 1, column 1\. This connection is read-only/],
    ['CALL create.node("A", {})', /procedure that is not on the read-procedure allowlist \(CALL create\.node\) at line 1, column 6\. Only read procedures on the allowlist may be called/],
    ['RETURN 1 +', /: this is not a read query this connection accepts \(the query ends too early\) at line 1, column 11\. Fix the query text/],
    ['RETURN\n  "\u0000"', /NUL character \(U\+0000\) at line 2, column 4\. Remove the character/],
    ['RETURN COUNT { MATCH (n) } AS c', /: Memgraph 3\.12 has no COUNT \{ … \} subquery at line 1, column 8\. Rewrite the query without it/],
  ])('%j', (text, expected) => {
    const checked = checkReadQuery(text);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(refusalMessage(checked.refusal, 'gateway', text)).toMatch(expected);
    }
  });
});
