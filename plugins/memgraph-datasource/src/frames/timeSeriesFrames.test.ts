import { DataFrameType, FieldType, getFieldDisplayName } from '@grafana/data';
import neo4j from 'neo4j-driver';

import { cypherResult } from '../testing/results';
import { tableFrame } from './tableFrame';
import { applyLegend, timeSeriesFrame } from './timeSeriesFrames';

const int = neo4j.int;
const day = (d: number) => Date.UTC(2024, 4, d);
const table = (keys: string[], rows: unknown[][]) => tableFrame(cypherResult(keys, rows), 'UTC').frame;

describe('timeSeriesFrame', () => {
  it('turns a long result into one wide frame sorted by time, one value field per label set', () => {
    const long = table(
      ['time', 'status', 'lots'],
      [
        [int(day(2)), 'APPROVED', int(5)],
        [int(day(1)), 'APPROVED', int(3)],
        [int(day(1)), 'SUBMITTED', int(2)],
        [int(day(3)), 'SUBMITTED', int(4)],
      ]
    );
    const { frame, notices } = timeSeriesFrame(long);
    expect(notices).toEqual([]);
    expect(frame.meta?.type).toBe(DataFrameType.TimeSeriesWide);
    expect(frame.fields.map((f) => [f.name, f.type, f.labels])).toEqual([
      ['time', FieldType.time, undefined],
      ['lots', FieldType.number, { status: 'APPROVED' }],
      ['lots', FieldType.number, { status: 'SUBMITTED' }],
    ]);
    expect(frame.fields.map((f) => f.values)).toEqual([
      [day(1), day(2), day(3)],
      // Grafana's outer join leaves a missing point undefined
      [3, 5, undefined],
      [2, undefined, 4],
    ]);
  });

  it('keeps several value columns and needs no labels', () => {
    const { frame } = timeSeriesFrame(
      table(
        ['time', 'approvals', 'rejections'],
        [
          [int(day(2)), int(4), int(1)],
          [int(day(1)), int(2), int(0)],
        ]
      )
    );
    expect(frame.fields.map((f) => [f.name, f.values])).toEqual([
      ['time', [day(1), day(2)]],
      ['approvals', [2, 4]],
      ['rejections', [0, 1]],
    ]);
  });

  it('one series per combination of label values; a null label is left out of that series’ labels', () => {
    const { frame } = timeSeriesFrame(
      table(
        ['time', 'status', 'late', 'lots'],
        [
          [int(day(1)), 'APPROVED', null, int(1)],
          [int(day(1)), 'APPROVED', true, int(2)],
          [int(day(2)), 'APPROVED', null, int(3)],
          [int(day(2)), null, true, int(4)],
        ]
      )
    );
    expect(frame.fields.slice(1).map((f) => [f.labels, f.values])).toEqual([
      [{ status: 'APPROVED' }, [1, 3]],
      [{ status: 'APPROVED', late: 'true' }, [2, undefined]],
      [{ late: 'true' }, [undefined, 4]],
    ]);
  });

  it('names series from the legend template', () => {
    const { frame } = timeSeriesFrame(
      table(
        ['time', 'status', 'lots'],
        [
          [int(day(1)), 'APPROVED', int(3)],
          [int(day(1)), 'SUBMITTED', int(2)],
        ]
      ),
      '{{status}} lots'
    );
    expect(frame.fields.slice(1).map((f) => getFieldDisplayName(f, frame))).toEqual([
      'APPROVED lots',
      'SUBMITTED lots',
    ]);
    expect(applyLegend('{{ status }}/{{missing}}', { status: 'A' })).toBe('A/');
  });

  it('leaves out rows without a time and columns that are neither numbers nor labels, saying so', () => {
    const { frame, notices } = timeSeriesFrame(
      table(
        ['time', 'lots', 'extra'],
        [
          [int(day(1)), int(3), [1]],
          [null, int(9), [2]],
        ]
      )
    );
    expect(frame.fields.map((f) => f.values)).toEqual([[day(1)], [3]]);
    expect(notices).toEqual([
      'Columns "extra" are neither numbers nor labels; the time series leaves them out.',
      '1 row had no time (null, or not a recognisable time) and was left out.',
    ]);
  });

  it('explains what is missing instead of drawing nothing', () => {
    expect(() => timeSeriesFrame(table(['status', 'lots'], [['A', int(1)]]))).toThrow(
      'The time series format needs a time column'
    );
    expect(() => timeSeriesFrame(table(['time', 'status'], [[int(day(1)), 'A']]))).toThrow(
      'needs at least one numeric column'
    );
  });
});
