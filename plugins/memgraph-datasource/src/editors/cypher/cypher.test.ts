import { useLanguage } from '../../testing/language';
import { cypherCompletions } from './completion';
import { cypherDiagnostics } from './cypherDiagnostics';
import { maskForNeo4j } from './dialect';
import { type CypherLanguageLibrary, loadLanguageLibrary } from './languageLibrary';
import type { QueryContext } from './queryContext';

const schema = {
  labels: ['InspectionLot', 'Element', 'ApprovalHistory'],
  relationshipTypes: ['HAS_LOT', 'HAS_APPROVAL_HISTORY'],
  propertyKeys: ['status', 'created_at', 'id'],
  functions: ['date.format'],
  notes: [],
};
const context: QueryContext = { variables: ['project', 'label'], variableValue: (name) => (name === 'label' ? 'Element' : 'P-1'), schema };
let library: CypherLanguageLibrary;

beforeAll(async () => {
  library = await loadLanguageLibrary();
});

const problems = (text: string, ctx = context) =>
  cypherDiagnostics(text, ctx).map((d) => ({ severity: d.severity, at: text.slice(d.start, d.end), message: d.message }));

describe('masking Memgraph Cypher for Neo4j parser', () => {
  it('keeps every offset and rewrites only macros, variables and Memgraph expansions', () => {
    const text = 'MATCH (n:${label:raw})-[*BFS (e, v | v.ok)]->(m) WHERE $__timeFilter(n.t) AND n.p IN ${project} RETURN [[project]]';
    const masked = maskForNeo4j(text, (name) => name === 'project');
    expect(masked.text).toHaveLength(text.length);
    expect(masked.text).toBe(
      'MATCH (n:`xxxxxxxxxx`)-[*                 ]->(m) WHERE  __timeFilter(n.t) AND n.p IN $project   RETURN $project   '
    );
    expect([...masked.expansionVariables].sort()).toEqual(['e', 'v']);
  });

  it('blanks statements only Memgraph has and writes, and leaves [[x]] of no variable alone', () => {
    expect(maskForNeo4j('SHOW INDEX INFO', () => false).text.trim()).toBe('');
    expect(maskForNeo4j('CREATE INDEX ON :Element(id)', () => false).text.trim()).toBe('');
    expect(maskForNeo4j('RETURN [[x]]', () => false).text).toBe('RETURN [[x]]');
    expect(maskForNeo4j('RETURN 2 * (3 + 1)', () => false).text).toBe('RETURN 2 * (3 + 1)');
  });
});

