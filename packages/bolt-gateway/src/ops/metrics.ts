// Prometheus metrics of one gateway (its own registry, so several gateways in one test process stay apart).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { gatewayMetrics as names } from '@opentruss/contract';

export type QueryOutcome = 'completed' | 'discarded' | 'failed' | 'refused' | 'reset' | 'disconnected' | 'timed_out';

export class GatewayMetrics {
  readonly registry = new Registry();
  readonly clientConnections = new Gauge({
    name: names.clientConnections,
    help: 'Open client connections (Bolt over TCP or WebSocket)',
    labelNames: ['transport'],
    registers: [this.registry],
  });
  readonly upstreamConnections = new Gauge({
    name: names.upstreamConnections,
    help: 'Open connections from the gateway to Memgraph',
    registers: [this.registry],
  });
  readonly connections = new Counter({
    name: names.connectionsTotal,
    help: 'Client connections accepted, by transport',
    labelNames: ['transport'],
    registers: [this.registry],
  });
  readonly rejected = new Counter({
    name: names.connectionsRejectedTotal,
    help: 'Client connections refused or dropped, by reason',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  readonly queries = new Counter({
    name: names.queriesTotal,
    help: 'Queries (RUN) by outcome; refused ones never reach Memgraph',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  readonly refusals = new Counter({
    name: names.refusalsTotal,
    help: 'Refused requests by reason: write, admin, procedure, malformed, limit, protocol, encoding',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  readonly bytes = new Counter({
    name: names.bytesTotal,
    help: 'Bytes relayed, by direction',
    labelNames: ['direction'],
    registers: [this.registry],
  });
  readonly queryDuration = new Histogram({
    name: names.queryDuration,
    help: 'From RUN to the end of its result (last record pulled, discarded or failed), seconds',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });
  readonly upstreamFailures = new Counter({
    name: names.upstreamFailuresTotal,
    help: 'Failed attempts to reach or log in to Memgraph, by reason (unreachable, login)',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  readonly viewerOpenQueries = new Gauge({
    name: names.viewerOpenQueries,
    help: 'Queries sent to Memgraph whose results have not ended, per viewer credential (user name, or token:N)',
    labelNames: ['viewer'],
    registers: [this.registry],
  });

  /**
   * 1 when Memgraph answers a Bolt handshake at scrape time, else 0. Probed on every scrape (one TCP handshake,
   * no login), so MemgraphDown sees a dead Memgraph even when no client is connected to make the other upstream
   * metrics move.
   */
  readonly upstreamUp: Gauge;

  constructor(processMetrics: boolean, probeUpstream: () => Promise<boolean> = async () => false) {
    this.upstreamUp = new Gauge({
      name: names.upstreamUp,
      help: 'Whether Memgraph answered a Bolt handshake when this scrape was taken (1) or not (0)',
      registers: [this.registry],
      async collect() {
        this.set((await probeUpstream()) ? 1 : 0);
      },
    });
    if (processMetrics) {
      collectDefaultMetrics({ register: this.registry, prefix: 'opentruss_bolt_gateway_' });
    }
    // Series exist from the start, so a dashboard shows 0 rather than no data.
    for (const transport of ['tcp', 'websocket']) {
      this.clientConnections.set({ transport }, 0);
    }
    for (const direction of ['client_to_upstream', 'upstream_to_client']) {
      this.bytes.inc({ direction }, 0);
    }
    for (const outcome of ['completed', 'refused', 'failed']) {
      this.queries.inc({ outcome }, 0);
    }
    for (const reason of ['write', 'admin', 'procedure']) {
      this.refusals.inc({ reason }, 0);
    }
  }
}
