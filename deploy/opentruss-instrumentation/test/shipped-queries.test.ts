// Every alert expression, panel query and runbook that reads opentruss_api_* or opentruss_memgraph_*, held
// against OpenTruss's metrics.py (names, label names) and its record_memgraph_query double counting. The live
// suite (live.test.ts) checks the same queries against what the middleware really exports.
import { IN_PROGRESS_METRIC as DEMO_IN_PROGRESS } from '@opentruss/demo-metrics';
import {
  doubleCountVerdict,
  exportedSeries,
  groupingLabelsOf,
  middlewareMetricDefinitions,
  runbookMetricNames,
  selectorsOf,
  shippedQueries,
  upstreamMetricDefinitions,
} from '../src/shipped-queries';

/** What OpenTruss's metrics.py defines, and the one series the middleware adds of its own. */
const definitions = [...upstreamMetricDefinitions(), ...middlewareMetricDefinitions()];
/** Labels Prometheus adds to every scraped series. */
const TARGET_LABELS = ['job', 'instance'];
const exported = new Map(definitions.flatMap(exportedSeries).map((s) => [s.name, new Set([...s.labels, ...TARGET_LABELS])]));
const queries = shippedQueries();

describe("OpenTruss's metrics.py as vendored", () => {
  it('defines the two API families the middleware records, with the labels it records', () => {
    expect(upstreamMetricDefinitions().filter((d) => d.name.startsWith('opentruss_api_'))).toEqual([
      { kind: 'Counter', name: 'opentruss_api_requests_total', labels: ['method', 'endpoint', 'status'] },
      { kind: 'Histogram', name: 'opentruss_api_request_duration_seconds', labels: ['method', 'endpoint'] },
    ]);
  });
});

describe('the middleware’s own series', () => {
  it('is the in-flight gauge, which the connections alert reads', () => {
    expect(middlewareMetricDefinitions()).toEqual([{ kind: 'Gauge', name: 'opentruss_api_requests_in_progress', labels: [] }]);
    // The demo backend serves it under the same name.
    expect(DEMO_IN_PROGRESS).toBe(middlewareMetricDefinitions()[0].name);
    expect(queries.map((q) => q.where)).toContain('alert HighActiveConnections');
  });
});

describe('shipped queries on the backend metrics', () => {
  it('include both API alerts, both Memgraph alerts and the API/DB dashboard panels', () => {
    const where = queries.map((q) => q.where);
    for (const alert of ['HighAPILatency', 'HighAPIErrorRate', 'DatabaseSlowQuery', 'MemgraphQueryErrors']) {
      expect(where).toContain(`alert ${alert}`);
    }
    expect(where.filter((w) => w.includes('opentruss-api-db.json')).length).toBeGreaterThanOrEqual(8);
  });

  it.each(queries.map((q) => [q.where, q.expr]))('%s: names only exported series and their labels (%s)', (_where, expr) => {
    for (const { metric, matchers } of selectorsOf(expr)) {
      expect(`${metric}: ${exported.has(metric) ? 'exported' : 'not exported by OpenTruss'}`).toBe(`${metric}: exported`);
      for (const { label } of matchers) {
        expect(`${metric}{${label}}: ${exported.get(metric)?.has(label) ?? false}`).toBe(`${metric}{${label}}: true`);
      }
      for (const label of groupingLabelsOf(expr).filter((l) => l !== 'le' || metric.endsWith('_bucket'))) {
        expect(`${metric} by ${label}: ${exported.get(metric)?.has(label) ?? false}`).toBe(`${metric} by ${label}: true`);
      }
    }
  });

  it.each(queries.map((q) => [q.where, q.expr]))(
    '%s: correct despite record_memgraph_query counting every query twice (%s)',
    (_where, expr) => {
      expect(doubleCountVerdict(expr)).not.toBe('WRONG: reads doubled counts');
    }
  );

  it('leave out only the business exporter’s Memgraph figures, which share the opentruss_memgraph_ prefix', () => {
    expect(queries.some((q) => q.where === 'alert MemgraphMemoryNearLimit')).toBe(false);
    const mixed = 'sum(rate(opentruss_memgraph_queries_total{job="b"}[5m])) / max(opentruss_memgraph_vertices{job="e"})';
    expect(selectorsOf(mixed).map((s) => s.metric)).toEqual(['opentruss_memgraph_queries_total']);
  });

  it('no API query is halved: the middleware records each request once', () => {
    const halvedApi = queries.filter((q) => q.expr.includes('opentruss_api_') && /\/\s*2\s*$/.test(q.expr));
    expect(halvedApi).toEqual([]);
  });

  it.each(runbookMetricNames().map((r) => [r.file, r.names]))('%s mentions only exported metrics: %s', (_file, names) => {
    const families = new Set([...exported.keys(), ...definitions.map((d) => d.name)]);
    expect((names as string[]).filter((n) => !families.has(n))).toEqual([]);
  });
});

describe('the double-counting verdict', () => {
  it.each([
    ['histogram_quantile(0.95, sum by (le) (rate(opentruss_memgraph_query_duration_seconds_bucket{job="b"}[5m])))', 'quantile'],
    [
      '100 * (sum(rate(opentruss_memgraph_queries_total{job="b", status="error"}[5m])) or vector(0))\n  / sum(rate(opentruss_memgraph_queries_total{job="b"}[5m]))',
      'ratio of one counter',
    ],
    ['sum by (query_type, status) (rate(opentruss_memgraph_queries_total{job="b"}[1m])) / 2', 'halved'],
    ['sum by (query_type) (rate(opentruss_memgraph_queries_total{job="b"}[1m]))', 'WRONG: reads doubled counts'],
    ['sum(rate(opentruss_memgraph_query_duration_seconds_count{job="b"}[5m]))', 'WRONG: reads doubled counts'],
    ['sum(rate(opentruss_api_requests_total{job="b"}[5m]))', 'not affected'],
  ])('%s → %s', (expr, verdict) => {
    expect(doubleCountVerdict(expr)).toBe(verdict);
  });
});
