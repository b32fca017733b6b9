/** @jest-environment node */
// Every Prometheus query of the bundled dashboards, run the way a panel runs it (a range query, Grafana's interval
// variables resolved), by a real Prometheus (/usr/bin/prometheus) scraping a real node-exporter, the demo
// backend metrics and the business exporter (reading the Bolt test server) under the contract's job names:
// accepted without error, and returning series.
import fs from 'node:fs';
import path from 'node:path';
import { startBoltGateway, type BoltGateway } from '@opentruss/bolt-gateway';
import { LINK_CAPACITY } from '@opentruss/alerts';
import { PROMETHEUS_JOBS } from '@opentruss/contract';
import { bundleDemoMetrics, runDemoMetrics } from '@opentruss/stack-checks';
import {
  freePort,
  startProcess,
  startPrometheus,
  waitFor,
  type LocalPrometheus,
  type RunningProcess,
} from '@opentruss/tooling/testing';
import { startBoltTestServer, type BoltTestServer } from '@opentruss/bolt-test-server';
import { startBusinessExporter, type BusinessExporter } from '@opentruss/business-exporter';
import { exporterResponders, testExporterOptions } from '@opentruss/business-exporter/testing';
import { generateDemoGraph } from '@opentruss/opentruss-graph';
import { MemgraphInstance, startReplicationExporter, type RunningExporter } from '@opentruss/replication';
import { startEmulatedReplication, type EmulatedPair } from '@opentruss/replication/testing';
import { COMMITTED } from './support/dashboards';

// Start-up waits are bounded (Prometheus ready 30 s, scrapes 30 s); the hook needs more than the default 5 s.
jest.setTimeout(120_000);

let prometheus: LocalPrometheus | undefined;
let nodeExporter: RunningProcess | undefined;
let demoMetrics: RunningProcess | undefined;
/** The replica panels read a real replication exporter's /metrics, over MAIN's SHOW REPLICAS as emulated. */
let replication: EmulatedPair | undefined;
let replicationExporter: RunningExporter | undefined;
/** The Bolt gateway panels read a real gateway's /metrics (no Memgraph needed for its metrics to exist). */
let gateway: BoltGateway | undefined;
let bundle: string | undefined;
let memgraph: BoltTestServer | undefined;
let businessExporter: BusinessExporter | undefined;

/** A graph busy enough that every project had ten approval decisions in the last day (the rejection-rate panel). */
async function startBusiness(): Promise<BusinessExporter> {
  const now = Date.now();
  const graph = generateDemoGraph({ now, size: { lots: 1000, elements: 3000, historyDays: 20 } });
  memgraph = await startBoltTestServer({ responders: exporterResponders(graph, now) });
  const exporter = await startBusinessExporter(testExporterOptions(memgraph.url));
  await exporter.nextCollection();
  return exporter;
}

/**
 * Grafana's built-in interval variables as Grafana resolves them for these queries: `$__rate_interval` is at least
 * four scrape intervals; with the test's 1 s scrapes and a short range, one minute is what Grafana would send.
 */
function resolveGrafanaIntervals(expr: string): string {
  return expr
    .replace(/\$__rate_interval\b/g, '1m')
    .replace(/\$__interval\b/g, '15s')
    .replace(/\$__range\b/g, '5m');
}

const prometheusQueries = COMMITTED.flatMap(({ json }) =>
  json.panels.flatMap((panel) =>
    (panel.targets ?? [])
      .filter((target) => target.datasource?.type === 'prometheus')
      .map((target) => ({
        where: `${json.uid} panel ${panel.id} "${panel.title}" ${target.refId}`,
        expr: target.expr!,
      }))
  )
);

async function rangeQuery(
  expr: string
): Promise<{ status: string; error?: string; data?: { resultType: string; result: unknown[] } }> {
  const end = Math.floor(Date.now() / 1000);
  const params = new URLSearchParams({ query: expr, start: String(end - 120), end: String(end), step: '5' });
  const response = await fetch(`${prometheus!.url}/api/v1/query_range?${params}`);
  return (await response.json()) as {
    status: string;
    error?: string;
    data?: { resultType: string; result: unknown[] };
  };
}

