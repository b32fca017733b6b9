// One client connection: the gateway does the handshake and the login itself (viewer credentials), opens its own
// Bolt connection to Memgraph (the Memgraph credential), then relays. Client → Memgraph: every message decoded and
// checked, RUN and BEGIN re-sent in READ mode, refused statements answered here. Memgraph → client: bytes passed
// through as they come, only their framing read, with back-pressure both ways.
//
// Ordering: a local answer (a refusal, the IGNORED behind it, LOGOFF) is written only once every request already
// sent upstream has been answered, and nothing behind it is sent before it — so the client sees answers in the
// order it asked, as from one server.
import {
  answerHandshake,
  BOLT4,
  BOLT5,
  ChunkingError,
  createHydrator,
  Dechunker,
  frameMessage,
  HandshakeReader,
  helloMetadata,
  isBolt5,
  NO_VERSION,
  PackStreamError,
  PackStreamReader,
  requestTypes,
  responseTags,
  SUPPORTED_BOLT_VERSIONS,
  versionReply,
  type BoltFailure,
  type BoltVersion,
  type ByteChannel,
  type Dialect,
  type RequestType,
} from '@opentruss/bolt-protocol';
import { gatewayErrorCodes } from '@opentruss/contract';
import type { GatewaySettings } from '../config/settings';
import { authenticateViewer } from '../config/viewers';
import type { GatewayMetrics, QueryOutcome } from '../ops/metrics';
import { UpstreamError, UpstreamLink, upstreamFailure } from '../upstream/upstream-link';
import { LocalAnswers } from './local-answers';
import { checkExtra, invalidTextRefusal, routeRefusal, type RequestRefusal } from './request-policy';
import { ResponseScanner, type ScannedMessage } from './response-scanner';
import { checkQuery, failureForClient, readOnlyExtra, type CheckedRun, type Refusal } from './statement-policy';
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

type Phase = 'HANDSHAKE' | 'CONNECTED' | 'AUTHENTICATION' | 'LOGGING_IN' | 'READY' | 'DEFUNCT';

interface ClientMessage {
  tag: number;
  type: RequestType;
  fields: unknown[];
  fieldStarts: number[];
  bytes: Buffer;
  /** A RUN or BEGIN whose text or extra the request policy refuses has this set on arrival. */
  refusal?: RequestRefusal;
  /** Decided when the RUN first comes up, so a query limit counts what was open when it arrived. */
  verdict?: { run: CheckedRun } | { refusal: Refusal };
}

/** A query sent upstream whose result has not ended. */
interface OpenQuery {
  startedAt: number;
  /** The viewer whose per-viewer slot it holds. */
  viewer: string;
  watchdog?: NodeJS.Timeout;
}

/** A request sent upstream, waiting for its summary. */
interface Pending {
  type: RequestType;
  query?: OpenQuery;
  /** A RUN: the canonical text Memgraph received, to map its error positions back to the client's text. */
  run?: CheckedRun;
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
/** A result still open this long after the query time limit is cut, whatever Memgraph does. */
const WATCHDOG_GRACE_MS = 5000;

export class ClientSession {
  readonly id: string;
  private phase: Phase = 'HANDSHAKE';
  private readonly handshake = new HandshakeReader();
  private version: BoltVersion = '5.2';
  private dialect: Dialect = BOLT5;
  private answers = new LocalAnswers(BOLT5);
  private readonly dechunker: Dechunker;
  private readonly queue: ClientMessage[] = [];
  private pumping = false;
  private readingPaused = false;
  private upstream?: UpstreamLink;
  private readonly scanner: ResponseScanner;
  private readonly pending: Pending[] = [];
  private readonly openQueries: OpenQuery[] = [];
  /** A local FAILURE was sent: IGNORED until RESET, as a real server does. */
  private failedLocally = false;
  /** Memgraph sent a FAILURE and has not been RESET: it ignores what follows, so a refusal would be IGNORED too. */
  private upstreamFailed = false;
  /** The viewer logged in on this connection (user name or token:N). */
  private viewer = '';
  private handshakeTimer?: NodeJS.Timeout;
  private idleTimer?: NodeJS.Timeout;
  private closeReason?: string;

