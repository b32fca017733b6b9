// The Jolt codec both ways (sparse mode, src/jolt/jolt.ts), and fixture files built on it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { FixtureError, JoltError, loadFixtureFile, parseJolt, respondersFromFixture, toJolt } from '../src';
import { normalize, recordOnlyCases, scalarCases } from '@opentruss/bolt-testing';

const { Date: BoltDate, DateTime, Duration, LocalDateTime, LocalTime, Node, Path, PathSegment, Point, Relationship, Time } =
  neo4j.types;
const int = neo4j.int;

/** Through JSON text, as a fixture file would carry it. */
const viaJson = (value: unknown) => parseJolt(JSON.parse(JSON.stringify(toJolt(value))));

describe('parseJolt', () => {
  it('reads integers exactly, never through a JS number', () => {
    expect(String(parseJolt({ Z: '9007199254740993' }))).toBe('9007199254740993');
    expect(String(parseJolt({ Z: '-9223372036854775808' }))).toBe('-9223372036854775808');
    expect(String(parseJolt({ Z: '+42' }))).toBe('42');
    expect(neo4j.isInt(parseJolt({ Z: 7 }))).toBe(true);
  });

  it('reads bare JSON integers as integers (Jolt sparse mode)', () => {
    expect(parseJolt(21)).toEqual(int(21));
    expect(parseJolt([1, -2])).toEqual([int(1), int(-2)]);
  });

  it.each([
    [1.5, /bare JSON number 1.5 — write floats as \{"R": "1.5"\}/],
    [2 ** 53, /bare JSON number 9007199254740992/],
    [{ Z: '9223372036854775808' }, /does not fit in 64 bits/],
    [{ Z: '1.5' }, /integer as decimal text/],
    [{ Z: 2 ** 60 }, /integer as decimal text/],
    [{ R: 'one' }, /a float as text/],
    [{ '#': 'ABC' }, /bytes as hexadecimal text/],
    [{ '?': 'yes' }, /"true" or "false"/],
    [{ '@': 'POINT(1 2)' }, /SRID=<n>;POINT/],
    [{ '()': [1, 'Label', {}] }, /labels must be a list of strings/],
    [{ '->': [1, 2, 'T', 3] }, /\[id, node id, type, node id, \{properties\}\]/],
  ])('refuses %j with a message saying what to write', (value, message) => {
    expect(() => parseJolt(value)).toThrow(JoltError);
    expect(() => parseJolt(value)).toThrow(message);
  });

  it('names where in the document a bad value is', () => {
    expect(() => parseJolt({ rows: [[1, { ratio: 0.5 }]] })).toThrow(/^\$\.rows\[0\]\[1\]\.ratio: bare JSON number 0\.5/);
  });

  it('reads floats from text or numbers, including the special values', () => {
    expect(parseJolt({ R: '1.5' })).toBe(1.5);
    expect(parseJolt({ R: 2.25 })).toBe(2.25);
    expect(parseJolt({ R: '1e-7' })).toBe(1e-7);
    expect(Object.is(parseJolt({ R: '-0' }), -0)).toBe(true);
    expect(parseJolt({ R: 'NaN' })).toBeNaN();
    expect(parseJolt({ R: '-Infinity' })).toBe(-Infinity);
  });

  it('reads strict-mode wrappers too', () => {
    expect(parseJolt({ U: 'text' })).toBe('text');
    expect(parseJolt({ '?': 'false' })).toBe(false);
    expect(parseJolt({ '[]': [{ Z: '1' }] })).toEqual([int(1)]);
    expect(parseJolt({ '{}': { Z: 'not an integer' } })).toEqual({ Z: 'not an integer' });
  });

  it('reads bytes from hex as the driver’s Int8Array', () => {
    expect(parseJolt({ '#': 'FA08ff' })).toEqual(Int8Array.from([-6, 8, -1]));
  });

  it('reads points in both WKT spellings', () => {
    expect(normalize(parseJolt({ '@': 'SRID=4326;POINT(116.397 39.908)' }))).toEqual(normalize(new Point(4326, 116.397, 39.908)));
    expect(normalize(parseJolt({ '@': 'SRID=4979;POINT Z (3.4 5.6 7.8)' }))).toEqual(normalize(new Point(4979, 3.4, 5.6, 7.8)));
  });

  it.each([
    ['2024-05-01', new BoltDate(2024, 5, 1)],
    ['-000050-03-15', new BoltDate(-50, 3, 15)],
    ['10:30', new LocalTime(10, 30, 0, 0)],
    ['10:30:15.5', new LocalTime(10, 30, 15, 500000000)],
    ['09:02:40.063Z', new Time(9, 2, 40, 63000000, 0)],
    ['23:00:00-05:30', new Time(23, 0, 0, 0, -(5 * 3600 + 1800))],
    ['2024-05-01T10:00:00', new LocalDateTime(2024, 5, 1, 10, 0, 0, 0)],
    ['2024-05-01T10:00:00.000000001+08:00', new DateTime(2024, 5, 1, 10, 0, 0, 1, 8 * 3600)],
    ['2024-05-01T10:00Z', new DateTime(2024, 5, 1, 10, 0, 0, 0, 0)],
    ['2024-05-01T10:00:00[Asia/Shanghai]', new DateTime(2024, 5, 1, 10, 0, 0, 0, undefined, 'Asia/Shanghai')],
    ['2024-10-27T02:30:00+01:00[Europe/Berlin]', new DateTime(2024, 10, 27, 2, 30, 0, 0, 3600, 'Europe/Berlin')],
    ['2024-10-27T02:30:00+02:00[Europe/Berlin]', new DateTime(2024, 10, 27, 2, 30, 0, 0, 7200, 'Europe/Berlin')],
    ['P1Y2M3DT4H5M6.5S', new Duration(14, 3, 4 * 3600 + 5 * 60 + 6, 500000000)],
    ['P2W', new Duration(0, 14, 0, 0)],
    ['PT-0.5S', new Duration(0, 0, -1, 500000000)],
    ['-P1DT1H', new Duration(0, -1, -3600, 0)],
    ['P14DT16H12M', new Duration(0, 14, 16 * 3600 + 12 * 60, 0)],
  ])('reads the temporal %s', (text, expected) => {
    expect(normalize(parseJolt({ T: text }))).toEqual(normalize(expected));
  });

  it.each([
    ['2024-13-01', /month 13 is out of range/],
    ['2024-05-01T24:00:00', /hour 24 is out of range/],
    ['yesterday', /not an ISO 8601 date, time, date-time or duration/],
    ['P', /not an ISO 8601 duration/],
    ['2024-05-01T10:00:00[Mars/Olympus]', /unknown time zone id "Mars\/Olympus"/],
    ['2024-05-01T10:00:00+01:00[Asia/Shanghai]', /not the offset of Asia\/Shanghai at that time/],
  ])('refuses the temporal %s', (text, message) => {
    expect(() => parseJolt({ T: text })).toThrow(message);
  });

  it('reads nodes and relationships with Memgraph’s element ids (the id as text)', () => {
    expect(normalize(parseJolt({ '()': [{ Z: '9007199254740993' }, ['Element'], { status: 'Draft' }] }))).toEqual(
      normalize(new Node(int('9007199254740993'), ['Element'], { status: 'Draft' }, '9007199254740993'))
    );
    const forward = new Relationship(int(7), int(1), int(2), 'LOCATED_AT', {}, '7', '1', '2');
    expect(normalize(parseJolt({ '->': [7, 1, 'LOCATED_AT', 2, {}] }))).toEqual(normalize(forward));
    // "<-" lists the end node first: [id, end, type, start, props]
    expect(normalize(parseJolt({ '<-': [7, 2, 'LOCATED_AT', 1, {}] }))).toEqual(normalize(forward));
  });

  it('reads a path whose relationships point either way', () => {
    const a = new Node(int(1), ['Element'], {}, '1');
    const b = new Node(int(2), ['Level'], {}, '2');
    const c = new Node(int(3), ['Element'], {}, '3');
    const ab = new Relationship(int(10), int(1), int(2), 'LOCATED_AT', {}, '10', '1', '2');
    const cb = new Relationship(int(11), int(3), int(2), 'LOCATED_AT', {}, '11', '3', '2');
    const parsed = parseJolt({
      '..': [{ '()': [1, ['Element'], {}] }, { '->': [10, 1, 'LOCATED_AT', 2, {}] }, { '()': [2, ['Level'], {}] }, { '<-': [11, 2, 'LOCATED_AT', 3, {}] }, { '()': [3, ['Element'], {}] }],
    });
    expect(normalize(parsed)).toEqual(normalize(new Path(a, c, [new PathSegment(a, ab, b), new PathSegment(b, cb, c)])));
  });

  it('refuses a path whose relationship does not join its neighbours', () => {
    expect(() =>
      parseJolt({ '..': [{ '()': [1, [], {}] }, { '->': [10, 5, 'X', 2, {}] }, { '()': [2, [], {}] }] })
    ).toThrow(/does not connect node 1 to node 2/);
    expect(() => parseJolt({ '..': [{ '()': [1, [], {}] }, { '->': [10, 1, 'X', 2, {}] }] })).toThrow(/odd number of entries/);
  });
});