beforeAll(async () => {
  const nodeExporterPort = await freePort();
  const backendPort = await freePort();
  nodeExporter = startProcess('prometheus-node-exporter', '/usr/bin/prometheus-node-exporter', [
    `--web.listen-address=127.0.0.1:${nodeExporterPort}`,
  ]);
  bundle = bundleDemoMetrics();
  demoMetrics = runDemoMetrics(bundle, backendPort, {
    DEMO_METRICS_EPISODE: 'normal',
    DEMO_METRICS_REQUESTS_PER_SECOND: '200',
  });
  businessExporter = await startBusiness();
  replication = await startEmulatedReplication({
    mainUsers: { opentruss: 'main' },
    replicaUsers: { opentruss_reader: 'replica' },
    state: { replicaRole: 'replica', registered: [{ name: 'observability_replica', address: 'memgraph-replica:10000', mode: 'async' }] },
  });
  replicationExporter = await startReplicationExporter({
    main: new MemgraphInstance({ label: 'memgraph', url: replication.main.url, user: 'opentruss', password: 'main', passwordFrom: 'test' }),
    expectedReplicas: ['observability_replica'],
    host: '127.0.0.1',
    port: 0,
    intervalMs: 1000,
    log: () => undefined,
  });
  gateway = await startBoltGateway({
    upstream: { host: '127.0.0.1', port: await freePort() },
    viewers: { users: 'viewer:viewer' },
    opsPort: 0,
    log: () => undefined,
  });
  prometheus = await startPrometheus({
    // The bandwidth panel divides by the link capacity Prometheus records from the stack's own rule file.
    ruleFiles: [path.resolve(__dirname, '../../..', LINK_CAPACITY.file)],
    scrapeConfigs: [
      { job_name: PROMETHEUS_JOBS.gateway, static_configs: [{ targets: [`127.0.0.1:${gateway.opsPort}`] }] },
      { job_name: PROMETHEUS_JOBS.node, static_configs: [{ targets: [`127.0.0.1:${nodeExporterPort}`] }] },
      { job_name: PROMETHEUS_JOBS.backend, static_configs: [{ targets: [`127.0.0.1:${backendPort}`] }] },
      { job_name: PROMETHEUS_JOBS.business, static_configs: [{ targets: [`127.0.0.1:${businessExporter.port}`] }] },
      { job_name: PROMETHEUS_JOBS.replication, static_configs: [{ targets: [`127.0.0.1:${replicationExporter.port}`] }] },
    ],
  });
  // Rates need two samples of each target in their window.
  await waitFor(
    async () => {
      const scrapes = await prometheus!.query('sum by (job) (count_over_time(up[1m]))');
      const jobs = [PROMETHEUS_JOBS.node, PROMETHEUS_JOBS.backend, PROMETHEUS_JOBS.business, PROMETHEUS_JOBS.gateway, PROMETHEUS_JOBS.replication];
      const ready = jobs.every((job) =>
        scrapes.some((s) => s.metric.job === job && Number(s.value[1]) >= 3)
      );
      const capacity = await prometheus!.query(LINK_CAPACITY.record);
      return ready && capacity.length > 0 ? true : undefined;
    },
    30_000,
    () =>
      `three scrapes of node-exporter and the demo backend\n${[prometheus!.process, nodeExporter!, demoMetrics!].map((p) => `--- ${p.name}\n${p.output()}`).join('\n')}`
  );
});

afterAll(async () => {
  await prometheus?.stop();
  await nodeExporter?.stop();
  await demoMetrics?.stop();
  await businessExporter?.stop();
  await replicationExporter?.stop();
  await replication?.stop();
  await memgraph?.stop();
  await gateway?.stop();
  if (bundle) {
    fs.rmSync(path.dirname(bundle), { recursive: true, force: true });
  }
});

/** Panels of jobs this test does not scrape: the backup service's, and the blackbox exporter's TLS probes. */
function readsUnscrapedJob(expr: string): boolean {
  return [PROMETHEUS_JOBS.backup, PROMETHEUS_JOBS.tls].some((job) => expr.includes(`job="${job}"`));
}

describe('Prometheus panel queries', () => {
  it('exist on the system, API/DB, business, capacity, wall and logs dashboards', () => {
    expect(new Set(prometheusQueries.map((q) => q.where.split(' ')[0]))).toEqual(
      new Set(['opentruss-wall', 'opentruss-system', 'opentruss-api-db', 'opentruss-business', 'opentruss-capacity', 'opentruss-logs'])
    );
  });

  it.each(prometheusQueries.map((q) => [q.where, q.expr] as const))(
    '%s: accepted and returns series',
    async (_where, expr) => {
      const body = await rangeQuery(resolveGrafanaIntervals(expr));
      expect({ status: body.status, error: body.error }).toEqual({ status: 'success', error: undefined });
      expect(body.data?.resultType).toBe('matrix');
      if (!readsUnscrapedJob(expr)) {
        expect(body.data!.result.length).toBeGreaterThan(0);
      }
    }
  );

  it('leaves only the backup and TLS-expiry panels without a scraped target here', () => {
    // The backup service needs a Memgraph data volume to report anything; its series are tested by deploy/backup's
    // metrics tests and the backup alerts' promtool scenarios. The TLS probes (profile tls) are tested end to end
    // with the blackbox exporter in alerts/test/tls-expiry.test.ts. Every other panel must return series above.
    const unscraped = prometheusQueries.filter((q) => readsUnscrapedJob(q.expr)).map((q) => q.where.split(' ')[0]);
    expect(new Set(unscraped)).toEqual(new Set(['opentruss-system']));
  });

  it('a broken expression is refused (the check can fail)', async () => {
    const body = await rangeQuery('sum by (instance (rate(node_cpu_seconds_total[1m]))');
    expect(body.status).toBe('error');
    expect(body.error).toMatch(/parse error/);
  });
});