  constructor(
    private readonly channel: ByteChannel,
    private readonly host: SessionHost,
    id: string,
    /** Set when a limit refuses this connection: it is told so at HELLO, then closed. */
    private readonly rejection?: { reason: string; failure: BoltFailure }
  ) {
    this.id = id;
    const { limits } = host.settings;
    this.dechunker = new Dechunker((bytes) => this.enqueue(bytes), limits.maxMessageBytes);
    this.scanner = new ResponseScanner((message) => this.onUpstreamMessage(message), limits.maxMessageBytes);
    this.handshakeTimer = setTimeout(() => {
      this.host.metrics.rejected.inc({ reason: 'handshake_timeout' });
      this.close(`no login within ${limits.handshakeTimeoutMs} ms`, true);
    }, limits.handshakeTimeoutMs);
    channel.attach({
      onData: (data) => this.receive(data),
      onClose: () => this.close(this.closeReason ?? 'client closed', true),
    });
  }

  get transport(): ByteChannel['transport'] {
    return this.channel.transport;
  }

  get remoteAddress(): string {
    return this.channel.remoteAddress;
  }

  get isOpen(): boolean {
    return this.phase !== 'DEFUNCT';
  }

  /** Bytes from the client, split or merged in any way. */
  receive(data: Buffer): void {
    if (this.phase === 'DEFUNCT') {
      return;
    }
    try {
      if (this.phase === 'HANDSHAKE') {
        const complete = this.handshake.push(data);
        if (!complete) {
          return;
        }
        const { handshake, rest } = complete;
        this.negotiate(handshake);
        if ((this.phase as Phase) === 'CONNECTED' && rest.length > 0) {
          this.dechunker.write(rest);
        }
        return;
      }
      this.dechunker.write(data);
    } catch (error) {
      this.host.metrics.rejected.inc({ reason: 'protocol' });
      this.close(error instanceof ChunkingError ? `bad chunking: ${error.message}` : `receive failed: ${error}`, true);
    }
  }

  /** Drops the connection and its upstream (gateway stop). */
  destroy(reason: string): void {
    this.close(reason, true);
  }

  // ---------------------------------------------------------------------------------------- handshake and login

  private negotiate(handshake: Buffer): void {
    const answer = answerHandshake(handshake, SUPPORTED_BOLT_VERSIONS);
    if (answer.outcome === 'not-bolt') {
      this.close('not a Bolt handshake', true);
      return;
    }
    if (answer.outcome === 'no-common-version') {
      this.channel.write(NO_VERSION);
      this.close('no common Bolt version');
      return;
    }
    const { version } = answer;
    this.version = version;
    this.dialect = isBolt5(version) ? BOLT5 : BOLT4;
    this.answers = new LocalAnswers(this.dialect);
    this.phase = 'CONNECTED';
    this.channel.write(versionReply(version));
  }

  private hello(extra: Record<string, unknown>): void {
    if (typeof extra.user_agent !== 'string') {
      this.close('HELLO without user_agent');
      return;
    }
    if (this.rejection) {
      this.host.metrics.rejected.inc({ reason: this.rejection.reason });
      this.send(this.answers.failure(this.rejection.failure));
      this.close(this.rejection.reason);
      return;
    }
    // Nothing of the client's HELLO goes upstream (the gateway logs in with its own); its agent is only logged,
    // cut short (a client chooses it).
    const userAgent = extra.user_agent.slice(0, 200);
    this.host.log('client_hello', { connection: this.id, client: this.remoteAddress, userAgent });
    if (isBolt5(this.version)) {
      this.send(this.answers.success(helloMetadata(this.id)));
      this.phase = 'AUTHENTICATION';
    } else {
      this.authenticate(extra);
    }
  }

