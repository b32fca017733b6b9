import type { DataFrame, QueryResultMetaNotice } from '@grafana/data';
import { PLAIN_TEXT, type ResultFormat } from '@opentruss/contract';
import { t } from '@grafana/i18n';

import { type CypherResult, valuesByRow } from '../model/cypherResult';
import { columnNotice, columnShape, NUMBER_SHAPES } from './columns';
import { nodeGraphFrames } from './nodeGraphFrames';
import { tableFrame } from './tableFrame';
import { timeSeriesFrame } from './timeSeriesFrames';

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

/**
 * `auto`: graph values anywhere → node graph; a time column and a number column → time series; else table. Decided
 * from what the columns learnt on arrival, before any frame is built.
 */
function chooseFormat(result: CypherResult): Exclude<ResultFormat, 'auto'> {
  if (result.columns.some((column) => column.holdsGraph)) {
    return 'node_graph';
  }
  const shapes = result.columns.map(columnShape);
  return shapes.includes('time') && shapes.some((shape) => NUMBER_SHAPES.has(shape)) ? 'time_series' : 'table';
}

export function rowCapNotice(maxRows: number): string {
  return t(
    'frames.row-cap',
    'Showing the first {{maxRows}} rows: the result has more. Narrow the query (LIMIT, $__timeFilter, aggregation) ' +
      'or raise "Maximum rows" in the datasource settings.',
    { maxRows: maxRows.toLocaleString('en-US'), ...PLAIN_TEXT }
  );
}

/** A Cypher result → the data frames of one query, with its notices (row cap, exact big integers, mixed columns). */
export function resultToFrames(result: CypherResult, options: FrameOptions): DataFrame[] {
  const format = options.format === 'auto' ? chooseFormat(result) : options.format;
  const rowCap = result.truncated ? [rowCapNotice(options.maxRows)] : [];
  let frames: DataFrame[];
  let notices: string[];
  if (format === 'node_graph') {
    // No table is built; the columns' notices still apply, as they do to the other formats.
    frames = nodeGraphFrames(valuesByRow(result));
    notices = [...result.columns.flatMap((column) => columnNotice(column) ?? []), ...rowCap];
  } else {
    const table = tableFrame(result, options.timeZone);
    notices = [...table.notices, ...rowCap];
    if (format === 'time_series') {
      const series = timeSeriesFrame(table.frame, options.legend);
      notices.push(...series.notices);
      frames = [series.frame];
    } else {
      frames = [table.frame];
    }
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
