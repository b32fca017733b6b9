import type { DataQuery } from '@grafana/schema';

/**
 * How a Cypher result becomes Grafana data frames. `auto` decides from the result's shape
 * (graph values → node graph, a time column with numbers → time series, else table).
 */
export type ResultFormat = 'auto' | 'table' | 'time_series' | 'node_graph';

/** A Memgraph datasource query, as stored in dashboards. */
export interface MemgraphQuery extends DataQuery {
  /** Cypher text. Grafana variables and the time range reach Memgraph as parameters, never as spliced text. */
  cypher: string;
  format?: ResultFormat;
  /** Series name template for time series, e.g. `{{status}}`. */
  legend?: string;
  /**
   * Values of the dashboard variables the Cypher references, carried with the query when it leaves its dashboard
   * (Explore from a panel). Sent as parameters like any variable; where the dashboard has the variable, its own
   * value wins.
   */
  variableValues?: Record<string, MemgraphVariableValue>;
}

/** A variable's value as Grafana hands it over: one value, or a list for multi-value and "All". */
export type MemgraphVariableValue = string | number | boolean | Array<string | number | boolean>;
