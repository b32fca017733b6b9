// The replication exporter: MAIN's SHOW REPLICAS every interval (collections never overlap), served on GET /metrics.
// It holds MAIN's credential and publishes no port; Prometheus scrapes it on the stack's network.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { replicationMetrics } from '@opentruss/contract';
import { Gauge, Registry } from 'prom-client';
import { errorText, type MemgraphInstance } from './memgraph';
import { parseShowReplicas, REACHABLE_STATUSES, REPLICA_STATUSES, type ReplicaRow } from './show-replicas';

export const STATUS_LABELS = [...REPLICA_STATUSES, 'unregistered'] as const;

export interface ReplicationMetrics {
  registry: Registry;
  /** Sets every series from one SHOW REPLICAS answer, or (undefined) from MAIN not answering. */
  record(rows: ReplicaRow[] | undefined): void;
}

/** `expected`: replicas that must exist (ours): reported as unregistered, down, when MAIN does not list them. */
export function createReplicationMetrics(expected: readonly string[]): ReplicationMetrics {
  const registry = new Registry();
  const labelNames = ['replica'] as const;
  const mainUp = new Gauge({ name: replicationMetrics.mainUp, help: '1 when MAIN answered SHOW REPLICAS at the last collection', registers: [registry] });
  const up = new Gauge({
    name: replicationMetrics.replicaUp,
    help: 'Per replica: 1 when MAIN reaches it (status ready, replicating or recovery), 0 when invalid, diverged or unregistered',
    labelNames,
    registers: [registry],
  });
  const status = new Gauge({
    name: replicationMetrics.replicaStatus,
    help: "Per replica: 1 for its status in MAIN's SHOW REPLICAS (default database), 0 for the others",
    labelNames: ['replica', 'status'],
    registers: [registry],
  });
  const behind = new Gauge({
    name: replicationMetrics.replicaBehind,
    help: "Commit timestamps the replica's default database is behind MAIN (SHOW REPLICAS data_info behind, negated)",
    labelNames,
    registers: [registry],
  });
  return {
    registry,
    record(rows) {
      // Old series go: a replica dropped from MAIN, or MAIN not answering, must not keep its last values.
      up.reset();
      status.reset();
      behind.reset();
      mainUp.set(rows ? 1 : 0);
      if (!rows) {
        return;
      }
      const seen = new Map(rows.map((row) => [row.name, row]));
      for (const name of new Set([...expected, ...seen.keys()])) {
        const row = seen.get(name);
        const current = row ? (row.status ?? 'invalid') : 'unregistered';
        up.set({ replica: name }, REACHABLE_STATUSES.includes(current as never) ? 1 : 0);
        for (const s of STATUS_LABELS) {
          status.set({ replica: name, status: s }, s === current ? 1 : 0);
        }
        if (row?.behind !== undefined) {
          behind.set({ replica: name }, row.behind);
        }
      }
    },
  };
}

export interface ExporterOptions {
  main: MemgraphInstance;
  expectedReplicas: readonly string[];
  host?: string;
  port: number;
  intervalMs: number;
  log: (line: string) => void;
}

export interface RunningExporter {
  port: number;
  /** Resolves after the collection in progress, or the next one, has finished. */
  collected(): Promise<void>;
  stop(): Promise<void>;
}

export async function startReplicationExporter(options: ExporterOptions): Promise<RunningExporter> {
  const metrics = createReplicationMetrics(options.expectedReplicas);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let lastError = '';
  let running: Promise<void> = Promise.resolve();

  const collectOnce = async () => {
    try {
      metrics.record(parseShowReplicas(await options.main.run('SHOW REPLICAS')));
      if (lastError) {
        options.log('MAIN answers SHOW REPLICAS again');
        lastError = '';
      }
    } catch (error) {
      metrics.record(undefined);
      // Logged when it changes, not at every interval.
      if (errorText(error) !== lastError) {
        lastError = errorText(error);
        options.log(`ERROR SHOW REPLICAS on ${options.main.settings.url} failed: ${lastError}`);
      }
    }
  };
  const schedule = () => {
    running = collectOnce().finally(() => {
      if (!stopped) {
        timer = setTimeout(schedule, options.intervalMs);
      }
    });
  };
  schedule();

  const server = http.createServer((request, response) => {
    if (request.method === 'GET' && request.url?.split('?')[0] === '/metrics') {
      metrics.registry.metrics().then(
        (text) => response.writeHead(200, { 'Content-Type': metrics.registry.contentType }).end(text),
        (error: unknown) => response.writeHead(500).end(errorText(error))
      );
      return;
    }
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('OpenTruss replication exporter: GET /metrics\n');
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '0.0.0.0', resolve));
  const { port } = server.address() as AddressInfo;
  options.log(`Serving GET /metrics on port ${port}; SHOW REPLICAS on MAIN every ${options.intervalMs / 1000} s`);
  return {
    port,
    collected: () => running,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await options.main.close();
    },
  };
}
