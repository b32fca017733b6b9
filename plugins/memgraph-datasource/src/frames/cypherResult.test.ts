import { FieldType } from '@grafana/data';
import neo4j from 'neo4j-driver';

import { resultColumn } from '../testing/columns';
import { cypherResult, node, rel } from '../testing/results';
import { columnField } from './columns';
import { ResultCollector } from '../model/cypherResult';
import { resultToFrames } from './resultToFrames';

const int = neo4j.int;
const { DateTime, Duration } = neo4j.types;

/** `n` zoned date-times one second apart from 2024-05-01T10:00:00+08:00. */
const dateTimes = (n: number) =>
  Array.from({ length: n }, (_, i) => new DateTime(2024, 5, 1, 10, 0, i % 60, 0, 8 * 3600, 'Asia/Shanghai'));

describe('ResultCollector', () => {
  it('collects records into one column per key, in order, without keeping the records', () => {
    const collector = new ResultCollector();
    collector.start(['id', 'n']);
    for (let i = 0; i < 3; i++) {
      collector.add(new neo4j.Record(['id', 'n'], [`E-${i}`, int(i)]));
    }
    const result = collector.finish(false);
    expect(result.keys).toEqual(['id', 'n']);
    expect(result.rowCount).toBe(3);
    expect(result.truncated).toBe(false);
    expect(result.columns.map((c) => c.name)).toEqual(['id', 'n']);
    expect(result.columns[0].values).toEqual(['E-0', 'E-1', 'E-2']);
    expect(result.columns[1].values).toEqual([int(0), int(1), int(2)]);
  });

  it('gives the rows back as records readable by key, for callers that read a few rows', () => {
    const result = cypherResult(
      ['index type', 'label'],
      [
        ['label+property', 'Element'],
        ['label', 'Level'],
      ]
    );
    expect(result.records.map((r) => [r.get('index type'), r.get('label')])).toEqual([
      ['label+property', 'Element'],
      ['label', 'Level'],
    ]);
    expect(result.records).toBe(result.records); // built once
  });

  it('keeps the keys of an empty result', () => {
    const result = cypherResult(['a'], []);
    expect(result.rowCount).toBe(0);
    expect(result.columns[0].values).toEqual([]);
    expect(result.records).toEqual([]);
  });
});

describe('a column learns its type from every value as it arrives', () => {
  it('a late non-ISO string turns a whole time column into text, earlier date-times included', () => {
    const column = resultColumn('time', [...dateTimes(1_000), 'soon']);
    const { field, notice } = columnField(column, 'UTC');
    expect(field.type).toBe(FieldType.string);
    expect(field.values).toHaveLength(1_001);
    expect(field.values?.[0]).toBe(String(dateTimes(1)[0]));
    expect(field.values?.[1_000]).toBe('soon');
    expect(notice).toBe('Column "time" mixes dateTime, string values; it is shown as text.');
  });

  it('ISO strings arriving among date-times keep a time column a time column', () => {
    const column = resultColumn('time', [...dateTimes(2), '2024-05-01T02:00:05Z']);
    expect(column.nonIsoStrings).toBe(false);
    expect(columnField(column, 'UTC').field).toMatchObject({
      type: FieldType.time,
      values: [Date.UTC(2024, 4, 1, 2, 0, 0), Date.UTC(2024, 4, 1, 2, 0, 1), Date.UTC(2024, 4, 1, 2, 0, 5)],
    });
  });

  it('the last integer beyond ±2^53 makes the whole column exact text', () => {
    const values = [...Array.from({ length: 999 }, (_, i) => int(i)), int('9007199254740993')];
    const { field, notice } = columnField(resultColumn('n', values), 'UTC');
    expect(field.type).toBe(FieldType.string);
    expect(field.values?.slice(0, 2)).toEqual(['0', '1']);
    expect(field.values?.[999]).toBe('9007199254740993');
    expect(notice).toContain('beyond ±2^53');
  });

  it('±(2^53 − 1) is still a number, ±2^53 is not', () => {
    expect(resultColumn('n', [int(Number.MAX_SAFE_INTEGER), int(Number.MIN_SAFE_INTEGER)]).unsafeIntegers).toBe(false);
    expect(resultColumn('n', [int('9007199254740992')]).unsafeIntegers).toBe(true);
    expect(resultColumn('n', [int('-9007199254740992')]).unsafeIntegers).toBe(true);
    expect(resultColumn('n', [BigInt('9007199254740992')]).unsafeIntegers).toBe(true);
    expect(resultColumn('n', [BigInt(-5)]).unsafeIntegers).toBe(false);
  });

  it('a late list turns numbers into JSON values, a late duration turns them into text', () => {
    expect(columnField(resultColumn('x', [int(1), 2.5, [int(3)]]), 'UTC').field).toMatchObject({
      type: FieldType.other,
      values: [1, 2.5, [3]],
    });
    expect(columnField(resultColumn('x', [int(1), new Duration(0, 0, 90, 0)]), 'UTC').field).toMatchObject({
      type: FieldType.string,
      values: ['1', 'PT1M30S'],
    });
  });

  it('the type does not depend on the order the values arrive in', () => {
    const values: unknown[] = [int(1), null, 'a', 2.5, true, ...dateTimes(3), [int(1)], { k: 'v' }];
    const forward = columnField(resultColumn('m', values), 'UTC').field;
    const backward = columnField(resultColumn('m', [...values].reverse()), 'UTC').field;
    expect(forward.type).toBe(FieldType.other);
    expect(backward.type).toBe(forward.type);
    expect(backward.values).toEqual([...(forward.values ?? [])].reverse());
  });

  it('notes graph values at the top and inside lists and maps, and nothing else', () => {
    const lot = node(1, ['InspectionLot']);
    expect(resultColumn('n', [lot]).holdsGraph).toBe(true);
    expect(resultColumn('r', [null, rel(7, 1, 2, 'HAS_LOT')]).holdsGraph).toBe(true);
    expect(resultColumn('x', [['a'], { k: [{ deep: lot }] }]).holdsGraph).toBe(true);
    expect(resultColumn('x', [['a', int(1)], { k: [{ deep: 'no' }] }, 'n']).holdsGraph).toBe(false);
  });
});

describe('frames from collected columns', () => {
  it('a node graph meets the values row by row, as the records arrived', () => {
    const [nodes] = resultToFrames(
      cypherResult(
        ['a', 'b'],
        [
          [node(1, ['A']), node(2, ['B'])],
          [node(3, ['A']), node(4, ['B'])],
        ]
      ),
      { refId: 'A', format: 'auto', timeZone: 'UTC', maxRows: 10, executedQuery: '' }
    );
    expect(nodes.fields.find((f) => f.name === 'id')?.values).toEqual(['n1', 'n2', 'n3', 'n4']);
  });

  it('auto draws a table when lists and maps hold no graph values', () => {
    const [frame] = resultToFrames(cypherResult(['tags'], [[['a', { k: 1 }]]]), {
      refId: 'A',
      format: 'auto',
      timeZone: 'UTC',
      maxRows: 10,
      executedQuery: '',
    });
    expect(frame.fields.map((f) => f.type)).toEqual([FieldType.other]);
  });
});
