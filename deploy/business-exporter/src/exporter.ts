// The running exporter: collections one after another (the next starts `intervalMs` after the previous ended,
// so they never overlap however slow Memgraph is), and GET /metrics serving the last outcome.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectSnapshot, type BusinessSnapshot } from './collect';
import type { ExporterConfig } from './config';
import type { Log } from './log';
import { MemgraphReader } from './memgraph';
import { createBusinessMetrics, type BusinessMetrics } from './metrics';
import { collectStorageInfo } from './storage-info';

export interface BusinessExporter {
  url: string;
  port: number;
  metrics: BusinessMetrics;
  /** Resolves when the collection in progress (or, if none, the next one) has finished. */
  nextCollection(): Promise<void>;
  stop(): Promise<void>;
}

export interface ExporterOptions extends ExporterConfig {
  log: Log;
  /** Clock (tests pin it). */
  now?: () => number;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function summary(snapshot: BusinessSnapshot): string {
  const lots = Object.values(snapshot.lotsByStatus).reduce((a, b) => a + b, 0);
  const elements = Object.values(snapshot.elementsByStatus).reduce((a, b) => a + b, 0);
  return `${lots} lots, ${elements} elements, ${snapshot.buildings.length} buildings`;
}

export async function startBusinessExporter(options: ExporterOptions): Promise<BusinessExporter> {
  const now = options.now ?? Date.now;
  const { log } = options;
  const metrics = createBusinessMetrics();
  const reader = new MemgraphReader({
    url: options.memgraphUrl,
    user: options.user,
    password: options.password,
    queryTimeoutMs: options.queryTimeoutMs,
  });
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let waiters: Array<() => void> = [];
  let lastOutcome: 'success' | 'failure' | undefined;

  const collectOnce = async () => {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const snapshot = await collectSnapshot((statement) => reader.read(statement), {
        now: now(),
        maxBuildings: options.maxBuildings,
      });
      if (stopped) {
        return;
      }
      metrics.publish(snapshot, now(), seconds());
      if (snapshot.buildingsOmitted > 0) {
        log(
          `WARNING ${snapshot.buildingListTruncated ? 'at least ' : ''}${snapshot.buildingsOmitted} buildings have no ` +
            `per-building series: more real buildings than BUSINESS_EXPORTER_MAX_BUILDINGS=${options.maxBuildings} ` +
            '(global figures still count them)',
          'warning'
        );
      }
      if (lastOutcome !== 'success') {
        log(`Collected from Memgraph at ${options.memgraphUrl} in ${seconds().toFixed(2)} s: ${summary(snapshot)}`);
      }
      lastOutcome = 'success';
    } catch (error) {
      if (stopped) {
        return;
      }
      metrics.fail(seconds());
      log(
        `ERROR collection from Memgraph at ${options.memgraphUrl} failed after ${seconds().toFixed(2)} s, ` +
          `business metrics withdrawn until the next success (in ${options.intervalMs / 1000} s): ${errorText(error)}`,
        'error'
      );
      lastOutcome = 'failure';
    }
  };

  // Memgraph's storage figures, read after the business queries and apart from them: a failing SHOW never touches
  // the business metrics. Problems are logged when they change (and once when they clear), not every collection.
  let lastStorageProblems = '';
  const collectStorage = async () => {
    if (stopped) {
      return; // the reader is closed: reading now would open a driver nobody closes
    }
    const snapshot = await collectStorageInfo((statement) => reader.read(statement));
    if (stopped) {
      return;
    }
    metrics.publishStorage(snapshot);
    const problems = snapshot.problems.join('; ');
    if (problems && problems !== lastStorageProblems) {
      log(
        `WARNING Memgraph storage figures from ${options.memgraphUrl} incomplete, the missing ones are withdrawn ` +
          `(business metrics unaffected): ${problems}`,
        'warning'
      );
    } else if (!problems && lastStorageProblems) {
      log(`Memgraph storage figures from ${options.memgraphUrl} complete again`);
    }
    lastStorageProblems = problems;
  };

  const run = () => {
    running = collectOnce()
      .then(collectStorage)
      .catch((error: unknown) => log(`ERROR reading Memgraph's storage figures: ${errorText(error)}`, 'error'))
      .finally(() => {
        running = undefined;
        const done = waiters;
        waiters = [];
        done.forEach((resolve) => resolve());
        if (!stopped) {
          timer = setTimeout(run, options.intervalMs);
        }
      });
  };

  const server = http.createServer((request, response) => {
    const path = request.url?.split('?')[0];
    if (request.method === 'GET' && path === '/metrics') {
      metrics.registry.metrics().then(
        (text) => response.writeHead(200, { 'Content-Type': metrics.registry.contentType }).end(text),
        (error: unknown) => response.writeHead(500, { 'Content-Type': 'text/plain' }).end(errorText(error))
      );
      return;
    }
    response
      .writeHead(path === '/' ? 200 : 404, { 'Content-Type': 'text/plain; charset=utf-8' })
      .end('OpenTruss business exporter: GET /metrics\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { port, address } = server.address() as AddressInfo;
  log(`Serving GET /metrics on ${address}:${port}; collecting every ${options.intervalMs / 1000} s`);
  run();

  return {
    port,
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    metrics,
    nextCollection: () => new Promise<void>((resolve) => waiters.push(resolve)),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await reader.close();
      await running?.catch(() => undefined);
    },
  };
}
