// One client connection, as the relay handler of @opentruss/bolt-protocol's server connection (which does the
// handshake, the login phases, the queue of requests, IGNORED after a FAILURE until RESET, and keeps local replies
// in order behind the ones Memgraph still owes). The gateway logs the viewer in itself (viewer credentials), opens
// its own Bolt connection to Memgraph (the Memgraph credential), then relays. Client → Memgraph: every request
// checked, RUN and BEGIN re-sent in READ mode (a RUN with the checker's canonical text), refused requests answered
// here. Memgraph → client: bytes passed through as they come, only their framing read, with back-pressure both ways.
// Longer than 300 lines on purpose: the connection's calls, the upstream link's life and the timers share this
// session's state; each rule with a life of its own is beside it (request checks, statement and request policy, open
// queries, re-encoding, upstream replies).
import {
  BOLT4,
  BOLT5,
  frameMessage,
  isBolt5,
  ResponseScanner,
  ServerConnection,
  SUPPORTED_BOLT_VERSIONS,
  WAIT,
  type BoltFailure,
  type BoltVersion,
  type ByteChannel,
  type ClientRequest,
  type ConnectionHandler,
  type Dialect,
  type Handled,
  type LoginOutcome,
} from '@opentruss/bolt-protocol';
import { gatewayErrorCodes } from '@opentruss/contract';
import type { GatewaySettings } from '../config/settings';
import { authenticateViewer } from '../config/viewers';
import type { GatewayMetrics } from '../ops/metrics';
import { UpstreamError, UpstreamLink, upstreamFailure } from '../upstream/upstream-link';
import { OpenQueries, type OpenQuery } from './open-queries';
import { ReEncoder } from './re-encoder';
import { refusalOnArrival } from './request-checks';
import { routeRefusal, type RequestRefusal } from './request-policy';
import { checkQuery, type CheckedRun, type Refusal } from './statement-policy';
import { UpstreamReplies, type Relayed } from './upstream-replies';
import type { ViewerQueries } from './viewer-queries';

export type Logger = (event: string, fields: Record<string, unknown>) => void;

/** What a session needs from the gateway that owns it. */
export interface SessionHost {
  readonly settings: GatewaySettings;
  readonly metrics: GatewayMetrics;
  readonly log: Logger;
  /** Open queries per viewer credential, shared by all sessions. */
  readonly viewerQueries: ViewerQueries;
  closed(session: ClientSession): void;
}

/** What the policy found on a RUN or BEGIN. */
interface Checks {
  /** Its text or extra is refused on arrival. */
  refusal?: RequestRefusal;
  /** Decided when the RUN first comes up, so a query limit counts what was open when it arrived. */
  verdict?: { run: CheckedRun } | { refusal: Refusal };
}

/** A wrong viewer credential: Memgraph's words, the gateway's code (so a client can tell who refused it). */
const viewerAuthenticationFailure: BoltFailure = {
  code: gatewayErrorCodes.viewerUnauthenticated,
  message:
    'Authentication failure: the Bolt gateway does not accept this viewer credential (a user:password of its ' +
    'BOLT_GATEWAY_VIEWERS or a token of its BOLT_GATEWAY_VIEWER_TOKENS)',
};
/** Stop reading a client that pipelines this many messages ahead (resume at a quarter). */
const QUEUE_HIGH_WATER = 64;

export class ClientSession implements ConnectionHandler {
  readonly id: string;
  /** The Bolt connection this session answers (its owner feeds it the first bytes, and closes it at stop). */
  readonly connection: ServerConnection<Relayed>;
  /** The agreed version's dialect, and the encoder of what the relay re-encodes in it. */
  private codec: { dialect: Dialect; encoder: ReEncoder } = { dialect: BOLT5, encoder: new ReEncoder(BOLT5) };
  private readonly checks = new WeakMap<ClientRequest, Checks>();
  private upstream?: UpstreamLink;
  private readonly scanner: ResponseScanner;
  private readonly queries: OpenQueries;
  /** The viewer logged in on this connection (user name or token:N). */
  private viewer = '';
  private handshakeTimer?: NodeJS.Timeout;
  private idleTimer?: NodeJS.Timeout;

