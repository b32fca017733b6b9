/** @jest-environment node */
import './testing/grafanaInNode';

import { type Field, FieldType } from '@grafana/data';
import { expandMacros } from '@opentruss/cypher';
import neo4j from 'neo4j-driver';

import { startBoltTestServerForSuite } from './testing/boltTestServerSuite';
import { RANGE, dataSource, runQuery } from './testing/harness';
import { node, path, rel } from './testing/results';

const int = neo4j.int;
const { Date: CypherDate, LocalDateTime, DateTime, Duration, Point, LocalTime } = neo4j.types;

const suite = startBoltTestServerForSuite();
const registry = suite.registry;

const settings = () => ({ url: suite.server.url, timeZone: 'Asia/Shanghai' });

describe('query execution through the real driver', () => {
  it('runs each query in a READ transaction with tx_timeout, and closes it', async () => {
    suite.server.addResponder({
      match: 'MATCH (l:InspectionLot) RETURN count(l) AS lots',
      fields: ['lots'],
      records: [[int(42)]],
    });
    const ds = dataSource({ ...settings(), queryTimeoutSeconds: 12 }, { registry });
    const response = await runQuery(ds, [
      { cypher: 'MATCH (l:InspectionLot) RETURN count(l) AS lots', format: 'table' },
    ]);
    expect(response.errors).toBeUndefined();
    expect(response.data[0].fields[0]).toMatchObject({ name: 'lots', type: FieldType.number, values: [42] });
    expect(suite.server.lastRun).toMatchObject({ explicitTransaction: true, outcome: 'completed' });
    expect(suite.server.lastRun?.extra.mode).toBe('r');
    expect(Number(suite.server.lastRun?.extra.tx_timeout)).toBe(12_000);
    await suite.server.waitFor((s) => s.stats().openTransactions === 0 && s.stats().activeStreams === 0);
    expect(suite.server.messages.filter((m) => m.type === 'ROLLBACK').length).toBeGreaterThan(0);
  });

  it('runs SHOW queries auto-commit (Memgraph refuses them in transactions)', async () => {
    suite.server.addResponder({
      match: '// storage\nSHOW STORAGE INFO',
      fields: ['storage info', 'value'],
      records: [['vertex_count', int(3)]],
    });
    const ds = dataSource(settings(), { registry });
    const response = await runQuery(ds, [{ cypher: '// storage\nSHOW STORAGE INFO', format: 'table' }]);
    expect(response.errors).toBeUndefined();
    expect(suite.server.lastRun).toMatchObject({ query: '// storage\nSHOW STORAGE INFO', explicitTransaction: false });
    expect(suite.server.lastRun?.extra.mode).toBe('r');
  });

  it('sends the time range and interval as integer parameters, and the expanded macros as text', async () => {
    const cypher =
      'MATCH (h:ApprovalHistory) WHERE $__timeFilter(h.created_at) RETURN $__timeGroup(h.created_at, $__interval) AS time, count(h) AS approvals';
    suite.server.addResponder({
      match: expandMacros(cypher),
      fields: ['time', 'approvals'],
      records: [[int(RANGE.fromMs), int(2)]],
    });
    const ds = dataSource(settings(), { registry });
    const response = await runQuery(ds, [{ cypher, format: 'time_series' }], { intervalMs: 3_600_000 });
    expect(response.errors).toBeUndefined();
    expect(suite.server.lastRun?.query).toBe(expandMacros(cypher));
    expect(suite.server.lastRun?.parameters).toEqual({
      __from: int(RANGE.fromMs),
      __to: int(RANGE.toMs),
      __interval_ms: int(3_600_000),
      __datasource_timezone: 'Asia/Shanghai',
    });
    expect(response.data[0].fields.map((f: Field) => [f.name, f.type, f.values])).toEqual([
      ['time', FieldType.time, [RANGE.fromMs]],
      ['approvals', FieldType.number, [2]],
    ]);
  });

  it('east of UTC, a Date is shown and filtered at the same midnight: the datasource’s time zone', async () => {
    const cypher = 'MATCH (i:Inspection) WHERE $__timeFilter(i.day) RETURN i.day AS day';
    const shanghaiMidnight = Date.UTC(2024, 4, 1) - 8 * 3_600_000;
    suite.server.addResponder({
      match: expandMacros(cypher),
      fields: ['day'],
      records: [[new CypherDate(int(2024), int(5), int(1))]],
    });
    const ds = dataSource(settings(), { registry });
    const response = await runQuery(ds, [{ cypher, format: 'table' }], {
      fromMs: shanghaiMidnight,
      toMs: shanghaiMidnight + 86_400_000 - 1,
    });
    expect(response.errors).toBeUndefined();
    // The table shows the Date at its midnight in Asia/Shanghai, and the filter reads a Date (the DATE branch) as
    // midnight in the zone bound to $__datasource_timezone — the same one — where timestamp(date) would be UTC.
    expect(response.data[0].fields[0]).toMatchObject({ type: FieldType.time, values: [shanghaiMidnight] });
    const run = suite.server.lastRun!;
    expect(run.parameters).toMatchObject({ __from: int(shanghaiMidnight), __datasource_timezone: 'Asia/Shanghai' });
    expect(run.query).toContain(
      "WHEN 'DATE' THEN timestamp(datetime({year: i.day.year, month: i.day.month, day: i.day.day, timezone: $__datasource_timezone})) / 1000"
    );
    expect(run.query).not.toContain("WHEN 'DATE' THEN timestamp(i.day)");
  });

  it('binds dashboard, multi-value, All and scoped variables as parameters with the query text unchanged', async () => {
    const cypher =
      'MATCH (l:InspectionLot) WHERE l.project_id = $project AND l.status IN ${status} AND l.building_id IN [[building]] AND l.level = $level RETURN count(l) AS n';
    const sent =
      'MATCH (l:InspectionLot) WHERE l.project_id = $project AND l.status IN $status AND l.building_id IN $building AND l.level = $level RETURN count(l) AS n';
    suite.server.addResponder({ match: sent, fields: ['n'], records: [[int(7)]] });
    const ds = dataSource(settings(), {
      registry,
      variables: [
        { name: 'project', current: 'P-1' },
        { name: 'status', current: ['APPROVED', 'PUBLISHED'] },
        { name: 'building', current: '$__all', options: ['B-1', 'B-2'] },
        { name: 'level', current: 'L1' },
      ],
    });
    const response = await runQuery(ds, [{ cypher, format: 'table' }], {
      scopedVars: { level: { text: 'L7', value: 'L7' } },
    });
    expect(response.errors).toBeUndefined();
    expect(suite.server.lastRun?.query).toBe(sent);
    expect(suite.server.lastRun?.parameters).toMatchObject({
      project: 'P-1',
      status: ['APPROVED', 'PUBLISHED'],
      building: ['B-1', 'B-2'],
      level: 'L7',
    });
  });

  it('keeps the variables of a panel opened in Explore: carried as values, sent as parameters, text unchanged', async () => {
    const cypher =
      'MATCH (l:InspectionLot) WHERE l.project_id = $project AND l.status IN ${status} AND l.level = [[level]] AND l.created_at >= $__from RETURN count(l) AS n';
    const sent =
      'MATCH (l:InspectionLot) WHERE l.project_id = $project AND l.status IN $status AND l.level = $level AND l.created_at >= $__from RETURN count(l) AS n';
    suite.server.addResponder({ match: sent, fields: ['n'], records: [[int(5)]] });
    const hostile = "P-1' OR 1=1 //";
    const dashboard = dataSource(settings(), {
      registry,
      uid: 'memgraph-explore',
      variables: [
        { name: 'project', current: hostile },
        { name: 'status', current: '$__all', options: ['APPROVED', 'PUBLISHED'] },
        { name: 'level', current: 'L1' },
      ],
    });
    const [query] = dashboard.interpolateVariablesInQueries([{ refId: 'A', cypher, format: 'table' }], {
      level: { text: 'L7', value: 'L7' },
    });
    expect(query).toEqual({
      refId: 'A',
      cypher,
      format: 'table',
      datasource: dashboard.getRef(),
      variableValues: { project: hostile, status: ['APPROVED', 'PUBLISHED'], level: 'L7' },
    });

    // Explore: the same datasource without any dashboard variable.
    const explore = dataSource(settings(), { registry, uid: 'memgraph-explore' });
    const without = await runQuery(explore, [{ cypher, format: 'table' }]);
    expect(without.errors?.[0].message).toMatch(/\$project/);
    const response = await runQuery(explore, [query]);
    expect(response.errors).toBeUndefined();
    expect(response.data[0].fields[0].values).toEqual([5]);
    expect(suite.server.lastRun?.query).toBe(sent);
    expect(suite.server.lastRun?.parameters).toMatchObject({
      project: hostile,
      status: ['APPROVED', 'PUBLISHED'],
      level: 'L7',
      __from: int(RANGE.fromMs),
    });
  });

  it('binds "All" with a custom all value as that text (Grafana never hands it over as a list)', async () => {
    const cypher = "MATCH (l:InspectionLot) WHERE $status = '*' OR l.status IN $status RETURN count(l) AS n";
    suite.server.addResponder({ match: cypher, fields: ['n'], records: [[int(9)]] });
    const ds = dataSource(settings(), {
      registry,
      variables: [{ name: 'status', current: ['$__all'], options: ['APPROVED', 'PUBLISHED'], allValue: '*' }],
    });
    const response = await runQuery(ds, [{ cypher, format: 'table' }]);
    expect(response.errors).toBeUndefined();
    expect(suite.server.lastRun?.query).toBe(cypher);
    expect(suite.server.lastRun?.parameters).toMatchObject({ status: '*' });
    expect(response.data[0].fields[0].values).toEqual([9]);
  });

  it.each([
    "'}) MATCH (n) DETACH DELETE n //",
    '"}) CREATE (x:Pwned) RETURN x //',
    '`) DETACH DELETE n //',
    "x' OR 1=1 WITH 1 AS a MATCH (n) SET n.pwned = true //",
  ])('an injection attempt in a variable value (%s) reaches Memgraph only as a parameter value', async (hostile) => {
    const cypher = 'MATCH (e:Element {id: $element}) RETURN e.id AS id';
    suite.server.addResponder({ match: cypher, fields: ['id'], records: [] });
    const ds = dataSource(settings(), { registry, variables: [{ name: 'element', current: hostile }] });
    const response = await runQuery(ds, [{ cypher, format: 'table' }]);
    expect(response.errors).toBeUndefined();
    expect(suite.server.lastRun?.query).toBe(cypher);
    expect(suite.server.lastRun?.parameters.element).toBe(hostile);
  });

  it('turns every value type into the right field', async () => {
    const lot = node(1, ['InspectionLot'], { id: 'L-1', serial: int('9223372036854775807') });
    suite.server.addResponder({
      match: 'RETURN everything',
      fields: [
        'int',
        'big',
        'float',
        'text',
        'bool',
        'date',
        'ldt',
        'zoned',
        'offset',
        'dur',
        'point',
        'ltime',
        'node',
        'list',
        'map',
        'none',
      ],
      records: [
        [
          int(9007199254740991),
          int('9223372036854775807'),
          0.5,
          '构件 A',
          true,
          new CypherDate(int(2024), int(5), int(1)),
          new LocalDateTime(int(2024), int(5), int(1), int(8), int(0), int(0), int(0)),
          new DateTime(int(2024), int(5), int(1), int(10), int(0), int(0), int(0), undefined, 'Europe/Berlin'),
          new DateTime(int(2024), int(5), int(1), int(10), int(0), int(0), int(0), int(-5 * 3600)),
          new Duration(int(0), int(1), int(1), int(0)),
          new Point(int(4326), 116.4, 39.9),
          new LocalTime(int(9), int(30), int(0), int(500_000_000)),
          lot,
          [int(1), 'x', int('-9223372036854775808')],
          { a: int(1), b: [true] },
          null,
        ],
      ],
    });
    const ds = dataSource(settings(), { registry });
    const response = await runQuery(ds, [{ cypher: 'RETURN everything', format: 'table' }]);
    expect(response.errors).toBeUndefined();
    const fields = Object.fromEntries(response.data[0].fields.map((f: { name: string }) => [f.name, f]));
    const typeAndValue = (name: string) => [fields[name].type, fields[name].values[0]];
    expect(typeAndValue('int')).toEqual([FieldType.number, 9007199254740991]);
    expect(typeAndValue('big')).toEqual([FieldType.string, '9223372036854775807']);
    expect(typeAndValue('float')).toEqual([FieldType.number, 0.5]);
    expect(typeAndValue('text')).toEqual([FieldType.string, '构件 A']);
    expect(typeAndValue('bool')).toEqual([FieldType.boolean, true]);
    expect(typeAndValue('date')).toEqual([FieldType.time, Date.UTC(2024, 3, 30, 16)]);
    expect(typeAndValue('ldt')).toEqual([FieldType.time, Date.UTC(2024, 4, 1, 0)]);
    expect(typeAndValue('zoned')).toEqual([FieldType.time, Date.UTC(2024, 4, 1, 8)]);
    expect(typeAndValue('offset')).toEqual([FieldType.time, Date.UTC(2024, 4, 1, 15)]);
    expect(typeAndValue('dur')).toEqual([FieldType.number, 86_401_000]);
    expect(typeAndValue('point')).toEqual([FieldType.string, 'SRID=4326;POINT(116.4 39.9)']);
    expect(typeAndValue('ltime')).toEqual([FieldType.string, '09:30:00.5']);
    // Integers beyond ±2^53 inside properties and lists: exact, and still integers ({"Z": digits}, not a string).
    expect(typeAndValue('node')).toEqual([
      FieldType.other,
      {
        elementId: expect.any(String),
        labels: ['InspectionLot'],
        properties: { id: 'L-1', serial: { Z: '9223372036854775807' } },
      },
    ]);
    expect(typeAndValue('list')).toEqual([FieldType.other, [1, 'x', { Z: '-9223372036854775808' }]]);
    expect(typeAndValue('map')).toEqual([FieldType.other, { a: 1, b: [true] }]);
    expect(typeAndValue('none')).toEqual([FieldType.other, null]);
    expect(response.data[0].meta.notices).toEqual([
      { severity: 'warning', text: expect.stringContaining('Column "big" holds integers beyond ±2^53') },
      { severity: 'warning', text: expect.stringContaining('Column "node" holds integers beyond ±2^53 inside') },
      { severity: 'warning', text: expect.stringContaining('Column "list" holds integers beyond ±2^53 inside') },
    ]);
  });

  it('builds node graph frames from paths and lists, and auto-detects them', async () => {
    const lot = node(1, ['InspectionLot'], { id: 'L-1', status: 'APPROVED' });
    const element = node(2, ['Element'], { id: 'E-1' });
    const level = node(3, ['Level'], { id: 'F1' });
    const contains = rel(10, 1, 2, 'MANAGEMENT_CONTAINS');
    const locatedAt = rel(11, 2, 3, 'LOCATED_AT');
    suite.server.addResponder({
      match: 'MATCH p = (l)-->(e)-->(v) RETURN p, [l, e] AS again',
      fields: ['p', 'again'],
      records: [[path([lot, element, level], [contains, locatedAt]), [lot, element]]],
    });
    const ds = dataSource(settings(), { registry });
    const response = await runQuery(ds, [{ cypher: 'MATCH p = (l)-->(e)-->(v) RETURN p, [l, e] AS again' }]);
    expect(response.errors).toBeUndefined();
    const [nodes, edges] = response.data;
    expect([nodes.name, edges.name]).toEqual(['nodes', 'edges']);
    expect(nodes.meta.preferredVisualisationType).toBe('nodeGraph');
    expect(nodes.fields.find((f: { name: string }) => f.name === 'title').values).toEqual(['L-1', 'E-1', 'F1']);
    expect(edges.fields.find((f: { name: string }) => f.name === 'mainstat').values).toEqual([
      'MANAGEMENT_CONTAINS',
      'LOCATED_AT',
    ]);
  });

  it('stops pulling at the row cap, returns what arrived, and says so on the frame', async () => {
    suite.server.addResponder({
      match: 'UNWIND range(1, 1000) AS i RETURN i',
      fields: ['i'],
      records: () =>
        (function* rows() {
          for (let i = 1; i <= 1000; i++) {
            yield [int(i)];
          }
        })(),
    });
    const ds = dataSource({ ...settings(), maxRows: 5, fetchSize: 100 }, { registry });
    const response = await runQuery(ds, [{ cypher: 'UNWIND range(1, 1000) AS i RETURN i', format: 'table' }]);
    expect(response.errors).toBeUndefined();
    expect(response.data[0].fields[0].values).toEqual([1, 2, 3, 4, 5]);
    expect(response.data[0].meta.notices).toEqual([
      { severity: 'warning', text: expect.stringContaining('Showing the first 5 rows') },
    ]);
    const run = suite.server.lastRun!;
    await suite.server.waitFor(() => run.outcome === 'discarded');
    // The cap + 1 decides "more rows exist"; the driver may have asked for one more batch of that size meanwhile.
    expect(run.recordsSent).toBeLessThanOrEqual(2 * 6);
  });

  it('reuses one driver and its pooled connection for every query of a datasource', async () => {
    suite.server.addResponder({ match: 'RETURN 6 AS six', fields: ['six'], records: [[int(6)]] });
    const ds = dataSource(settings(), { registry });
    await runQuery(ds, [{ cypher: 'RETURN 6 AS six' }]);
    const first = suite.server.lastRun!.connectionId;
    const connections = suite.server.stats().totalConnections;
    await runQuery(ds, [{ cypher: 'RETURN 6 AS six' }]);
    await runQuery(ds, [{ cypher: 'RETURN 6 AS six' }]);
    expect(suite.server.lastRun!.connectionId).toBe(first);
    expect(suite.server.stats().totalConnections).toBe(connections);
  });

  it('closes the old driver and builds a new one when the connection settings of a datasource change', async () => {
    suite.server.addResponder({ match: 'RETURN 7 AS seven', fields: ['seven'], records: [[int(7)]] });
    await runQuery(dataSource(settings(), { registry, uid: 'edited' }), [{ cypher: 'RETURN 7 AS seven' }]);
    const before = suite.server.lastRun!.connectionId;
    // A setting the driver does not use keeps the driver (and its connection)…
    await runQuery(dataSource({ ...settings(), maxRows: 50 }, { registry, uid: 'edited' }), [
      { cypher: 'RETURN 7 AS seven' },
    ]);
    expect(suite.server.lastRun!.connectionId).toBe(before);
    // …a connection setting replaces it. Grafana builds a new instance after "Save & test": same uid, new settings.
    const edited = dataSource({ ...settings(), maxConnections: 2 }, { registry, uid: 'edited' });
    await runQuery(edited, [{ cypher: 'RETURN 7 AS seven' }]);
    expect(suite.server.lastRun!.connectionId).not.toBe(before);
    await suite.server.waitFor((s) => s.connections.some((c) => c.connectionId === before && !c.open));
    expect(suite.server.connections.find((c) => c.connectionId === before)?.closeReason).toBe('GOODBYE');
  });

  it('runs several targets, each with its own result or error', async () => {
    suite.server.addResponder({ match: 'RETURN 1 AS one', fields: ['one'], records: [[int(1)]] });
    const ds = dataSource(settings(), { registry });
    const response = await runQuery(ds, [
      { cypher: 'RETURN 1 AS one', format: 'table' },
      { cypher: 'MATCH (n) DELETE n' },
      { cypher: '   ' },
    ]);
    expect(response.data.map((f: { refId: string }) => f.refId)).toEqual(['A']);
    expect(response.errors).toEqual([{ refId: 'B', message: expect.stringContaining('this query writes (DELETE)') }]);
  });
});
