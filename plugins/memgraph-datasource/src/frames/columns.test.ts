import { FieldType } from '@grafana/data';
import neo4j from 'neo4j-driver';

import { toColumn } from '../testing/columns';
import { node, path, rel } from '../testing/results';

const int = neo4j.int;
const { Date: CypherDate, LocalDateTime, DateTime, Duration, Point, LocalTime, Time } = neo4j.types;

describe('toColumn infers the type from all values', () => {
  it('integers inside ±2^53 become exact numbers, floats stay numbers', () => {
    const column = toColumn('n', [int(1), 2.5, null, int(Number.MAX_SAFE_INTEGER), BigInt(-3)], 'UTC');
    expect(column.field).toMatchObject({ type: FieldType.number, values: [1, 2.5, null, 9007199254740991, -3] });
    expect(column.notice).toBeUndefined();
  });

  it('integers beyond ±2^53 make the column exact text, with a notice', () => {
    const column = toColumn('big', [int(1), int('9007199254740993'), int('-9223372036854775808')], 'UTC');
    expect(column.field).toMatchObject({
      type: FieldType.string,
      values: ['1', '9007199254740993', '-9223372036854775808'],
    });
    expect(column.notice).toContain('Column "big" holds integers beyond ±2^53');
  });

  it('booleans stay booleans', () => {
    expect(toColumn('b', [true, false, null], 'UTC').field).toMatchObject({
      type: FieldType.boolean,
      values: [true, false, null],
    });
  });

  it('Date, LocalDateTime and DateTime become one time field in epoch ms, zone-less ones in the configured zone', () => {
    const values = [
      new CypherDate(int(2024), int(5), int(1)),
      new LocalDateTime(int(2024), int(5), int(1), int(10), int(0), int(0), int(0)),
      new DateTime(int(2024), int(5), int(1), int(10), int(0), int(0), int(0), int(0)),
      null,
    ];
    expect(toColumn('created', values, 'Asia/Shanghai').field).toMatchObject({
      type: FieldType.time,
      values: [Date.UTC(2024, 3, 30, 16), Date.UTC(2024, 4, 1, 2), Date.UTC(2024, 4, 1, 10), null],
    });
  });

  it('a column named time accepts ISO strings and epoch-ms numbers mixed with temporal values', () => {
    const values = [
      '2024-05-01T10:00:00Z',
      int(1714557600000),
      new LocalDateTime(int(2024), int(5), int(1), int(10), int(0), int(0), int(0)),
    ];
    expect(toColumn('time', values, 'UTC').field).toMatchObject({
      type: FieldType.time,
      values: [Date.UTC(2024, 4, 1, 10), 1714557600000, Date.UTC(2024, 4, 1, 10)],
    });
  });

  it('ISO strings elsewhere stay strings, and a time column with a non-ISO string stays text', () => {
    expect(toColumn('created_at', ['2024-05-01T10:00:00Z'], 'UTC').field.type).toBe(FieldType.string);
    expect(toColumn('time', ['2024-05-01T10:00:00Z', 'soon'], 'UTC').field).toMatchObject({
      type: FieldType.string,
      values: ['2024-05-01T10:00:00Z', 'soon'],
    });
  });

  it('durations become milliseconds with the ms unit', () => {
    expect(toColumn('d', [new Duration(int(0), int(0), int(90), int(0))], 'UTC').field).toMatchObject({
      type: FieldType.number,
      values: [90_000],
      config: { unit: 'ms' },
    });
  });

  it('points, local times, times and bytes become text', () => {
    expect(
      toColumn('p', [new Point(int(4326), 116.4, 39.9), new Point(int(9157), 1, 2, 3)], 'UTC').field.values
    ).toEqual(['SRID=4326;POINT(116.4 39.9)', 'SRID=9157;POINT(1 2 3)']);
    expect(toColumn('t', [new LocalTime(int(10), int(30), int(0), int(0))], 'UTC').field.values).toEqual(['10:30:00']);
    expect(toColumn('t', [new Time(int(10), int(30), int(0), int(0), int(3600))], 'UTC').field.values).toEqual([
      '10:30:00+01:00',
    ]);
    expect(toColumn('bytes', [new Int8Array([1, -1, 16])], 'UTC').field.values).toEqual(['01ff10']);
  });

  it('nodes, relationships, paths, lists and maps become JSON values with exact integers', () => {
    const lot = node(1, ['InspectionLot'], { id: 'L-1', count: int('9007199254740993') });
    const element = node(2, ['Element'], { id: 'E-1' });
    const contains = rel(7, 1, 2, 'MANAGEMENT_CONTAINS', { since: int(3) });
    const column = toColumn(
      'x',
      [lot, contains, path([lot, element], [contains]), [int(1), 'a'], { k: int(2) }],
      'UTC'
    );
    expect(column.field.type).toBe(FieldType.other);
    expect(column.field.values).toEqual([
      { elementId: 'n1', labels: ['InspectionLot'], properties: { id: 'L-1', count: { Z: '9007199254740993' } } },
      {
        elementId: 'r7',
        type: 'MANAGEMENT_CONTAINS',
        startElementId: 'n1',
        endElementId: 'n2',
        properties: { since: 3 },
      },
      {
        nodes: [
          { elementId: 'n1', labels: ['InspectionLot'], properties: { id: 'L-1', count: { Z: '9007199254740993' } } },
          { elementId: 'n2', labels: ['Element'], properties: { id: 'E-1' } },
        ],
        relationships: [
          {
            elementId: 'r7',
            type: 'MANAGEMENT_CONTAINS',
            startElementId: 'n1',
            endElementId: 'n2',
            properties: { since: 3 },
          },
        ],
      },
      [1, 'a'],
      { k: 2 },
    ]);
  });

  it('a column mixing scalar types becomes text with a notice, never a crash', () => {
    const column = toColumn('last_seen', [int(5), '', true, 1.5, new CypherDate(int(2024), int(1), int(2))], 'UTC');
    expect(column.field).toMatchObject({ type: FieldType.string, values: ['5', '', 'true', '1.5', '2024-01-02'] });
    expect(column.notice).toBe(
      'Column "last_seen" mixes boolean, date, float, integer, string values; it is shown as text.'
    );
  });

  it('a column mixing scalars and structures becomes JSON', () => {
    expect(toColumn('m', ['a', [1.5]], 'UTC').field).toMatchObject({ type: FieldType.other, values: ['a', [1.5]] });
  });

  it('an all-null (or empty) column keeps Grafana’s neutral type, not text', () => {
    expect(toColumn('n', [null, null], 'UTC').field).toMatchObject({ type: FieldType.other, values: [null, null] });
    expect(toColumn('n', [], 'UTC').field).toMatchObject({ type: FieldType.other, values: [] });
  });

  it('integers beyond ±2^53 inside lists, maps and properties stay exact and typed, with a notice', () => {
    const big = int('9007199254740993');
    const column = toColumn(
      'm',
      [[int(1), big], { k: big, s: '9007199254740993' }, node(1, ['Lot'], { n: big })],
      'UTC'
    );
    expect(column.field.values).toEqual([
      [1, { Z: '9007199254740993' }],
      { k: { Z: '9007199254740993' }, s: '9007199254740993' },
      { elementId: 'n1', labels: ['Lot'], properties: { n: { Z: '9007199254740993' } } },
    ]);
    expect(column.notice).toBe(
      'Column "m" holds integers beyond ±2^53 inside lists, maps or properties; they are written {"Z": "<digits>"} to stay exact.'
    );
    expect(toColumn('m', [[int(1)]], 'UTC').notice).toBeUndefined();
  });

  it('local times and times print only the fraction digits they have', () => {
    const column = toColumn(
      't',
      [
        new LocalTime(int(10), int(30), int(15), int(500_000_000)),
        new LocalTime(int(10), int(30), int(15), int(0)),
        new LocalTime(int(10), int(30), int(15), int(1_000)),
      ],
      'UTC'
    );
    expect(column.field.values).toEqual(['10:30:15.5', '10:30:15', '10:30:15.000001']);
    expect(
      toColumn('t', [new Time(int(8), int(0), int(0), int(120_000_000), int(28_800))], 'UTC').field.values
    ).toEqual(['08:00:00.12+08:00']);
  });

  it('non-finite floats survive as text inside JSON', () => {
    expect(toColumn('m', [[NaN, Infinity]], 'UTC').field.values).toEqual([['NaN', 'Infinity']]);
  });
});
