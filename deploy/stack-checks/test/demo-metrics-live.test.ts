// The demo-metrics service (the bundle its container runs) scraped by the real Debian Prometheus under the
// backend's job name, with every API/DB alert of @opentruss/alerts evaluated exactly as its Prometheus rule does:
// in normal traffic none fires, and each demo episode fires its own alerts.
import { ALERTS, type AlertDefinition } from '@opentruss/alerts';
import { MemgraphInstance, startReplicationExporter } from '@opentruss/replication';
import { startEmulatedReplication } from '@opentruss/replication/testing';
import { startBoltGateway } from '@opentruss/bolt-gateway';
import { DASHBOARD_UIDS, PROMETHEUS_JOBS } from '@opentruss/contract';
import type { Episode } from '@opentruss/demo-metrics';
import fs from 'node:fs';
import path from 'node:path';
import {
  freePort,
  prometheusTargets,
  startPrometheus,
  startProcess,
  waitFor,
  type LocalPrometheus,
  type ScrapeJob,
} from '@opentruss/tooling/testing';
import { bundleDemoMetrics, listFiles, readJson, runDemoMetrics } from '../src';

jest.setTimeout(120_000);

const backendAlerts = ALERTS.filter((a) => a.expr.includes(`job="${PROMETHEUS_JOBS.backend}"`));
/** The Prometheus rule's condition: `(expr) > value` or `(expr) < value`. */
const breachExpr = (alert: AlertDefinition) => `(${alert.expr}) ${alert.comparator === 'gt' ? '>' : '<'} ${alert.value}`;

/**
 * Which backend alerts each episode must fire (db-slow also slows the API, so HighAPILatency is not asserted there).
 * HighActiveConnections reads the backend's requests in flight: at 400 requests a second of at most about a second,
 * no episode comes near 2000.
 */
const EXPECTED: Record<Episode, { fires: string[]; silent: string[] }> = {
  normal: {
    fires: [],
    silent: ['OpenTrussBackendDown', 'HighAPILatency', 'HighAPIErrorRate', 'DatabaseSlowQuery', 'MemgraphQueryErrors', 'HighActiveConnections'],
  },
  'api-latency': { fires: ['HighAPILatency'], silent: ['HighAPIErrorRate', 'DatabaseSlowQuery', 'MemgraphQueryErrors', 'HighActiveConnections'] },
  'api-errors': { fires: ['HighAPIErrorRate', 'MemgraphQueryErrors'], silent: ['HighAPILatency', 'DatabaseSlowQuery', 'HighActiveConnections'] },
  'db-slow': { fires: ['DatabaseSlowQuery'], silent: ['HighAPIErrorRate', 'MemgraphQueryErrors', 'HighActiveConnections'] },
};

let bundle: string;
beforeAll(() => {
  bundle = bundleDemoMetrics();
});
afterAll(() => fs.rmSync(path.dirname(bundle), { recursive: true, force: true }));

/** A fresh Prometheus (empty TSDB, so 5-minute windows hold only this episode) scraping a fresh demo-metrics. */
async function scrapeEpisode(
  episode: Episode,
  inspect: (prometheus: LocalPrometheus, stopDemo: () => Promise<void>) => Promise<void>,
  extraJobs: ScrapeJob[] = []
) {
  const port = await freePort();
  // Prometheus first: when it cannot start (not installed, no free port), no demo-metrics process is left behind.
  const prometheus = await startPrometheus({
    scrapeConfigs: [{ job_name: PROMETHEUS_JOBS.backend, static_configs: [{ targets: [`127.0.0.1:${port}`] }] }, ...extraJobs],
  });
  const demo = runDemoMetrics(bundle, port, { DEMO_METRICS_EPISODE: episode, DEMO_METRICS_REQUESTS_PER_SECOND: '400' });
  try {
    // Every alert value needs two scrapes in its rate window.
    await waitFor(
      async () => ((await Promise.all(backendAlerts.map((a) => prometheus.query(a.expr)))).every((r) => r.length > 0) ? true : undefined),
      30_000,
      () => `series for every backend alert value\n--- demo-metrics:\n${demo.output()}\n--- prometheus:\n${prometheus.process.output()}`
    );
    await inspect(prometheus, () => demo.stop());
  } finally {
    await demo.stop();
    await prometheus.stop();
  }
}

const fired = async (prometheus: LocalPrometheus, names: string[]) => {
  const result: Record<string, boolean> = {};
  for (const name of names) {
    result[name] = (await prometheus.query(breachExpr(backendAlerts.find((a) => a.name === name)!))).length > 0;
  }
  return result;
};