  /** Viewer credentials only; Memgraph's answers: an unknown scheme closes, a wrong credential fails then closes. */
  private authenticate(auth: Record<string, unknown>): void {
    const { scheme } = auth;
    if (scheme !== 'basic' && scheme !== 'bearer' && scheme !== 'none') {
      this.close(scheme === undefined ? 'no authentication scheme' : 'unsupported authentication scheme');
      return;
    }
    const viewer = authenticateViewer(this.host.settings.viewers, auth);
    if (viewer === undefined) {
      this.host.metrics.rejected.inc({ reason: 'authentication' });
      this.send(this.answers.failure(viewerAuthenticationFailure));
      this.close('authentication failure');
      return;
    }
    this.viewer = viewer;
    if (this.upstream) {
      // LOGON again after LOGOFF: Memgraph's side stays logged in with the gateway's credential.
      this.send(this.answers.success(helloMetadata(this.id)));
      this.ready();
      return;
    }
    this.phase = 'LOGGING_IN';
    void this.openUpstream();
  }

  private async openUpstream(): Promise<void> {
    const { settings, metrics, log } = this.host;
    try {
      const upstream = await UpstreamLink.open(settings.upstream, this.version);
      if (this.phase === 'DEFUNCT') {
        upstream.close();
        return;
      }
      this.upstream = upstream;
      metrics.upstreamConnections.inc();
      upstream.attach({ onData: (data) => this.onUpstreamData(data), onClose: () => this.onUpstreamClosed() });
      this.send(this.answers.success(helloMetadata(this.id)));
      this.ready();
    } catch (error) {
      const upstreamError = error instanceof UpstreamError ? error : new UpstreamError('unreachable', String(error));
      const failure = upstreamFailure(upstreamError);
      metrics.upstreamFailures.inc({ reason: upstreamError.reason });
      log('upstream_failed', { connection: this.id, reason: upstreamError.reason, message: failure.message });
      this.send(this.answers.failure(failure));
      this.close(`upstream ${upstreamError.reason}`);
    }
  }

  private ready(): void {
    clearTimeout(this.handshakeTimer);
    this.phase = 'READY';
    this.armIdleTimer();
    this.pump();
  }

  // ---------------------------------------------------------------------------------------- client messages

  private enqueue(bytes: Buffer): void {
    if (this.phase === 'DEFUNCT') {
      return;
    }
    let message: ClientMessage;
    try {
      const reader = new PackStreamReader(bytes, createHydrator(this.dialect), { strictUtf8: true });
      const { message: structure, fieldStarts } = reader.readMessageLayout();
      const type = requestTypes[structure.tag] ?? 'UNKNOWN';
      message = { tag: structure.tag, type, fields: structure.fields, fieldStarts, bytes };
      if (reader.invalidUtf8 && type !== 'RUN' && type !== 'BEGIN') {
        throw new PackStreamError(`${type} holds a string that is not valid UTF-8`);
      }
      message.refusal = reader.invalidUtf8
        ? invalidTextRefusal(type, bytes, fieldStarts, reader.invalidUtf8)
        : this.extraRefusal(message);
    } catch (error) {
      if (error instanceof PackStreamError) {
        this.host.metrics.rejected.inc({ reason: 'protocol' });
        this.close(`malformed message: ${error.message}`, true);
        return;
      }
      throw error;
    }
    this.queue.push(message);
    if (this.queue.length >= QUEUE_HIGH_WATER && !this.readingPaused) {
      this.readingPaused = true;
      this.channel.pause();
    }
    this.pump();
  }

  /** Handles queued messages in order until one has to wait (for login, or for upstream answers). */
  private pump(): void {
    if (this.pumping) {
      return;
    }
    this.pumping = true;
    try {
      while (this.queue.length > 0 && this.phase !== 'DEFUNCT' && this.phase !== 'LOGGING_IN') {
        if (!this.handle(this.queue[0])) {
          break;
        }
        this.queue.shift();
      }
    } finally {
      this.pumping = false;
    }
    if (this.readingPaused && this.queue.length <= QUEUE_HIGH_WATER / 4 && this.phase !== 'DEFUNCT') {
      this.readingPaused = false;
      this.channel.resume();
    }
  }

