import type { DataQuery } from '@grafana/schema';

/**
 * How a Cypher result becomes Grafana data frames. `auto` decides from the result's shape
 * (graph values → node graph, a time column with numbers → time series, else table).
 */
export type ResultFormat = 'auto' | 'table' | 'time_series' | 'node_graph';

export const RESULT_FORMATS: readonly ResultFormat[] = ['auto', 'table', 'time_series', 'node_graph'];

/** A Memgraph datasource query, as stored in dashboards. */
export interface MemgraphQuery extends DataQuery {
  /** Cypher text. Grafana variables and the time range reach Memgraph as parameters, never as spliced text. */
  cypher: string;
  format?: ResultFormat;
  /** Series name template for time series, e.g. `{{status}}`. */
  legend?: string;
}
