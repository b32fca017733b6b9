// The gateway: one port for clients (raw Bolt and Bolt over WebSocket, optionally TLS), a ClientSession per
// connection, connection limits, and the operations port.
import type http from 'node:http';
import { BoltListener, type ByteChannel } from '@opentruss/bolt-protocol';
import { formatLogLine, gatewayErrorCodes, type LogLevel } from '@opentruss/contract';
import { DEFAULT_LIMITS, type GatewaySettings, type Limits } from './config/settings';
import { parseViewers, type ViewerCredentials } from './config/viewers';
import { GatewayMetrics } from './ops/metrics';
import { probeUpstream, startOpsServer } from './ops/ops-server';
import { ClientSession, type Logger, type SessionHost } from './relay/client-session';
import { ViewerQueries } from './relay/viewer-queries';

export interface BoltGateway {
  readonly port: number;
  /** `bolt://host:port` (or bolt+s:// with TLS) of the client port. */
  readonly url: string;
  /** The operations port (/metrics, /health), when served. */
  readonly opsPort?: number;
  readonly metrics: GatewayMetrics;
  /** Open client connections. */
  connectionCount(): number;
  stop(): Promise<void>;
}

export interface BoltGatewayOptions extends Partial<Omit<GatewaySettings, 'limits' | 'viewers' | 'upstream'>> {
  upstream:
    | GatewaySettings['upstream']
    | { host: string; port: number; user?: string; password?: string; connectTimeoutMs?: number };
  /** Parsed credentials, or the text forms of BOLT_GATEWAY_VIEWERS / BOLT_GATEWAY_VIEWER_TOKENS. */
  viewers: ViewerCredentials | { users?: string; tokens?: string };
  limits?: Partial<Limits>;
  /** Structured log lines; default: JSON on stderr. Never given credentials or query parameters. */
  log?: Logger;
  /** Node process metrics on /metrics too (default true; tests with several gateways turn it off). */
  processMetrics?: boolean;
}

/** How loud each event is: the `level` of its line, which Alloy turns into the Loki label (docs/logs.md). */
const EVENT_LEVELS: Record<string, LogLevel> = {
  listening: 'info',
  upstream_closed: 'info',
  query_refused: 'warning',
  upstream_failed: 'error',
};

/** The stack's JSON log line (@opentruss/contract), the event's name as `msg` and as `event`. */
const stderrLogger: Logger = (event, fields) =>
  process.stderr.write(formatLogLine('bolt-gateway', EVENT_LEVELS[event] ?? 'info', event, { event, ...fields }) + '\n');

class Gateway implements BoltGateway, SessionHost {
  readonly settings: GatewaySettings;
  readonly metrics: GatewayMetrics;
  readonly log: Logger;
  readonly viewerQueries: ViewerQueries;
  private readonly sessions = new Set<ClientSession>();
  private readonly perAddress = new Map<string, number>();
  private readonly counted = new WeakSet<ClientSession>();
  private listener?: BoltListener;
  private opsServer?: http.Server;
  private sessionCount = 0;
  private boundPort = 0;

  constructor(options: BoltGatewayOptions) {
    this.settings = {
      host: options.host ?? '127.0.0.1',
      port: options.port ?? 0,
      opsHost: options.opsHost ?? '127.0.0.1',
      opsPort: options.opsPort,
      upstream: { user: '', password: '', connectTimeoutMs: 5000, ...options.upstream },
      viewers: isCredentials(options.viewers)
        ? options.viewers
        : parseViewers(options.viewers.users ?? '', options.viewers.tokens ?? ''),
      limits: { ...DEFAULT_LIMITS, ...options.limits },
      tls: options.tls,
    };
    const { host, port } = this.settings.upstream;
    this.metrics = new GatewayMetrics(options.processMetrics ?? true, () => probeUpstream(host, port));
    this.log = options.log ?? stderrLogger;
    this.viewerQueries = new ViewerQueries(this.settings.limits.maxQueriesPerViewer, this.metrics.viewerOpenQueries);
  }