  /** False when the message must wait; it stays first in the queue. */
  private handle(message: ClientMessage): boolean {
    const { type } = message;
    if (type === 'UNKNOWN') {
      this.host.metrics.rejected.inc({ reason: 'protocol' });
      this.close(`unknown message tag 0x${message.tag.toString(16)}`, true);
      return true;
    }
    if (type === 'GOODBYE') {
      if (this.pending.length > 0) {
        return false; // answers to what came before are still on their way
      }
      this.close('GOODBYE');
      return true;
    }
    switch (this.phase) {
      case 'CONNECTED':
        if (type === 'HELLO') {
          this.hello(mapField(message.fields, 0));
        } else {
          this.close(`expected HELLO, got ${type}`);
        }
        return true;
      case 'AUTHENTICATION':
        if (type === 'LOGON') {
          this.authenticate(mapField(message.fields, 0));
        } else {
          this.close(`expected LOGON, got ${type}`);
        }
        return true;
      case 'READY':
        this.armIdleTimer();
        return this.failedLocally ? this.whileFailed(message) : this.relay(message);
      default:
        return true;
    }
  }

  /** After a local FAILURE: IGNORED until RESET, which goes upstream (it also ends Memgraph's transaction). */
  private whileFailed(message: ClientMessage): boolean {
    if (message.type === 'RESET') {
      this.failedLocally = false;
      this.forward(message, frameMessage(message.bytes));
    } else {
      this.send(this.answers.ignored());
    }
    return true;
  }

  private relay(message: ClientMessage): boolean {
    const { limits } = this.host.settings;
    switch (message.type) {
      case 'RUN': {
        if (message.refusal) {
          return this.refuse(message.refusal);
        }
        message.verdict ??= this.verdictOn(message);
        const { verdict } = message;
        if ('refusal' in verdict) {
          return this.refuse(verdict.refusal);
        }
        const query: OpenQuery = { startedAt: performance.now(), viewer: this.viewer };
        if (limits.queryTimeoutMs > 0) {
          query.watchdog = setTimeout(() => {
            this.endQuery(query, 'timed_out');
            this.close(`query still open ${WATCHDOG_GRACE_MS} ms after the query time limit`, true);
          }, limits.queryTimeoutMs + WATCHDOG_GRACE_MS);
        }
        this.openQueries.push(query);
        this.host.viewerQueries.acquire(query.viewer);
        // Memgraph receives the canonical text the checker printed, never the client's bytes.
        this.forward(message, this.withReadOnlyExtra(message, 2, verdict.run.canonical), query, verdict.run);
        return true;
      }
      case 'BEGIN':
        if (message.refusal) {
          return this.refuse(message.refusal, false);
        }
        this.forward(message, this.withReadOnlyExtra(message, 0));
        return true;
      case 'ROUTE':
        return this.refuse(routeRefusal, false);
      case 'PULL':
      case 'DISCARD':
      case 'COMMIT':
      case 'ROLLBACK':
      case 'RESET':
      case 'TELEMETRY':
        this.forward(message, frameMessage(message.bytes));
        return true;
      case 'LOGOFF':
        if (this.pending.length > 0) {
          return false;
        }
        this.send(this.answers.success({}));
        this.phase = 'AUTHENTICATION';
        return true;
      default:
        this.close(`unexpected ${message.type}`);
        return true;
    }
  }

  private verdictOn(message: ClientMessage): { run: CheckedRun } | { refusal: Refusal } {
    const checked = checkQuery(message.fields[0], this.host.settings.limits);
    const limit = 'run' in checked ? this.queryLimitRefusal() : undefined;
    return limit ? { refusal: limit } : checked;
  }

