import { expandMacros } from '@opentruss/cypher';
import neo4j from 'neo4j-driver';

import type { MemgraphError } from '../model/memgraphError';
import { useLanguage } from '../testing/language';
import { prepareStatement } from './prepareStatement';
import { timeParameters } from './timeParameters';
import type { VariableSource, VariableValue } from './variables';

const time = timeParameters({ fromMs: 1_714_521_600_000, toMs: 1_714_608_000_000, intervalMs: 60_000 }, 'UTC');
const source = (values: Record<string, VariableValue>): VariableSource => ({ valueOf: (name) => values[name] });

/** Matches the MemgraphError a call must throw. */
const refused = (kind: MemgraphError['kind'], message: string) =>
  expect.objectContaining({ name: 'MemgraphError', kind, message: expect.stringContaining(message) });

describe('prepareStatement', () => {
  it('always binds $__from, $__to and $__interval_ms as integers', () => {
    const { text, parameters } = prepareStatement(
      'RETURN $__from AS f, $__to AS t, $__interval_ms AS i',
      time,
      source({})
    );
    expect(text).toBe('RETURN $__from AS f, $__to AS t, $__interval_ms AS i');
    expect(neo4j.isInt(parameters.__from)).toBe(true);
    expect(parameters).toEqual({
      __from: neo4j.int(1_714_521_600_000),
      __to: neo4j.int(1_714_608_000_000),
      __interval_ms: neo4j.int(60_000),
      __datasource_timezone: 'UTC',
    });
  });

  it('binds every variable syntax as a parameter and rewrites only the reference', () => {
    const { text, parameters } = prepareStatement(
      "MATCH (l:InspectionLot) WHERE l.project = $project AND l.building = ${building} AND l.status IN [[status]] AND l.note <> '$project' RETURN l",
      time,
      source({ project: 'P-1', building: 'B-2', status: ['APPROVED', 'PUBLISHED'] })
    );
    expect(text).toBe(
      "MATCH (l:InspectionLot) WHERE l.project = $project AND l.building = $building AND l.status IN $status AND l.note <> '$project' RETURN l"
    );
    expect(parameters).toMatchObject({ project: 'P-1', building: 'B-2', status: ['APPROVED', 'PUBLISHED'] });
  });

  it.each([
    "'}) MATCH (n) DETACH DELETE n //",
    '" OR 1=1 CREATE (x:Pwned) //',
    '`) DETACH DELETE n; //',
    '${other} [[status]] $__from',
    '\\u0027) DELETE n //',
  ])('an injection attempt %j reaches the statement only as a parameter value', (hostile) => {
    const cypher = 'MATCH (n:Element) WHERE n.id = $id RETURN n';
    const { text, parameters } = prepareStatement(cypher, time, source({ id: hostile }));
    expect(text).toBe(cypher);
    expect(parameters.id).toBe(hostile);
  });

  it('expands macros and binds variables used inside macro arguments', () => {
    const cypher = "MATCH (h) WHERE $__timeFilter(h.${field:raw}) RETURN $__timeGroup(h.created_at, '1d') AS time";
    const { text } = prepareStatement(cypher, time, source({ field: 'created_at' }));
    expect(text).toBe(expandMacros(cypher).replace(/\$\{field:raw\}/g, '`created_at`'));
  });

  it('puts ${var:raw} into the text only as a validated, backticked identifier', () => {
    const { text, parameters } = prepareStatement(
      'MATCH (n:${label:raw}) RETURN n.${key:raw}',
      time,
      source({ label: 'InspectionLot', key: 'status' })
    );
    expect(text).toBe('MATCH (n:`InspectionLot`) RETURN n.`status`');
    expect(Object.keys(parameters).sort()).toEqual(['__datasource_timezone', '__from', '__interval_ms', '__to']);
    const prepareLabel = (label: string | string[]) =>
      prepareStatement('MATCH (n:${label:raw}) RETURN n', time, source({ label }));
    expect(() => prepareLabel('X) DETACH DELETE n //')).toThrow(
      refused('query', '${label:raw} is "X) DETACH DELETE n //", which is not an identifier')
    );
    expect(() => prepareLabel(['A', 'B'])).toThrow(refused('query', '${label:raw} has 2 values'));
  });

  it('refuses every other format, explaining how to pass the value instead', () => {
    const prepare = (cypher: string) => () => prepareStatement(cypher, time, source({ status: ['A'] }));
    expect(prepare('MATCH (n) WHERE n.s IN ${status:csv} RETURN n')).toThrow(
      refused(
        'query',
        '${status:csv}: the format ":csv" would splice text into the query. Variables reach Memgraph as parameters: ' +
          'write $status (a list for multi-value variables, e.g. n.status IN $status); only ${status:raw} puts a ' +
          'label, relationship type or property key into the query, backtick-quoted.'
      )
    );
    expect(prepare('RETURN [[status:json]]')).toThrow(refused('query', '":json"'));
    expect(prepare('RETURN ${status.text}')).toThrow(refused('query', 'variable fields are not supported'));
  });

  it('refuses a parameter nothing binds, naming it, before anything is sent', () => {
    expect(() => prepareStatement('MATCH (n) WHERE n.id = $lot RETURN n', time, source({}))).toThrow(
      refused(
        'missing-parameter',
        'Parameter $lot has no value. Define a dashboard variable named "lot", or use the datasource\'s built-in ' +
          'parameters $__from, $__to and $__interval_ms.'
      )
    );
  });

  it('leaves [[x]] alone when x is no variable: it is a nested list in Cypher', () => {
    expect(prepareStatement('WITH 1 AS x RETURN [[x]] AS nested', time, source({})).text).toBe(
      'WITH 1 AS x RETURN [[x]] AS nested'
    );
  });

  it('refuses writes before anything else, with the position in the text the user wrote', () => {
    expect(() => prepareStatement('MATCH (n)\nDETACH DELETE n', time, source({}))).toThrow(
      refused('write-refused', 'this query writes (DETACH DELETE)')
    );
    expect(() => prepareStatement('MATCH (n)\nDETACH DELETE n', time, source({}))).toThrow(
      refused('write-refused', 'at line 2, column 1')
    );
  });

  it('reports malformed macros as query errors with their position', () => {
    expect(() => prepareStatement('RETURN $__timeGroup(n.t)', time, source({}))).toThrow(
      refused('query', '$__timeGroup takes 2 argument(s)')
    );
    expect(() => prepareStatement('RETURN $__timeGroup(n.t)', time, source({}))).toThrow(
      refused('query', '(line 1, column 8)')
    );
  });

  it('says which statements run auto-commit: SHOW … is show, everything else read', () => {
    expect(prepareStatement('SHOW INDEX INFO', time, source({})).kind).toBe('show');
    expect(prepareStatement('/* info */ show storage info', time, source({})).kind).toBe('show');
    expect(prepareStatement('MATCH (n) RETURN n', time, source({})).kind).toBe('read');
    expect(prepareStatement("RETURN 'SHOW' AS s", time, source({})).kind).toBe('read');
  });

  it('sends whole numbers from variables as integers, lists element by element', () => {
    const { parameters } = prepareStatement('RETURN $n, $xs, $f', time, source({ n: 3, xs: [1, 'a'], f: 1.5 }));
    expect(parameters.n).toEqual(neo4j.int(3));
    expect(parameters.xs).toEqual([neo4j.int(1), 'a']);
    expect(parameters.f).toBe(1.5);
  });
});

describe('prepareStatement in the viewer’s language', () => {
  beforeEach(() => useLanguage('zh-Hans'));
  afterEach(() => useLanguage('en-US'));

  it('puts the read-only checker’s refusal into the panel in Chinese, by code, with the clause as written', () => {
    expect(() => prepareStatement('MATCH (n)\nDETACH DELETE n', time, source({}))).toThrow(
      refused(
        'write-refused',
        '浏览器在发送前拒绝：此查询会写入数据（DETACH DELETE），位于第 2 行第 1 列。此连接只读：写入和管理操作请通过管理员连接在 Memgraph 上执行，不要通过 Grafana。'
      )
    );
  });

  it('names every missing parameter in Chinese, and a lexer problem with its position', () => {
    expect(() => prepareStatement('RETURN $a, $b', time, source({}))).toThrow(
      refused('missing-parameter', '参数 $a 没有值。请定义名为“a”的仪表板变量')
    );
    expect(() => prepareStatement("RETURN 'open", time, source({}))).toThrow(
      refused('query', '字符串未结束：缺少结尾的 \'（第 1 行，第 8 列）')
    );
  });
});