describe('demo-metrics scraped by a real Prometheus, evaluated by the alert rules', () => {
  it('covers the API/DB alerts of @opentruss/alerts', () => {
    expect(backendAlerts.map((a) => a.name).sort()).toEqual(EXPECTED.normal.silent.sort());
  });

  it.each(Object.keys(EXPECTED) as Episode[])('episode %s fires exactly its alerts', async (episode) => {
    await scrapeEpisode(episode, async (prometheus) => {
      for (const alert of backendAlerts) {
        expect(`${alert.name}: ${(await prometheus.query(alert.expr)).length} series`).not.toBe(`${alert.name}: 0 series`);
      }
      const { fires, silent } = EXPECTED[episode];
      // The first windows hold a few scrapes only; on a loaded machine an episode's quantile or ratio may need a
      // few more before it crosses its threshold. Wait for the expected alerts (bounded), then check all of them.
      await waitFor(
        async () => (Object.values(await fired(prometheus, fires)).every(Boolean) ? true : undefined),
        30_000,
        () => `${episode}: ${fires.join(', ')} breaching\n--- prometheus:\n${prometheus.process.output()}`
      );
      expect(await fired(prometheus, [...fires, ...silent])).toEqual({
        ...Object.fromEntries(fires.map((n) => [n, true])),
        ...Object.fromEntries(silent.map((n) => [n, false])),
      });
    });
  });

  it('fires OpenTrussBackendDown once the backend stops answering', async () => {
    await scrapeEpisode('normal', async (prometheus, stopDemo) => {
      expect(await fired(prometheus, ['OpenTrussBackendDown'])).toEqual({ OpenTrussBackendDown: false });
      await stopDemo();
      await waitFor(
        async () => ((await fired(prometheus, ['OpenTrussBackendDown'])).OpenTrussBackendDown ? true : undefined),
        15_000,
        () => 'up{job="opentruss-backend"} to drop to 0 after the target stopped'
      );
    });
  });

  const apiDbDashboard = listFiles('plugins/opentruss-app/src/dashboards', ['.json']).find(
    (file) => readJson<{ uid?: string }>(file).uid === DASHBOARD_UIDS.apiDatabase
  );
  it("finds the app's API/DB dashboard", () => expect(apiDbDashboard).toBeDefined());

  if (apiDbDashboard) {
    it(`${apiDbDashboard}: every Prometheus panel query returns series from the demo metrics and node-exporter`, async () => {
      const exprs = prometheusTargets(readJson(apiDbDashboard));
      expect(exprs.length).toBeGreaterThan(0);
      // The active-connections panel reads the host's TCP connections from node-exporter (the backend has no such metric).
      const nodeExporterPort = await freePort();
      const nodeExporter = startProcess('prometheus-node-exporter', '/usr/bin/prometheus-node-exporter', [
        `--web.listen-address=127.0.0.1:${nodeExporterPort}`,
      ]);
      // The gateway panels read the real Bolt gateway's /metrics (no Memgraph needed for its metrics to exist).
      const gateway = await startBoltGateway({
        upstream: { host: '127.0.0.1', port: await freePort() },
        viewers: { users: 'viewer:viewer' },
        opsPort: 0,
        log: () => undefined,
      });
      // The replica panels read the real replication exporter, over MAIN's SHOW REPLICAS as emulated (deploy/replication).
      const replication = await startEmulatedReplication({
        mainUsers: { opentruss: 'main' },
        replicaUsers: { opentruss_reader: 'replica' },
        state: { replicaRole: 'replica', registered: [{ name: 'observability_replica', address: 'memgraph-replica:10000', mode: 'async' }] },
      });
      const replicationExporter = await startReplicationExporter({
        main: new MemgraphInstance({ label: 'memgraph', url: replication.main.url, user: 'opentruss', password: 'main', passwordFrom: 'test' }),
        expectedReplicas: ['observability_replica'],
        host: '127.0.0.1',
        port: 0,
        intervalMs: 1000,
        log: () => undefined,
      });
      try {
        const nodeJob = { job_name: PROMETHEUS_JOBS.node, static_configs: [{ targets: [`127.0.0.1:${nodeExporterPort}`] }] };
        const gatewayJob = { job_name: PROMETHEUS_JOBS.gateway, static_configs: [{ targets: [`127.0.0.1:${gateway.opsPort}`] }] };
        const replicationJob = {
          job_name: PROMETHEUS_JOBS.replication,
          static_configs: [{ targets: [`127.0.0.1:${replicationExporter.port}`] }],
        };
        await scrapeEpisode(
          'normal',
          async (prometheus) => {
            await waitFor(
              async () => ((await prometheus.query(`up{job="${PROMETHEUS_JOBS.node}"} == 1`)).length > 0 ? true : undefined),
              15_000,
              () => `a node-exporter scrape\n--- node-exporter:\n${nodeExporter.output()}`
            );
            await waitFor(
              async () => ((await prometheus.query(`count_over_time(up{job="${PROMETHEUS_JOBS.gateway}"}[1m]) >= 2`)).length > 0 ? true : undefined),
              15_000,
              () => 'two scrapes of the Bolt gateway'
            );
            await waitFor(
              async () => ((await prometheus.query(`up{job="${PROMETHEUS_JOBS.replication}"} == 1`)).length > 0 ? true : undefined),
              15_000,
              () => 'a scrape of the replication exporter'
            );
            for (const expr of exprs) {
              expect(`${expr}: ${(await prometheus.query(expr)).length > 0}`).toBe(`${expr}: true`);
            }
          },
          [nodeJob, gatewayJob, replicationJob]
        );
      } finally {
        await nodeExporter.stop();
        await gateway.stop();
        await replicationExporter.stop();
        await replication.stop();
      }
    });
  }
});
