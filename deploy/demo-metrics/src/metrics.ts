import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { EPISODES, type Episode } from './episodes';
import type { SimulatedRequest } from './simulator';

/**
 * The Python prometheus_client's default histogram buckets, which the OpenTruss backend's histograms use
 * (prom-client's own defaults differ: no 0.075, 0.75 or 7.5).
 */
export const PYTHON_CLIENT_DEFAULT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/** The OpenTruss backend's metric names (backend/app/core/metrics.py), served here with simulated values. */
export const OPENTRUSS_METRIC_NAMES = {
  apiRequests: 'opentruss_api_requests_total',
  apiRequestDuration: 'opentruss_api_request_duration_seconds',
  memgraphQueryDuration: 'opentruss_memgraph_query_duration_seconds',
  memgraphQueries: 'opentruss_memgraph_queries_total',
  systemInfo: 'opentruss_system_info',
} as const;

/**
 * The requests in flight, as this project's API middleware exports them next to the backend's own metrics
 * (deploy/opentruss-instrumentation, IN_PROGRESS_METRIC): what HighActiveConnections reads as the backend entry.
 */
export const IN_PROGRESS_METRIC = 'opentruss_api_requests_in_progress';

/** Not an OpenTruss metric: which demo episode is running, so a demo viewer can tell simulated incidents apart. */
export const DEMO_EPISODE_METRIC = 'opentruss_demo_episode';

export interface DemoMetrics {
  registry: Registry;
  /** The requests of the last `seconds`; the in-flight gauge becomes their mean concurrency over that time. */
  record(requests: readonly SimulatedRequest[], seconds: number): void;
  setEpisode(episode: Episode): void;
}

/**
 * Registers the metrics. `duplicateMemgraphObservations` reproduces the real backend's bug: its
 * record_memgraph_query() observes and counts every query twice, so Memgraph counts and rates are ×2 there
 * (quantiles are unaffected). The demo keeps the quirk so dashboards and alerts are built against real numbers.
 */
export function createDemoMetrics(options: { duplicateMemgraphObservations: boolean }): DemoMetrics {
  const registry = new Registry();
  const apiRequests = new Counter({
    name: OPENTRUSS_METRIC_NAMES.apiRequests,
    help: 'Total API requests',
    labelNames: ['method', 'endpoint', 'status'] as const,
    registers: [registry],
  });
  const apiDuration = new Histogram({
    name: OPENTRUSS_METRIC_NAMES.apiRequestDuration,
    help: 'API request duration in seconds',
    labelNames: ['method', 'endpoint'] as const,
    buckets: PYTHON_CLIENT_DEFAULT_BUCKETS,
    registers: [registry],
  });
  const queryDuration = new Histogram({
    name: OPENTRUSS_METRIC_NAMES.memgraphQueryDuration,
    help: 'Memgraph query duration in seconds',
    labelNames: ['query_type'] as const,
    buckets: PYTHON_CLIENT_DEFAULT_BUCKETS,
    registers: [registry],
  });
  const queries = new Counter({
    name: OPENTRUSS_METRIC_NAMES.memgraphQueries,
    help: 'Total Memgraph queries',
    labelNames: ['query_type', 'status'] as const,
    registers: [registry],
  });
  const systemInfo = new Gauge({
    name: OPENTRUSS_METRIC_NAMES.systemInfo,
    help: 'OpenTruss system information',
    labelNames: ['version', 'description', 'release_date'] as const,
    registers: [registry],
  });
  systemInfo.set(
    { version: '1.0.0', description: 'DEMO: simulated by opentruss-demo-metrics, not a real backend', release_date: '2025-01-01' },
    1
  );
  const episodeGauge = new Gauge({
    name: DEMO_EPISODE_METRIC,
    help: 'DEMO ONLY: 1 for the simulated episode in progress (normal, api-latency, api-errors, db-slow)',
    labelNames: ['episode'] as const,
    registers: [registry],
  });
  const inProgress = new Gauge({
    name: IN_PROGRESS_METRIC,
    help: 'HTTP requests being handled now (arrival to last body chunk; /metrics and /health not counted)',
    registers: [registry],
  });
  const observationsPerQuery = options.duplicateMemgraphObservations ? 2 : 1;

  return {
    registry,
    record(requests, seconds) {
      // Little's law: requests in flight on average = the time they spent being handled ÷ the time that passed.
      inProgress.set(requests.reduce((sum, r) => sum + r.durationSeconds, 0) / seconds);
      for (const request of requests) {
        apiRequests.inc({ method: request.method, endpoint: request.endpoint, status: String(request.status) });
        apiDuration.observe({ method: request.method, endpoint: request.endpoint }, request.durationSeconds);
        for (const query of request.queries) {
          for (let i = 0; i < observationsPerQuery; i++) {
            queryDuration.observe({ query_type: query.queryType }, query.durationSeconds);
            queries.inc({ query_type: query.queryType, status: query.status });
          }
        }
      }
    },
    setEpisode(episode) {
      for (const name of EPISODES) {
        episodeGauge.set({ episode: name }, name === episode ? 1 : 0);
      }
    },
  };
}
