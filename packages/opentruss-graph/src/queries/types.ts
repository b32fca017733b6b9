import type { DemoGraph } from '../demo-graph/model';

/** Result formats the datasource understands (`MemgraphQuery.format` in @opentruss/contract, minus `auto`). */
export type CatalogueFormat = 'table' | 'time_series' | 'node_graph';

/** What a column holds, as Memgraph returns it. `time` is epoch milliseconds as an INTEGER. */
export type ColumnType = 'string' | 'integer' | 'float' | 'time' | 'list' | 'path';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
}

/** Dashboard variables the catalogue queries read as Cypher parameters. */
export type CatalogueVariable = 'project' | 'building' | 'lot';

/** Where a query is meant to be used (the query editor's examples menu, the app's dashboards, variables, annotations, the business exporter). */
export type CatalogueUse = 'example' | 'business' | 'capacity' | 'wall' | 'variable' | 'annotation' | 'exporter';

/**
 * What a query is evaluated against: the dashboard's time range and interval (`$__from`, `$__to`,
 * `$__interval_ms`, all epoch ms), "now" as Memgraph's `timestamp() / 1000` would return it, and the values of
 * the dashboard variables (multi-value: lists of ids; "All" = every id).
 */
export interface EvaluationContext {
  from: number;
  to: number;
  intervalMs: number;
  now: number;
  variables: {
    project: readonly string[];
    building: readonly string[];
    lot: string;
  };
}

/** A result row: values in column order, as neo4j-driver would decode them (Integer, number = float, Path, …). */
export type Row = unknown[];

export interface CatalogueQuery<Id extends string = string> {
  id: Id;
  title: { en: string; zh: string };
  description: string;
  /** As a user types it into the datasource: macros and `$variables`, never spliced values. */
  cypher: string;
  format: CatalogueFormat;
  /** Series name template for time series, e.g. `{{status}}`. */
  legend?: string;
  columns: readonly ColumnSpec[];
  variables: readonly CatalogueVariable[];
  uses: readonly CatalogueUse[];
  /** The reference evaluator: exactly the rows Memgraph returns for `cypher` on `graph` in `context`. */
  evaluate(graph: DemoGraph, context: EvaluationContext): Row[];
}

/**
 * A catalogue query as written, keeping its id as a literal type (a plain `: CatalogueQuery` annotation would widen
 * it to string), so the catalogue's ids form the `CatalogueQueryId` union.
 */
export function catalogueEntry<Id extends string>(query: CatalogueQuery<Id>): CatalogueQuery<Id> {
  return query;
}

/** Every catalogue query returns at most this many rows (LIMIT in the Cypher, or a fixed number of categories). */
export const MAX_ROWS = 1000;
