// A fake Grafana TemplateSrv for unit tests (through opentruss-memgraph-datasource/testing) and for the browser
// tests' host page (opentruss-memgraph-datasource/testing/templateSrv): browser-safe, types from @grafana/* only.
export { FakeTemplateSrv, fakeTemplateSrv, type FakeVariable } from './fakeTemplateSrv';
