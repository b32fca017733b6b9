// A stand-in for the OpenTruss backend's GET /metrics while no backend runs here: the metric families the
// backend's prometheus-client registry exposes (names, labels, histogram buckets, float formatting as
// prometheus-client writes them), with counts that grow on every scrape.
import http from 'node:http';
import type net from 'node:net';

const BUCKETS = [
  '0.005',
  '0.01',
  '0.025',
  '0.05',
  '0.075',
  '0.1',
  '0.25',
  '0.5',
  '0.75',
  '1.0',
  '2.5',
  '5.0',
  '7.5',
  '10.0',
];

function histogram(name: string, labels: string, scrape: number, observedSeconds: number): string[] {
  const count = 10 * scrape;
  const lines = BUCKETS.map(
    (le) => `${name}_bucket{${labels},le="${le}"} ${Number(le) >= observedSeconds ? count : 0}.0`
  );
  lines.push(`${name}_bucket{${labels},le="+Inf"} ${count}.0`, `${name}_count{${labels}} ${count}.0`);
  lines.push(`${name}_sum{${labels}} ${count * observedSeconds}`);
  return [`# TYPE ${name} histogram`, ...lines];
}

export function backendExposition(scrape: number): string {
  return [
    '# TYPE opentruss_api_requests_total counter',
    `opentruss_api_requests_total{endpoint="/api/v1/elements",method="GET",status="200"} ${96 * scrape}.0`,
    `opentruss_api_requests_total{endpoint="/api/v1/elements",method="GET",status="500"} ${4 * scrape}.0`,
    ...histogram('opentruss_api_request_duration_seconds', 'endpoint="/api/v1/elements",method="GET"', scrape, 0.08),
    '# TYPE opentruss_memgraph_queries_total counter',
    `opentruss_memgraph_queries_total{query_type="MATCH",status="success"} ${2 * 49 * scrape}.0`,
    `opentruss_memgraph_queries_total{query_type="MATCH",status="error"} ${2 * scrape}.0`,
    ...histogram('opentruss_memgraph_query_duration_seconds', 'query_type="MATCH"', scrape, 0.02),
    '# TYPE process_resident_memory_bytes gauge',
    `process_resident_memory_bytes ${1.5e8 + 1e5 * scrape}`,
    '',
  ].join('\n');
}

/** Serves the exposition on 127.0.0.1 at an OS-chosen port. */
export async function startBackendExposition(): Promise<{ port: number; close(): Promise<void> }> {
  let scrapes = 0;
  const server = http.createServer((request, response) => {
    if (request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    scrapes += 1;
    response.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
    response.end(backendExposition(scrapes));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
