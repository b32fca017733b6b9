// TLSCertificateExpiringSoon end to end with real components: throw-away certificates made by openssl (one
// expiring in 10 days, one in 400), served by Node TLS servers on 127.0.0.1, probed by the real blackbox exporter
// with the stack's module (deploy/blackbox/blackbox.yml), scraped by a real Prometheus with the stack's job (its
// relabelling; static targets instead of the tls profile's DNS names) and judged by the generated rule.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { parse } from 'yaml';
import { PROMETHEUS_JOBS } from '@opentruss/contract';
import {
  freePort,
  startProcess,
  startPrometheus,
  waitFor,
  type LocalPrometheus,
  type RunningProcess,
} from '@opentruss/tooling/testing';
import { alertByName } from '../src';
import { alertExpression } from '../src/rules';
import { readRepoFile, repoPath } from './support/repo';

const alert = alertByName('TLSCertificateExpiringSoon');
let workDir: string;
let blackbox: RunningProcess | undefined;
let prometheus: LocalPrometheus | undefined;
const servers: tls.Server[] = [];
const ports: Record<'short' | 'long', number> = { short: 0, long: 0 };

function certificate(name: string, days: number): { cert: Buffer; key: Buffer } {
  const cert = path.join(workDir, `${name}.crt`);
  const key = path.join(workDir, `${name}.key`);
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${name}.test`,
    '-days', String(days), '-keyout', key, '-out', cert,
  ], { stdio: 'ignore' });
  return { cert: fs.readFileSync(cert), key: fs.readFileSync(key) };
}

async function serve(credentials: { cert: Buffer; key: Buffer }): Promise<number> {
  const server = tls.createServer(credentials, (socket) => socket.end());
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

interface ScrapeJob {
  job_name: string;
  metrics_path: string;
  params: Record<string, string[]>;
  relabel_configs: Array<Record<string, unknown>>;
}

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opentruss-tls-expiry-'));
  ports.short = await serve(certificate('short', 10));
  ports.long = await serve(certificate('long', 400));
  const blackboxPort = await freePort();
  blackbox = startProcess('prometheus-blackbox-exporter', '/usr/bin/prometheus-blackbox-exporter', [
    `--config.file=${repoPath('deploy/blackbox/blackbox.yml')}`,
    `--web.listen-address=127.0.0.1:${blackboxPort}`,
  ]);
  await waitFor(
    async () => ((await fetch(`http://127.0.0.1:${blackboxPort}/metrics`).catch(() => undefined))?.ok ? true : undefined),
    15_000,
    () => 'the blackbox exporter to answer'
  );
  // The stack's job as written, with its DNS discovery swapped for the two local servers and its exporter address
  // for the local one (the last relabelling rule).
  const stack = parse(readRepoFile('deploy/prometheus/prometheus.yml')) as { scrape_configs: Array<ScrapeJob & object> };
  const job = stack.scrape_configs.find((c) => c.job_name === PROMETHEUS_JOBS.tls)!;
  const relabel = job.relabel_configs.map((rule) =>
    rule.target_label === '__address__' ? { ...rule, replacement: `127.0.0.1:${blackboxPort}` } : rule
  );
  // The instance rule reads the DNS name; static targets label it by hand as that rule would.
  const static_configs = (['short', 'long'] as const).map((name) => ({
    targets: [`127.0.0.1:${ports[name]}`],
    labels: { __meta_dns_name: `${name}.test` },
  }));
  prometheus = await startPrometheus({
    scrapeConfigs: [{ job_name: job.job_name, metrics_path: job.metrics_path, params: job.params, static_configs, relabel_configs: relabel }],
  });
  await waitFor(
    async () => ((await prometheus!.query('probe_ssl_earliest_cert_expiry')).length === 2 ? true : undefined),
    20_000,
    () => 'both certificates to be probed'
  );
}, 60_000);

afterAll(async () => {
  await prometheus?.stop();
  await blackbox?.stop();
  servers.forEach((s) => s.close());
  fs.rmSync(workDir, { recursive: true, force: true });
});

it('reads each served certificate’s days left, labelled with the name it was probed by', async () => {
  const samples = await prometheus!.query(alert.expr);
  const days = Object.fromEntries(samples.map((s) => [s.metric.instance, Number(s.value[1])]));
  expect(Object.keys(days).sort()).toEqual([`long.test:${ports.long}`, `short.test:${ports.short}`]);
  // openssl's -days counts from now: 10 and 400 days, less the seconds the test has run.
  expect(days[`short.test:${ports.short}`]).toBeGreaterThan(9.9);
  expect(days[`short.test:${ports.short}`]).toBeLessThanOrEqual(10);
  expect(days[`long.test:${ports.long}`]).toBeGreaterThan(399.9);
});

it('fires for the certificate expiring within 30 days only', async () => {
  const firing = await prometheus!.query(alertExpression(alert));
  expect(firing.map((s) => s.metric.instance)).toEqual([`short.test:${ports.short}`]);
  expect(alert).toMatchObject({ comparator: 'lt', value: 30, unit: 'days', severity: 'warning' });
});