  get port(): number {
    return this.boundPort;
  }

  get url(): string {
    return `${this.settings.tls ? 'bolt+s' : 'bolt'}://127.0.0.1:${this.boundPort}`;
  }

  get opsPort(): number | undefined {
    const address = this.opsServer?.address();
    return address && typeof address === 'object' ? address.port : undefined;
  }

  connectionCount(): number {
    return this.sessions.size;
  }

  async start(): Promise<void> {
    const { limits, tls } = this.settings;
    this.listener = new BoltListener((channel, firstBytes) => this.accept(channel, firstBytes), {
      tls,
      sniffTimeoutMs: limits.handshakeTimeoutMs,
      // A WebSocket frame carries chunks of at most 64 KiB each, but one frame may hold a whole message.
      maxWebSocketPayload: limits.maxMessageBytes + 1024,
    });
    this.boundPort = await this.listener.listen(this.settings.host, this.settings.port);
    if (this.settings.opsPort !== undefined) {
      this.opsServer = await startOpsServer(this.settings.opsHost, this.settings.opsPort, this.metrics.registry, {
        upstream: this.settings.upstream,
        clientConnections: () => this.sessions.size,
      });
    }
    const { host, port } = this.settings.upstream;
    this.log('listening', {
      port: this.boundPort,
      opsPort: this.opsPort,
      tls: Boolean(tls),
      upstream: `${host}:${port}`,
    });
  }

  async stop(): Promise<void> {
    [...this.sessions].forEach((session) => session.connection.close('gateway stopped', true));
    await this.listener?.close();
    const opsServer = this.opsServer;
    if (opsServer) {
      const closed = new Promise<void>((resolve) => opsServer.close(() => resolve()));
      opsServer.closeAllConnections(); // keep-alive scrapers would otherwise hold close() open
      await closed;
    }
  }

  closed(session: ClientSession): void {
    if (!this.sessions.delete(session)) {
      return;
    }
    this.metrics.clientConnections.dec({ transport: session.transport });
    if (this.counted.has(session)) {
      const left = (this.perAddress.get(session.remoteAddress) ?? 1) - 1;
      if (left > 0) {
        this.perAddress.set(session.remoteAddress, left);
      } else {
        this.perAddress.delete(session.remoteAddress);
      }
    }
  }

  private accept(channel: ByteChannel, firstBytes: Buffer): void {
    const { maxConnections, maxConnectionsPerClient } = this.settings.limits;
    if (this.sessions.size >= maxConnections) {
      // Past the overall cap nothing is spent on the connection, not even a handshake.
      this.metrics.rejected.inc({ reason: 'max_connections' });
      channel.destroy();
      return;
    }
    const address = channel.remoteAddress;
    const fromAddress = this.perAddress.get(address) ?? 0;
    const rejection =
      fromAddress >= maxConnectionsPerClient
        ? {
            reason: 'max_connections_per_client',
            failure: {
              code: gatewayErrorCodes.limitReached,
              message: `Bolt gateway: ${address} already has ${maxConnectionsPerClient} open connections (BOLT_GATEWAY_MAX_CONNECTIONS_PER_CLIENT); close some and retry.`,
            },
          }
        : undefined;
    const session = new ClientSession(channel, this, `gateway-${++this.sessionCount}`, rejection);
    this.sessions.add(session);
    this.metrics.connections.inc({ transport: channel.transport });
    this.metrics.clientConnections.inc({ transport: channel.transport });
    if (!rejection) {
      this.counted.add(session);
      this.perAddress.set(address, fromAddress + 1);
    }
    if (firstBytes.length > 0) {
      session.connection.receive(firstBytes);
    }
  }
}

function isCredentials(viewers: BoltGatewayOptions['viewers']): viewers is ViewerCredentials {
  return viewers.users instanceof Map;
}

/** Starts a gateway; stop it with `stop()`. */
export async function startBoltGateway(options: BoltGatewayOptions): Promise<BoltGateway> {
  const gateway = new Gateway(options);
  await gateway.start();
  return gateway;
}