  constructor(
    private readonly channel: ByteChannel,
    private readonly host: SessionHost,
    id: string,
    /** Set when a limit refuses this connection: it is told so at HELLO, then closed. */
    private readonly rejection?: { reason: string; failure: BoltFailure }
  ) {
    this.id = id;
    const { limits } = host.settings;
    this.connection = new ServerConnection<Relayed>(channel, {
      connectionId: id,
      versions: SUPPORTED_BOLT_VERSIONS,
      maxMessageBytes: limits.maxMessageBytes,
      strictUtf8: true,
      queueHighWater: QUEUE_HIGH_WATER,
    });
    this.queries = new OpenQueries(host, (reason) => this.connection.close(reason, true));
    const replies = new UpstreamReplies(this.connection.ledger, this.queries, () => this.codec);
    this.scanner = new ResponseScanner((message) => replies.onMessage(message), limits.maxMessageBytes);
    this.handshakeTimer = setTimeout(() => {
      this.host.metrics.rejected.inc({ reason: 'handshake_timeout' });
      this.connection.close(`no login within ${limits.handshakeTimeoutMs} ms`, true);
    }, limits.handshakeTimeoutMs);
    this.connection.start(this);
  }

  get transport(): ByteChannel['transport'] {
    return this.channel.transport;
  }

  get remoteAddress(): string {
    return this.channel.remoteAddress;
  }

  get isOpen(): boolean {
    return this.connection.isOpen;
  }

  // ---------------------------------------------------------------------------------------- login

  negotiated(version: BoltVersion): void {
    const dialect = isBolt5(version) ? BOLT5 : BOLT4;
    this.codec = { dialect, encoder: new ReEncoder(dialect) };
  }

  hello(extra: Record<string, unknown>): LoginOutcome {
    if (this.rejection) {
      this.host.metrics.rejected.inc({ reason: this.rejection.reason });
      return this.rejection;
    }
    // Nothing of the client's HELLO goes upstream (the gateway logs in with its own); its agent is only logged,
    // cut short (a client chooses it).
    const userAgent = String(extra.user_agent).slice(0, 200);
    this.host.log('client_hello', { connection: this.id, client: this.remoteAddress, userAgent });
    return undefined;
  }

  /** Viewer credentials only; Memgraph's answers: an unknown scheme closes, a wrong credential fails then closes. */
  logIn(auth: Record<string, unknown>): LoginOutcome | Promise<LoginOutcome> {
    const { scheme } = auth;
    if (scheme !== 'basic' && scheme !== 'bearer' && scheme !== 'none') {
      return { reason: scheme === undefined ? 'no authentication scheme' : 'unsupported authentication scheme' };
    }
    const viewer = authenticateViewer(this.host.settings.viewers, auth);
    if (viewer === undefined) {
      this.host.metrics.rejected.inc({ reason: 'authentication' });
      return { reason: 'authentication failure', failure: viewerAuthenticationFailure };
    }
    this.viewer = viewer;
    if (this.upstream) {
      // LOGON again after LOGOFF: Memgraph's side stays logged in with the gateway's credential.
      this.ready();
      return undefined;
    }
    return this.openUpstream();
  }

  logOff(): undefined {
    return undefined;
  }

  private async openUpstream(): Promise<LoginOutcome> {
    const { settings, metrics, log } = this.host;
    try {
      const upstream = await UpstreamLink.open(settings.upstream, this.connection.version!);
      if (!this.connection.isOpen) {
        upstream.close();
        return undefined;
      }
      this.upstream = upstream;
      metrics.upstreamConnections.inc();
      upstream.attach({ onData: (data) => this.onUpstreamData(data), onClose: () => this.onUpstreamClosed() });
      this.ready();
      return undefined;
    } catch (error) {
      const upstreamError = error instanceof UpstreamError ? error : new UpstreamError('unreachable', String(error));
      const failure = upstreamFailure(upstreamError);
      metrics.upstreamFailures.inc({ reason: upstreamError.reason });
      log('upstream_failed', { connection: this.id, reason: upstreamError.reason, message: failure.message });
      return { reason: `upstream ${upstreamError.reason}`, failure };
    }
  }

  private ready(): void {
    clearTimeout(this.handshakeTimer);
    this.armIdleTimer();
  }

  // ---------------------------------------------------------------------------------------- client requests

  /** Checks a request's strings and extra as it arrives (the extra is cut to what may pass). */
  arrived(request: ClientRequest): void {
    const refusal = refusalOnArrival(request);
    if (refusal) {
      this.checks.set(request, { refusal });
    }
  }

  violated(): void {
    this.host.metrics.rejected.inc({ reason: 'protocol' });
  }

  ignored(): void {
    this.armIdleTimer();
  }

