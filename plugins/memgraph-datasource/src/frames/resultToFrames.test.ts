import { FieldType } from '@grafana/data';
import neo4j from 'neo4j-driver';

import { cypherResult, node } from '../testing/results';
import { resultToFrames, rowCapNotice } from './resultToFrames';

const options = { refId: 'A', timeZone: 'UTC', maxRows: 10_000, executedQuery: 'RETURN 1' };
const int = neo4j.int;

describe('resultToFrames', () => {
  it('auto picks node graph when graph values appear anywhere', () => {
    const frames = resultToFrames(cypherResult(['xs'], [[[node(1, ['A'])]]]), { ...options, format: 'auto' });
    expect(frames.map((f) => f.name)).toEqual(['nodes', 'edges']);
  });

  it('auto picks time series for a time column with numbers, and table otherwise', () => {
    const series = resultToFrames(cypherResult(['time', 'n'], [[int(1000), int(1)]]), { ...options, format: 'auto' });
    expect(series[0].meta?.type).toBe('timeseries-wide');
    const table = resultToFrames(cypherResult(['status', 'n'], [['A', int(1)]]), { ...options, format: 'auto' });
    expect(table[0].meta?.type).toBeUndefined();
    expect(table[0].fields.map((f) => f.type)).toEqual([FieldType.string, FieldType.number]);
  });

  it('honours an explicit format, sets refId and the executed query', () => {
    const [frame] = resultToFrames(cypherResult(['time', 'n'], [[int(1000), int(1)]]), { ...options, format: 'table' });
    expect(frame.refId).toBe('A');
    expect(frame.meta?.executedQueryString).toBe('RETURN 1');
    expect(frame.meta?.type).toBeUndefined();
  });

  it('attaches the row-cap notice (a warning, not an error) and column notices to every frame', () => {
    const frames = resultToFrames(cypherResult(['big'], [[int('9007199254740993')]], true), {
      ...options,
      maxRows: 1,
      format: 'table',
    });
    expect(frames[0].meta?.notices).toEqual([
      { severity: 'warning', text: expect.stringContaining('Column "big" holds integers beyond ±2^53') },
      { severity: 'warning', text: rowCapNotice(1) },
    ]);
    expect(rowCapNotice(10_000)).toBe(
      'Showing the first 10,000 rows: the result has more. Narrow the query (LIMIT, $__timeFilter, aggregation) or ' +
        'raise "Maximum rows" in the datasource settings.'
    );
  });

  it('gives node graph frames the same column and row-cap notices a table of the result would carry', () => {
    const result = cypherResult(
      ['lot', 'serials', 'big', 'mixed'],
      [
        [node(1, ['Lot'], { serial: int('9223372036854775807') }), [int('-9223372036854775808')], int('9007199254740993'), 'a'],
        [node(2, ['Lot']), [], int(1), int(1)], // `mixed`: text and an integer
      ],
      true
    );
    const tableNotices = resultToFrames(result, { ...options, maxRows: 1, format: 'table' })[0].meta?.notices;
    const graph = resultToFrames(result, { ...options, maxRows: 1, format: 'node_graph' });
    expect(graph.map((f) => f.name)).toEqual(['nodes', 'edges']);
    expect(tableNotices).toHaveLength(5);
    for (const frame of graph) {
      expect(frame.meta?.notices).toEqual(tableNotices);
    }
  });

  it('returns an empty table (with the columns) for an empty result', () => {
    const [frame] = resultToFrames(cypherResult(['a', 'b'], []), { ...options, format: 'auto' });
    expect(frame.length).toBe(0);
    expect(frame.fields.map((f) => f.name)).toEqual(['a', 'b']);
  });
});