  private queryLimitRefusal(): Refusal | undefined {
    const { maxQueriesPerConnection, maxQueriesPerViewer } = this.host.settings.limits;
    const limitReached = (message: string): Refusal => ({
      kind: 'limit',
      failure: { code: gatewayErrorCodes.limitReached, message: `Bolt gateway: ${message}` },
    });
    if (this.openQueries.length >= maxQueriesPerConnection) {
      return limitReached(
        `${maxQueriesPerConnection} queries are already open on this connection ` +
          '(BOLT_GATEWAY_MAX_QUERIES_PER_CONNECTION); finish or discard one first.'
      );
    }
    if (!this.host.viewerQueries.hasRoom(this.viewer)) {
      return limitReached(
        `the viewer credential "${this.viewer}" already has ${maxQueriesPerViewer} queries open over all its ` +
          'connections (BOLT_GATEWAY_MAX_QUERIES_PER_VIEWER). Retry when some have finished, or give each group ' +
          'of viewers its own credential.'
      );
    }
    return undefined;
  }

  /** A RUN or BEGIN whose extra asks for what viewers may not; otherwise its extra is cut to what may pass. */
  private extraRefusal(message: ClientMessage): RequestRefusal | undefined {
    if (message.type !== 'RUN' && message.type !== 'BEGIN') {
      return undefined;
    }
    const extraIndex = message.type === 'RUN' ? 2 : 0;
    const checked = checkExtra(message.type, mapField(message.fields, extraIndex));
    if ('refusal' in checked) {
      return checked.refusal;
    }
    message.fields[extraIndex] = checked.extra;
    return undefined;
  }

