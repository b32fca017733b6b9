import { createDataFrame, type DataFrame } from '@grafana/data';

import { columnField } from './columns';
import type { CypherResult } from '../model/cypherResult';

export interface Table {
  frame: DataFrame;
  notices: string[];
}

/** A result → one table frame, one field per returned column, in the query's column order. */
export function tableFrame(result: CypherResult, zone: string): Table {
  const columns = result.columns.map((column) => columnField(column, zone));
  return {
    frame: createDataFrame({ fields: columns.map((c) => c.field) }),
    notices: columns.flatMap((c) => (c.notice ? [c.notice] : [])),
  };
}
