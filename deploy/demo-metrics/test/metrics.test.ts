import { createDemoMetrics, IN_PROGRESS_METRIC, OPENTRUSS_METRIC_NAMES, PYTHON_CLIENT_DEFAULT_BUCKETS, type SimulatedRequest } from '../src';

const request = (overrides: Partial<SimulatedRequest> = {}): SimulatedRequest => ({
  method: 'GET',
  endpoint: '/api/v1/elements',
  status: 200,
  durationSeconds: 0.042,
  queries: [
    { queryType: 'MATCH', status: 'success', durationSeconds: 0.006 },
    { queryType: 'OTHER', status: 'error', durationSeconds: 0.3 },
  ],
  ...overrides,
});

/** `name{labels} value` lines of the exposition, as a map. */
function samples(text: string): Map<string, number> {
  return new Map(
    text
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => {
        const at = line.lastIndexOf(' ');
        return [line.slice(0, at), Number(line.slice(at + 1))] as const;
      })
  );
}

describe('demo metrics exposition', () => {
  it('serves the API middleware’s in-flight gauge as the mean concurrency of the last interval', async () => {
    const metrics = createDemoMetrics({ duplicateMemgraphObservations: true });
    // Ten requests of 0.5 s each within 2 s: 2.5 in flight on average.
    metrics.record(Array.from({ length: 10 }, () => request({ durationSeconds: 0.5 })), 2);
    const text = await metrics.registry.metrics();
    expect(text).toContain(`# TYPE ${IN_PROGRESS_METRIC} gauge`);
    expect(samples(text).get(IN_PROGRESS_METRIC)).toBe(2.5);
    metrics.record([], 1);
    expect(samples(await metrics.registry.metrics()).get(IN_PROGRESS_METRIC)).toBe(0);
  });

  it('uses the OpenTruss backend metric names, types and labels', async () => {
    const metrics = createDemoMetrics({ duplicateMemgraphObservations: false });
    metrics.record([request()], 1);
    const text = await metrics.registry.metrics();
    expect(text).toContain(`# TYPE ${OPENTRUSS_METRIC_NAMES.apiRequests} counter`);
    expect(text).toContain(`# TYPE ${OPENTRUSS_METRIC_NAMES.apiRequestDuration} histogram`);
    expect(text).toContain(`# TYPE ${OPENTRUSS_METRIC_NAMES.memgraphQueryDuration} histogram`);
    expect(text).toContain(`# TYPE ${OPENTRUSS_METRIC_NAMES.memgraphQueries} counter`);
    expect(text).toContain(`# TYPE ${OPENTRUSS_METRIC_NAMES.systemInfo} gauge`);
    const values = samples(text);
    expect(values.get('opentruss_api_requests_total{method="GET",endpoint="/api/v1/elements",status="200"}')).toBe(1);
    expect(values.get('opentruss_api_request_duration_seconds_bucket{le="0.05",method="GET",endpoint="/api/v1/elements"}')).toBe(1);
    expect(values.get('opentruss_api_request_duration_seconds_bucket{le="0.025",method="GET",endpoint="/api/v1/elements"}')).toBe(0);
    expect(values.get('opentruss_memgraph_queries_total{query_type="OTHER",status="error"}')).toBe(1);
    expect(values.get('opentruss_memgraph_query_duration_seconds_count{query_type="MATCH"}')).toBe(1);
    expect([...values.keys()].find((k) => k.startsWith('opentruss_system_info{'))).toMatch(/version="1\.0\.0".*DEMO/);
  });

  it("buckets like Python's prometheus_client, not prom-client's defaults", async () => {
    const metrics = createDemoMetrics({ duplicateMemgraphObservations: false });
    metrics.record([request()], 1);
    const les = [...(await metrics.registry.metrics()).matchAll(/opentruss_memgraph_query_duration_seconds_bucket\{le="([^"]+)",query_type="MATCH"\}/g)].map(
      (m) => m[1]
    );
    expect(les).toEqual([...PYTHON_CLIENT_DEFAULT_BUCKETS.map(String), '+Inf']);
  });

  it("reproduces the backend's double counting of Memgraph queries (API counts stay single)", async () => {
    const metrics = createDemoMetrics({ duplicateMemgraphObservations: true });
    metrics.record([request(), request()], 1);
    const values = samples(await metrics.registry.metrics());
    expect(values.get('opentruss_memgraph_queries_total{query_type="MATCH",status="success"}')).toBe(4);
    expect(values.get('opentruss_memgraph_query_duration_seconds_count{query_type="OTHER"}')).toBe(4);
    expect(values.get('opentruss_api_requests_total{method="GET",endpoint="/api/v1/elements",status="200"}')).toBe(2);
  });

  it('marks the episode in progress with a clearly demo-only gauge', async () => {
    const metrics = createDemoMetrics({ duplicateMemgraphObservations: true });
    metrics.setEpisode('db-slow');
    const values = samples(await metrics.registry.metrics());
    expect(values.get('opentruss_demo_episode{episode="db-slow"}')).toBe(1);
    expect(values.get('opentruss_demo_episode{episode="normal"}')).toBe(0);
  });
});