  request(request: ClientRequest): Handled {
    this.armIdleTimer();
    const checks = this.checks.get(request) ?? {};
    const { settings } = this.host;
    switch (request.type) {
      case 'RUN': {
        if (checks.refusal) {
          return this.refuse(checks.refusal);
        }
        checks.verdict ??= this.verdictOn(request);
        this.checks.set(request, checks);
        const { verdict } = checks;
        if ('refusal' in verdict) {
          return this.refuse(verdict.refusal);
        }
        const query = this.queries.start(this.viewer);
        // Memgraph receives the canonical text the checker printed, never the client's bytes.
        const canonical = verdict.run.canonical;
        const bytes = this.codec.encoder.readOnly(request, 2, settings.limits.queryTimeoutMs, canonical);
        this.forward(request, bytes, query, verdict.run);
        return;
      }
      case 'BEGIN':
        if (checks.refusal) {
          return this.refuse(checks.refusal, false);
        }
        this.forward(request, this.codec.encoder.readOnly(request, 0, settings.limits.queryTimeoutMs));
        return;
      case 'ROUTE':
        return this.refuse(routeRefusal, false);
      case 'PULL':
      case 'DISCARD':
      case 'COMMIT':
      case 'ROLLBACK':
      case 'RESET':
      case 'TELEMETRY':
        this.forward(request, frameMessage(request.bytes));
        return;
      default:
        this.connection.close(`unexpected ${request.type}`);
    }
  }

  private verdictOn(request: ClientRequest): { run: CheckedRun } | { refusal: Refusal } {
    const checked = checkQuery(request.fields[0], this.host.settings.limits);
    const limit = 'run' in checked ? this.queries.limitRefusal(this.viewer) : undefined;
    return limit ? { refusal: limit } : checked;
  }

  /**
   * A refused request: answered here, never sent upstream; what follows is IGNORED until RESET. The failure is sent
   * as its policy built it: the gateway's own error code, or Memgraph's answer where the gateway answers as Memgraph
   * would (ROUTE). Behind an upstream FAILURE it is IGNORED, as Memgraph would not even look at it.
   */
  private refuse(refusal: Refusal | RequestRefusal, isQuery = true): Handled {
    if (this.connection.awaitingReplies) {
      return WAIT; // answer in order: after Memgraph's answers to what came before
    }
    const { metrics, log } = this.host;
    if (isQuery) {
      metrics.queries.inc({ outcome: 'refused' });
    }
    metrics.refusals.inc({ reason: refusal.kind });
    log('query_refused', {
      connection: this.id,
      client: this.remoteAddress,
      reason: refusal.kind,
      message: refusal.failure.message,
    });
    this.connection.fail(refusal.failure);
  }

  private forward(request: ClientRequest, bytes: Buffer, query?: OpenQuery, run?: CheckedRun): void {
    const upstream = this.upstream!;
    this.connection.ledger.sent({ type: request.type, query, run });
    this.host.metrics.bytes.inc({ direction: 'client_to_upstream' }, bytes.length);
    if (!upstream.write(bytes)) {
      this.connection.pauseReading();
      void upstream.drained().then(() => this.connection.resumeReading());
    }
  }

  // ---------------------------------------------------------------------------------------- upstream replies

  private onUpstreamData(data: Buffer): void {
    if (!this.connection.isOpen) {
      return;
    }
    let pieces: Buffer[];
    try {
      pieces = this.scanner.write(data);
    } catch (error) {
      this.connection.close(`upstream sent bad framing: ${(error as Error).message}`, true);
      return;
    }
    this.host.metrics.bytes.inc({ direction: 'upstream_to_client' }, data.length);
    let flowing = true;
    for (const piece of pieces) {
      flowing = this.channel.write(piece) && flowing;
    }
    if (!flowing) {
      // The client reads slower than Memgraph sends: stop reading Memgraph until the client catches up.
      const upstream = this.upstream!;
      upstream.pause();
      void this.channel.drained().then(() => upstream.resume());
    }
    if (!this.connection.awaitingReplies) {
      this.armIdleTimer();
      this.connection.proceed();
    }
  }

  private onUpstreamClosed(): void {
    if (this.connection.isOpen) {
      this.host.log('upstream_closed', { connection: this.id });
      this.connection.close('Memgraph closed the connection', true);
    }
  }

  // ---------------------------------------------------------------------------------------- timers and closing

  private armIdleTimer(): void {
    const { idleTimeoutMs } = this.host.settings.limits;
    if (idleTimeoutMs <= 0) {
      return;
    }
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      const { connection } = this;
      if (!connection.awaitingReplies && this.queries.size === 0 && connection.queued === 0) {
        connection.close(`idle for ${idleTimeoutMs} ms`);
      } else {
        this.armIdleTimer();
      }
    }, idleTimeoutMs);
  }

  /** The connection closed (the client's side is already ended or destroyed). */
  closed(): void {
    clearTimeout(this.handshakeTimer);
    clearTimeout(this.idleTimer);
    this.queries.endAll('disconnected');
    if (this.upstream) {
      // Closing Memgraph's connection is how a client that went away cancels what it left running.
      this.upstream.close();
      this.host.metrics.upstreamConnections.dec();
    }
    this.host.closed(this);
  }
}