describe('toJolt', () => {
  it.each([
    [int('9223372036854775807'), { Z: '9223372036854775807' }],
    [-(2n ** 63n), { Z: '-9223372036854775808' }],
    [0.1, { R: '0.1' }],
    [-0, { R: '-0' }],
    [NaN, { R: 'NaN' }],
    ['中文', '中文'],
    [true, true],
    [null, null],
    [undefined, null],
    [Int8Array.from([0, -1, 16]), { '#': '00FF10' }],
    [new Point(4326, 1.5, -2), { '@': 'SRID=4326;POINT(1.5 -2)' }],
    [new Point(9157, 1, 2, 3.25), { '@': 'SRID=9157;POINT(1 2 3.25)' }],
    [new DateTime(2024, 5, 1, 10, 0, 0, 0, 8 * 3600, 'Asia/Shanghai'), { T: '2024-05-01T10:00:00+08:00[Asia/Shanghai]' }],
    [new Duration(0, 1, 30, 0), { T: 'P1DT30S' }],
    [{ Z: 'a map, not an integer' }, { '{}': { Z: 'a map, not an integer' } }],
    [{ status: 'APPROVED', n: int(3) }, { status: 'APPROVED', n: { Z: '3' } }],
    [new Node(int(1), ['Project'], { name: '一期' }, '1'), { '()': [1, ['Project'], { name: '一期' }] }],
    [new Node(int('9007199254740993'), [], {}, '9007199254740993'), { '()': [{ Z: '9007199254740993' }, [], {}] }],
  ])('writes %p as %j', (value, expected) => {
    expect(toJolt(value)).toEqual(expected);
  });

  it('writes a relationship traversed backwards in a path as "<-" with its end node first', () => {
    const a = new Node(int(1), [], {}, '1');
    const b = new Node(int(2), [], {}, '2');
    const ba = new Relationship(int(10), int(2), int(1), 'T', {}, '10', '2', '1');
    expect(toJolt(new Path(a, b, [new PathSegment(a, ba, b)]))).toEqual({
      '..': [{ '()': [1, [], {}] }, { '<-': [10, 1, 'T', 2, {}] }, { '()': [2, [], {}] }],
    });
  });

  it.each([
    [new Date(0), /a Date has no Jolt form/],
    [new Map([['a', 1]]), /a Map has no Jolt form/],
    [2n ** 64n, /does not fit in 64 bits/],
    [() => 1, /a function has no Jolt form/],
    [new Node(int(1), [], {}, '4:abc:1'), /element id "4:abc:1" is not the id 1 as text/],
  ])('refuses %p', (value, message) => {
    expect(() => toJolt(value)).toThrow(message);
  });

  it.each([...scalarCases, ...recordOnlyCases])('round-trips %s through JSON text exactly', (_name, value, expected = value) => {
    expect(normalize(viaJson(value))).toEqual(normalize(expected));
  });
});

