import { type DataFrame, FieldType, type QueryResultMetaNotice } from '@grafana/data';
import type { ResultFormat } from '@opentruss/contract';

import { type CypherResult, valuesByRow } from '../model/cypherResult';
import { nodeGraphFrames } from './nodeGraphFrames';
import { tableFrame } from './tableFrame';
import { findTimeField, timeSeriesFrame } from './timeSeriesFrames';

export interface FrameOptions {
  refId: string;
  format: ResultFormat;
  legend?: string;
  /** Zone for values without one (Memgraph's `--timezone`). */
  timeZone: string;
  /** The cap that was applied, for the notice. */
  maxRows: number;
  /** The statement as sent, shown in Grafana's query inspector. */
  executedQuery: string;
}

/** `auto`: graph values anywhere → node graph; a time column and a number column → time series; else table. */
export function chooseFormat(result: CypherResult, table: DataFrame): Exclude<ResultFormat, 'auto'> {
  if (result.columns.some((column) => column.holdsGraph)) {
    return 'node_graph';
  }
  const time = findTimeField(table);
  return time && table.fields.some((f) => f !== time && f.type === FieldType.number) ? 'time_series' : 'table';
}

export function rowCapNotice(maxRows: number): string {
  return (
    `Showing the first ${maxRows.toLocaleString('en-US')} rows: the result has more. Narrow the query ` +
    '(LIMIT, $__timeFilter, aggregation) or raise "Maximum rows" in the datasource settings.'
  );
}

/** A Cypher result → the data frames of one query, with its notices (row cap, exact big integers, mixed columns). */
export function resultToFrames(result: CypherResult, options: FrameOptions): DataFrame[] {
  const table = tableFrame(result, options.timeZone);
  const notices = [...table.notices];
  if (result.truncated) {
    notices.push(rowCapNotice(options.maxRows));
  }
  const format = options.format === 'auto' ? chooseFormat(result, table.frame) : options.format;
  let frames: DataFrame[];
  if (format === 'node_graph') {
    frames = nodeGraphFrames(valuesByRow(result));
  } else if (format === 'time_series') {
    const series = timeSeriesFrame(table.frame, options.legend);
    notices.push(...series.notices);
    frames = [series.frame];
  } else {
    frames = [table.frame];
  }
  const metaNotices: QueryResultMetaNotice[] = notices.map((text) => ({ severity: 'warning', text }));
  return frames.map((frame) => ({
    ...frame,
    refId: options.refId,
    meta: {
      ...frame.meta,
      executedQueryString: options.executedQuery,
      ...(metaNotices.length ? { notices: metaNotices } : {}),
    },
  }));
}
