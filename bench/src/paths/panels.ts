import type { DataQueryResponse } from '@grafana/data';
import { type DataSource, queryRequest } from 'opentruss-memgraph-datasource/testing';
import type { Observable } from 'rxjs';

import type { PanelWorkload } from '../workloads';

/** The request one panel sends on a refresh: Grafana issues one request per panel. */
export function panelQuery(ds: DataSource, panel: PanelWorkload): Observable<DataQueryResponse> {
  return ds.query(queryRequest([{ cypher: panel.query, format: panel.format }]));
}

/** Throws if a panel's response carries an error: a benchmark must not time failures as work. */
export function expectNoErrors(panel: PanelWorkload, response: DataQueryResponse): void {
  if (response.errors?.length) {
    throw new Error(`${panel.name} failed: ${response.errors.map((e) => e.message).join('; ')}`);
  }
  if (response.data.length === 0) {
    throw new Error(`${panel.name} returned no frames`);
  }
}
