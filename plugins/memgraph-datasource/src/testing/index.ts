// opentruss-memgraph-datasource/testing — the one entry point for tests and benchmarks outside this plugin (the
// app's panel checks, bench/): a datasource wired to a Bolt server, query requests, Grafana variables, result
// helpers, and the parts of the query path the benchmarks time one by one. Not part of the plugin bundle.
// Imported first, it lends @grafana/* the DOM globals they touch while loading in Node (a no-op under jsdom).
import './grafanaInNode';

export { RANGE, dataSource, instanceSettings, queryRequest, runQuery } from './harness';
export { FakeTemplateSrv, fakeTemplateSrv, type FakeVariable } from './templateSrv';
export { cypherResult, node, path, rel } from './results';
export { resultColumn, toColumn } from './columns';

export type { DataSource } from '../datasource';
export { DriverRegistry } from '../connection/driverRegistry';
export { createDriver, driverOptions } from '../connection/driverOptions';
export { resolveSettings, type MemgraphSettings } from '../connection/settings';
export { runCypher } from '../connection/runCypher';
export { resultToFrames } from '../frames/resultToFrames';
export { isTimeColumnName } from '../model/resultColumn';
export { MemgraphVariableSupport } from '../variables/variableSupport';
export { productStatements, type ProductStatement } from './productStatements';
