import { createDataFrame, type DataFrame } from '@grafana/data';

import type { CypherResult } from '../connection/runCypher';
import { toColumn } from './columns';

export interface Table {
  frame: DataFrame;
  notices: string[];
}

/** Records → one table frame, one field per returned column, in the query's column order. */
export function tableFrame(result: CypherResult, zone: string): Table {
  const columns = result.keys.map((key) =>
    toColumn(
      key,
      result.records.map((record) => record.get(key)),
      zone
    )
  );
  return {
    frame: createDataFrame({ fields: columns.map((c) => c.field) }),
    notices: columns.flatMap((c) => (c.notice ? [c.notice] : [])),
  };
}