describe('fixture files', () => {
  const fixtureDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bolt-fixtures-'));
  afterAll(() => fs.rmSync(fixtureDir, { recursive: true, force: true }));

  const write = (name: string, content: string) => {
    const file = path.join(fixtureDir, name);
    fs.writeFileSync(file, content);
    return file;
  };

  it('loads the example fixture shipped with the package', () => {
    const responders = loadFixtureFile(path.join(__dirname, '../fixtures/example.jolt.json'));
    expect(responders.map((r) => r.name)).toEqual([
      'lots by status',
      'division progress',
      'approvals with timestamps of every kind',
      "a lot's element graph",
      'large counters',
      'storage info',
      'a Memgraph error',
    ]);
  });

  it('turns entries into responders, named after the file and index by default', () => {
    const [records, failure, regex] = respondersFromFixture(
      [
        { match: 'RETURN 1 AS n', fields: ['n'], records: [[{ Z: '1' }]], delayMs: 5, batchDelayMs: 2, disconnectAfterRecords: 1, times: 3 },
        { match: 'BAD', error: { code: 'Memgraph.ClientError.MemgraphError.MemgraphError', message: 'no' }, hang: true },
        { match: { regex: '^show storage', flags: 'i' }, fields: [] },
      ],
      'demo.json'
    );
    expect(records).toMatchObject({ name: 'demo.json[0]', match: 'RETURN 1 AS n', fields: ['n'], records: [[int(1)]], delayMs: 5, batchDelayMs: 2, disconnectAfterRecords: 1, times: 3 });
    expect(failure).toMatchObject({ failure: { code: 'Memgraph.ClientError.MemgraphError.MemgraphError', message: 'no' }, hang: true });
    expect((regex.match as RegExp).test('SHOW STORAGE INFO')).toBe(true);
  });

  it('matches listed parameters by value, whatever their integer form or key order', () => {
    const [responder] = respondersFromFixture(
      [{ match: 'Q', parameters: { level: { Z: '3' }, filter: { a: 1, b: 'x' } }, fields: [] }],
      'p.json'
    );
    const match = responder.match as (q: string, p: Record<string, unknown>) => boolean;
    expect(match('Q', { level: 3n, filter: { b: 'x', a: int(1) }, extra: 'ignored' })).toBe(true);
    expect(match('Q', { level: int(4), filter: { a: 1n, b: 'x' } })).toBe(false);
    expect(match('Q', { filter: { a: 1n, b: 'x' } })).toBe(false);
    expect(match('Q2', { level: 3n, filter: { a: 1n, b: 'x' } })).toBe(false);
  });

  it.each([
    [{ not: 'an array' }, /a fixture file is a JSON array of entries/],
    [[{ match: 'Q', fields: [], recrods: [] }], /\[0\]: unknown key\(s\) recrods/],
    [[{ match: 'Q', fields: ['n'], error: { code: 'c', message: 'm' } }], /either "error" or "fields"/],
    [[{ match: 'Q', fields: ['a', 'b'], records: [[1]] }], /records\[0\] must be a list of 2 value\(s\)/],
    [[{ match: { regex: '(' }, fields: [] }], /invalid regex/],
    [[{ match: 42, fields: [] }], /"match" must be the exact query text/],
    [[{ match: 'Q', fields: [], delayMs: '5' }], /"delayMs" must be a number/],
    [[{ match: 'Q', error: { code: 'c' } }], /"error" must be/],
  ])('refuses %j naming the entry', (json, message) => {
    expect(() => respondersFromFixture(json, 'bad.json')).toThrow(FixtureError);
    expect(() => respondersFromFixture(json, 'bad.json')).toThrow(message);
  });

  it('says which file cannot be read or parsed', () => {
    expect(() => loadFixtureFile(path.join(fixtureDir, 'missing.json'))).toThrow(/cannot read fixture file .*missing\.json/);
    expect(() => loadFixtureFile(write('bad.json', '[{'))).toThrow(/bad\.json is not valid JSON/);
  });
});