describe('diagnostics', () => {
  it('marks nothing in an empty editor (a blank query is not run), but a comment alone is not a query', () => {
    expect(problems('')).toEqual([]);
    expect(problems('  \n\t ')).toEqual([]);
    expect(problems('// only a comment')).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringMatching(/^Refused in the browser before sending: /) }),
    ]);
  });

  it('accepts valid Memgraph Cypher that Neo4j would flag', () => {
    for (const text of [
      "MATCH (l:InspectionLot) WHERE $__timeFilter(l.created_at) RETURN $__timeGroup(l.created_at, '1d') AS time, count(*) AS n",
      'MATCH (a:Element)-[*BFS]->(b:Element) RETURN a, b',
      'MATCH p = (a:Element)-[e *WSHORTEST (r, n | r.w) total]->(b:Element) RETURN p, total',
      // id() is Memgraph's node id, not deprecated; exists(n.prop) is not Memgraph 3.12 (cypher_main_visitor.cpp
      // visitExistsExpression takes a pattern only), IS NOT NULL is
      'MATCH (n:InspectionLot) WHERE id(n) = 1 AND n.status IS NOT NULL RETURN n',
      'SHOW INDEX INFO',
      'MATCH (n:${label:raw}) WHERE n.id IN $project RETURN toSet(collect(n.status)), valueType(n.id)',
    ]) {
      expect({ text, problems: problems(text) }).toEqual({ text, problems: [] });
    }
  });

  it('refuses exists(n.property), as Memgraph 3.12 does (its visitor: "EXISTS supports only a single relation …")', () => {
    expect(problems('MATCH (n:InspectionLot) WHERE exists(n.status) RETURN n')).toEqual([
      expect.objectContaining({ severity: 'error', at: expect.stringMatching(/^exists/), message: expect.stringMatching(/^Refused in the browser before sending: /) }),
    ]);
  });

  it('refuses directives the read-only checker does not allow, as the gateway does', () => {
    // USING PARALLEL EXECUTION / USING HOPS LIMIT: Memgraph reads, but the checker's allowlist leaves them out.
    expect(problems('USING PARALLEL EXECUTION MATCH (n:Element) RETURN count(n)')).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringMatching(/^Refused in the browser before sending: .*\(USING PARALLEL EXECUTION\)/) }),
    ]);
  });

  it("marks syntax errors at their position by the read-only checker's grammar, and variables nothing binds", () => {
    expect(problems('MATCH (l:InspectionLot) RETRN l')).toEqual([
      expect.objectContaining({ severity: 'error', at: 'RETRN', message: expect.stringMatching(/^Refused in the browser before sending: .*\(unexpected RETRN\)/) }),
    ]);
    expect(problems('MATCH (l:InspectionLot)\nRETURN l.status,')).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringMatching(/^Refused in the browser before sending: /) }),
    ]);
    expect(problems('MATCH (n) RETURN x')).toEqual([
      expect.objectContaining({ severity: 'error', at: 'x', message: 'Variable `x` not defined' }),
    ]);
  });

  it('marks what the datasource refuses, with its own messages', () => {
    expect(problems('MATCH (n)\nDETACH DELETE n')).toEqual([
      expect.objectContaining({ severity: 'error', at: 'DETACH DELETE', message: expect.stringContaining('Refused in the browser before sending: this query writes (DETACH DELETE)') }),
    ]);
    expect(problems('RETURN $__timeGroup(1)')[0]).toMatchObject({ severity: 'error', message: expect.stringContaining('$__timeGroup takes 2 argument(s)') });
    expect(problems('MATCH (n) WHERE n.id = $lot RETURN n')).toEqual([
      expect.objectContaining({ severity: 'error', at: '$lot', message: expect.stringContaining('Parameter $lot has no value') }),
    ]);
    expect(problems('MATCH (n) WHERE n.id IN ${project:csv} RETURN n')[0]).toMatchObject({
      at: '${project:csv}',
      message: expect.stringContaining('would splice text'),
    });
    expect(problems("RETURN 'open")[0]).toMatchObject({ severity: 'error', message: expect.stringMatching(/Unterminated string/i) });
    const hostile = { ...context, variableValue: () => 'X) DETACH DELETE n //' };
    expect(problems('MATCH (n:${label:raw}) RETURN n', hostile)[0].message).toContain('which is not an identifier');
  });

  it('warns about Neo4j features Memgraph lacks and names missing from the schema', () => {
    expect(problems('MATCH (a:Element)--(b:Element) RETURN shortestPath((a)-[*]-(b))')).toEqual([
      expect.objectContaining({ severity: 'warning', at: 'shortestPath', message: expect.stringContaining('[*BFS]') }),
    ]);
    expect(problems('MATCH (n:Elemnt) RETURN n.statu')).toEqual([
      expect.objectContaining({ severity: 'warning', at: 'Elemnt' }),
      expect.objectContaining({ severity: 'warning', at: 'statu' }),
    ]);
    expect(problems('MATCH (n:Element)-[r:HAS_LOTS]->(m) RETURN m')).toEqual([
      expect.objectContaining({ severity: 'warning', at: 'HAS_LOTS', message: expect.stringContaining('Relationship type HAS_LOTS') }),
    ]);
  });

  it('while the variable list is unknown calls no parameter missing, and still refuses the rest', () => {
    const unknown: QueryContext = { schema };
    expect(cypherDiagnostics('MATCH (n) WHERE n.id = $lot RETURN n', unknown)).toEqual([]);
    expect(cypherDiagnostics('MATCH (n) WHERE n.id = $lot DELETE n', unknown)).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('this query writes (DELETE)') }),
    ]);
    expect(cypherDiagnostics('MATCH (n) WHERE n.id = $lot RETURN n', { ...unknown, variables: [] })).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('Parameter $lot has no value') }),
    ]);
  });

  it('needs no language library: every check runs at once, synchronously', () => {
    expect(cypherDiagnostics('MATCH (n) RETRN n', context)).toEqual([
      expect.objectContaining({ severity: 'error', start: 10, message: expect.stringContaining('(unexpected RETRN)') }),
    ]);
    expect(cypherDiagnostics('CREATE (n)', context)).toHaveLength(1);
  });
});