  /**
   * A refused request: answered here, never sent upstream; what follows is IGNORED until RESET. The failure is sent
   * as its policy built it: the gateway's own error code, or Memgraph's answer where the gateway answers as Memgraph
   * would (ROUTE).
   */
  private refuse(refusal: Refusal | RequestRefusal, isQuery = true): boolean {
    if (this.pending.length > 0) {
      return false; // answer in order: after Memgraph's answers to what came before
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
    // Behind an upstream FAILURE, a real server would not even look at it.
    this.send(this.upstreamFailed ? this.answers.ignored() : this.answers.failure(refusal.failure));
    this.failedLocally = true;
    return true;
  }

  /**
   * RUN (extra at field 2) or BEGIN (field 0) re-encoded with READ mode and the time limit; a RUN's query replaced
   * by `query` (the canonical text); the fields between verbatim.
   */
  private withReadOnlyExtra(message: ClientMessage, extraIndex: number, query?: string): Buffer {
    const extra = readOnlyExtra(mapField(message.fields, extraIndex), this.host.settings.limits.queryTimeoutMs);
    const { fieldStarts, bytes, fields } = message;
    const leading = query === undefined ? [] : [query];
    const verbatim = bytes.subarray(fieldStarts[leading.length], fieldStarts[extraIndex]);
    return this.answers.request(message.tag, Math.max(fields.length, extraIndex + 1), verbatim, extra, leading);
  }

  private forward(message: ClientMessage, bytes: Buffer, query?: OpenQuery, run?: CheckedRun): void {
    const upstream = this.upstream!;
    this.pending.push({ type: message.type, query, run });
    this.host.metrics.bytes.inc({ direction: 'client_to_upstream' }, bytes.length);
    if (!upstream.write(bytes) && !this.readingPaused) {
      this.readingPaused = true;
      this.channel.pause();
      void upstream.drained().then(() => {
        if (this.readingPaused && this.queue.length <= QUEUE_HIGH_WATER / 4) {
          this.readingPaused = false;
          this.channel.resume();
        }
      });
    }
  }

  // ---------------------------------------------------------------------------------------- upstream answers

  private onUpstreamData(data: Buffer): void {
    if (this.phase === 'DEFUNCT') {
      return;
    }
    let pieces: Buffer[];
    try {
      pieces = this.scanner.write(data);
    } catch (error) {
      this.close(`upstream sent bad framing: ${(error as Error).message}`, true);
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
    if (this.pending.length === 0) {
      this.armIdleTimer();
      this.pump();
    }
  }

  /** Bookkeeping per answer; returns a FAILURE to send instead of Memgraph's (positions in the client's text). */
  private onUpstreamMessage({ tag, body }: ScannedMessage): Buffer | void {
    if (tag === responseTags.RECORD) {
      return;
    }
    const request = this.pending.shift();
    if (!request) {
      throw new ChunkingError('an answer nobody asked for');
    }
    const metadata = body ? decodeMetadata(body, this.dialect) : {};
    if (tag === responseTags.FAILURE) {
      this.upstreamFailed = true;
      this.endResultOf(request, 'failed');
      return request.run ? this.failureForClient(metadata, request.run) : undefined;
    } else if (tag === responseTags.IGNORED) {
      this.endResultOf(request, 'failed');
    } else if (request.type === 'RESET') {
      this.upstreamFailed = false;
      [...this.openQueries].forEach((query) => this.endQuery(query, 'reset'));
    } else if ((request.type === 'PULL' || request.type === 'DISCARD') && metadata.has_more !== true) {
      const query = this.openQueries[0];
      if (query) {
        this.endQuery(query, request.type === 'PULL' ? 'completed' : 'discarded');
      }
    }
  }

  /** Memgraph's FAILURE to a RUN, its syntax error position mapped to the client's text; undefined to keep it. */
  private failureForClient(metadata: Record<string, unknown>, run: CheckedRun): Buffer | undefined {
    const { code, message } = metadata;
    if (typeof code !== 'string' || typeof message !== 'string') {
      return undefined;
    }
    const mapped = failureForClient({ code, message }, run);
    return mapped.message === message ? undefined : this.answers.failure(mapped);
  }

  /** A failed or ignored request ends the query it belongs to: its own (RUN) or the open one (PULL/DISCARD). */
  private endResultOf(request: Pending, outcome: QueryOutcome): void {
    const query =
      request.query ?? (request.type === 'PULL' || request.type === 'DISCARD' ? this.openQueries[0] : undefined);
    if (query) {
      this.endQuery(query, outcome);
    }
  }

  private endQuery(query: OpenQuery, outcome: QueryOutcome): void {
    const index = this.openQueries.indexOf(query);
    if (index < 0) {
      return;
    }
    this.openQueries.splice(index, 1);
    clearTimeout(query.watchdog);
    this.host.viewerQueries.release(query.viewer);
    const { metrics } = this.host;
    metrics.queries.inc({ outcome });
    metrics.queryDuration.observe((performance.now() - query.startedAt) / 1000);
  }

  private onUpstreamClosed(): void {
    if (this.phase !== 'DEFUNCT') {
      this.host.log('upstream_closed', { connection: this.id });
      this.close('Memgraph closed the connection', true);
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
      if (this.pending.length === 0 && this.openQueries.length === 0 && this.queue.length === 0) {
        this.close(`idle for ${idleTimeoutMs} ms`);
      } else {
        this.armIdleTimer();
      }
    }, idleTimeoutMs);
  }

  private send(bytes: Buffer): void {
    this.channel.write(bytes);
  }

  private close(reason: string, abrupt = false): void {
    if (this.phase === 'DEFUNCT') {
      return;
    }
    this.phase = 'DEFUNCT';
    this.closeReason = reason;
    clearTimeout(this.handshakeTimer);
    clearTimeout(this.idleTimer);
    [...this.openQueries].forEach((query) => this.endQuery(query, 'disconnected'));
    if (abrupt) {
      this.channel.destroy();
    } else {
      this.channel.end();
    }
    if (this.upstream) {
      // Closing Memgraph's connection is how a client that went away cancels what it left running.
      this.upstream.close();
      this.host.metrics.upstreamConnections.dec();
    }
    this.host.closed(this);
  }
}

function mapField(fields: unknown[], index: number): Record<string, unknown> {
  const value = fields[index];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function decodeMetadata(body: Buffer, dialect: Dialect): Record<string, unknown> {
  return mapField(new PackStreamReader(body, createHydrator(dialect)).readMessage().fields, 0);
}