describe('completion', () => {
  const labelsOf = (text: string, ctx = context) => cypherCompletions(text, text.length, ctx, library).map((c) => `${c.kind}:${c.label}`);

  it('offers the live schema where it fits', () => {
    expect(labelsOf('MATCH (n:')).toEqual(['label:InspectionLot', 'label:Element', 'label:ApprovalHistory']);
    expect(labelsOf('MATCH (n)-[r:')).toEqual(['relationshipType:HAS_LOT', 'relationshipType:HAS_APPROVAL_HISTORY']);
    expect(labelsOf('MATCH (n) WHERE n.')).toEqual(['propertyKey:status', 'propertyKey:created_at', 'propertyKey:id']);
  });

  it('offers parameters, dashboard variables and macros where an expression goes', () => {
    const items = labelsOf('MATCH (n) WHERE n.id = $');
    expect(items).toEqual(
      expect.arrayContaining(['parameter:$__from', 'parameter:$__to', 'parameter:$__interval_ms', 'parameter:$project', 'macro:$__timeFilter', 'macro:$__timeGroup', 'macro:$__epochMs'])
    );
  });

  it("offers Memgraph's functions and keywords, not Neo4j-only ones", () => {
    const items = labelsOf('MATCH (n) RETURN ');
    expect(items).toEqual(expect.arrayContaining(['function:toSet', 'function:valueType', 'function:date.format', 'keyword:CASE']));
    expect(items.filter((i) => /^keyword:(FINISH|INSERT|LET|FILTER|COLLECT|OFFSET)$/.test(i))).toEqual([]);
    expect(items.filter((i) => i.includes('__timeFilter') && !i.startsWith('macro:'))).toEqual([]);
  });
});

describe('in the viewer’s language', () => {
  beforeEach(() => useLanguage('zh-Hans'));
  afterEach(() => useLanguage('en-US'));

  it('describes built-in functions, macros and parameters in Chinese; the code in them stays as written', () => {
    const items = cypherCompletions('', 0, context);
    const documentation = (label: string) => items.find((item) => item.label === label)?.documentation;
    expect(documentation('toLower')).toBe('转为小写。');
    expect(documentation('valueType')).toBe('值的类型，以文本表示（例如 "LOCAL_DATE_TIME"）。');
    expect(documentation('$__timeFilter')).toMatch(/^时间戳位于仪表板时间范围内（\$__from … \$__to，含两端）时为真。.*\n\n示例：\nMATCH \(h:ApprovalHistory\)/s);
    expect(documentation('$__from')).toBe('仪表板时间范围的起点，毫秒时间戳（整数）');
  });

  it('marks the datasource’s own problems in Chinese (the engine’s codes, translated here)', () => {
    const messages = cypherDiagnostics('MATCH (n) RETURN shortestPath(n), m', context).map((d) => d.message);
    expect(messages).toEqual(
      expect.arrayContaining(['Memgraph 没有 shortestPath()：请使用 BFS 扩展，例如 MATCH p = (a)-[*BFS]->(b)', '变量 `m` 未定义'])
    );
  });
});
