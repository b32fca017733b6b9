// One server-side Bolt connection, whoever answers it (the test server's responders, the gateway's relay): the
// handshake, requests decoded off the channel and handled strictly in order, the login phases per Bolt version
// (credentials in HELLO on Bolt 4; HELLO, then LOGON and LOGOFF on Bolt 5.1+), the fail-until-RESET state (after a
// FAILURE everything but RESET and GOODBYE is IGNORED, as Memgraph does), back-pressure on a client that pipelines
// too far ahead, and closing. A handler plugs in what the requests mean.
//
// Ordered replies: a request the handler passes on to a peer goes into the ledger until the peer's summary comes
// back. A reply this connection writes itself (IGNORED, a FAILURE, LOGOFF's SUCCESS, GOODBYE's close) waits until the
// ledger is empty, and nothing behind it is handled before it, so the client sees replies in the order it asked.
// Longer than 300 lines on purpose: the phases and the queue are one state machine, read best in one place; what a
// handler plugs in is in handler.ts.
import type { ByteChannel } from '../channel/channel';
import { ChunkingError, Dechunker, MAX_MESSAGE_BYTES } from '../channel/dechunker';
import { PackStreamError } from '../packstream/reader';
import { BOLT4, BOLT5, type Dialect } from '../packstream/values';
import { answerHandshake, HandshakeReader, NO_VERSION, versionReply } from '../bolt/handshake';
import { helloMetadata, type BoltFailure } from '../bolt/memgraph';
import { PendingRequests, type PendingRequest } from '../bolt/pending-requests';
import { ReplyWriter } from '../bolt/reply-writer';
import { decodeRequest, mapField, type ClientRequest } from '../bolt/requests';
import { isBolt5, type BoltVersion } from '../bolt/versions';
import {
  WAIT,
  type ConnectionHandler,
  type ConnectionPhase,
  type Handled,
  type LoginOutcome,
  type LoginRefusal,
  type ServerConnectionOptions,
} from './handler';

export class ServerConnection<P extends PendingRequest = PendingRequest> {
  /** Requests passed on to a peer, awaiting their replies. */
  readonly ledger = new PendingRequests<P>();
  private handler!: ConnectionHandler;
  private phase: ConnectionPhase = 'HANDSHAKE';
  private readonly handshake = new HandshakeReader();
  private agreed?: BoltVersion;
  private dialect: Dialect = BOLT5;
  private writer?: ReplyWriter;
  private readonly dechunker: Dechunker;
  private readonly queue: ClientRequest[] = [];
  private pumping = false;
  private readingPaused = false;
  private reason?: string;

  constructor(
    private readonly channel: ByteChannel,
    private readonly options: ServerConnectionOptions
  ) {
    this.dechunker = new Dechunker((bytes) => this.enqueue(bytes), options.maxMessageBytes ?? MAX_MESSAGE_BYTES);
  }

  /** Starts reading the channel; everything the client sends goes to `handler`. */
  start(handler: ConnectionHandler): void {
    this.handler = handler;
    this.channel.attach({
      onData: (data) => this.receive(data),
      onClose: () => this.close('closed by the client', true),
    });
  }

  get connectionId(): string {
    return this.options.connectionId;
  }

  get state(): ConnectionPhase {
    return this.phase;
  }

  get isOpen(): boolean {
    return this.phase !== 'DEFUNCT';
  }

  /** The agreed Bolt version (undefined before the handshake). */
  get version(): BoltVersion | undefined {
    return this.agreed;
  }

  get bolt5(): boolean {
    return this.dialect.bolt5;
  }

  get closeReason(): string | undefined {
    return this.reason;
  }

  /** Requests received and not handled yet. */
  get queued(): number {
    return this.queue.length;
  }

  /** The replies this connection writes (after the handshake). */
  get replies(): ReplyWriter {
    if (!this.writer) {
      throw new Error('no replies before the handshake');
    }
    return this.writer;
  }

  /** A reply written here now would overtake a peer's reply to an earlier request: the handler must WAIT. */
  get awaitingReplies(): boolean {
    return this.ledger.size > 0;
  }

  /** Bytes from the client, split or merged in any way. */
  receive(data: Buffer): void {
    if (this.phase === 'DEFUNCT') {
      return;
    }
    try {
      if (this.phase === 'HANDSHAKE') {
        const complete = this.handshake.push(data);
        if (complete) {
          this.negotiate(complete.handshake);
          if ((this.phase as ConnectionPhase) === 'CONNECTED' && complete.rest.length > 0) {
            this.dechunker.write(complete.rest);
          }
        }
        return;
      }
      this.dechunker.write(data);
    } catch (error) {
      this.handler.violated?.();
      this.close(error instanceof ChunkingError ? `bad chunking: ${error.message}` : `receive failed: ${error}`, true);
    }
  }

  /**
   * Answers the current request with a FAILURE; from then on everything but RESET and GOODBYE is IGNORED. When the
   * peer behind has failed, it is IGNORED instead: a real server would not even look at the request. Only when no
   * earlier request awaits its reply (`awaitingReplies`).
   */
  fail(failure: BoltFailure): void {
    if (this.phase === 'DEFUNCT') {
      return;
    }
    if (this.awaitingReplies) {
      throw new Error('a local reply may not overtake the replies to earlier requests');
    }
    if (this.ledger.peerFailed) {
      this.replies.ignored();
    } else {
      this.replies.failure(failure);
    }
    this.phase = 'FAILED';
  }

  /** Handles queued requests again (after a WAIT: the peer's replies arrived). */
  proceed(): void {
    void this.pump();
  }

  /** Stops reading the client (back-pressure from the peer). */
  pauseReading(): void {
    if (!this.readingPaused && this.phase !== 'DEFUNCT') {
      this.readingPaused = true;
      this.channel.pause();
    }
  }

  /** Reads the client again, unless its queue is still too long. */
  resumeReading(): void {
    const { queueHighWater } = this.options;
    const low = queueHighWater === undefined ? Infinity : queueHighWater / 4;
    if (this.readingPaused && this.phase !== 'DEFUNCT' && this.queue.length <= low) {
      this.readingPaused = false;
      this.channel.resume();
    }
  }

  /** Closes the connection: gracefully (after the replies written so far) or abruptly. */
  close(reason: string, abrupt = false): void {
    if (this.phase === 'DEFUNCT') {
      return;
    }
    this.phase = 'DEFUNCT';
    this.reason = reason;
    if (abrupt) {
      this.channel.destroy();
    } else {
      void this.writer?.flush().catch(() => undefined);
      this.channel.end();
    }
    this.handler.closed(reason);
  }

  // ---------------------------------------------------------------------------------------- handshake

  private negotiate(handshake: Buffer): void {
    const answer = answerHandshake(handshake, this.options.versions);
    if (answer.outcome === 'not-bolt') {
      this.close('not a Bolt handshake (wrong preamble)', true);
      return;
    }
    if (answer.outcome === 'no-common-version') {
      this.channel.write(NO_VERSION);
      this.close(`no common Bolt version (client proposed ${handshake.subarray(4).toString('hex')})`);
      return;
    }
    const { version } = answer;
    this.agreed = version;
    this.dialect = isBolt5(version) ? BOLT5 : BOLT4;
    this.writer = new ReplyWriter(this.channel, this.dialect);
    this.phase = 'CONNECTED';
    this.channel.write(versionReply(version));
    this.handler.negotiated?.(version);
  }

  // ---------------------------------------------------------------------------------------- requests in order

  private enqueue(bytes: Buffer): void {
    if (this.phase === 'DEFUNCT') {
      return;
    }
    let request: ClientRequest;
    try {
      request = decodeRequest(bytes, this.dialect, this.options.strictUtf8);
      this.handler.arrived?.(request);
    } catch (error) {
      if (error instanceof PackStreamError) {
        this.handler.violated?.();
        this.close(`malformed message: ${error.message}`, true);
        return;
      }
      throw error;
    }
    this.queue.push(request);
    const { queueHighWater } = this.options;
    if (queueHighWater !== undefined && this.queue.length >= queueHighWater) {
      this.pauseReading();
    }
    void this.pump();
  }

  /** Handles queued requests in order until one has to wait (for a login, a slow answer, or a peer's replies). */
  private async pump(): Promise<void> {
    if (this.pumping) {
      return;
    }
    this.pumping = true;
    try {
      while (this.queue.length > 0 && this.phase !== 'DEFUNCT') {
        const outcome = this.dispatch(this.queue[0]);
        if (outcome === WAIT) {
          break;
        }
        this.queue.shift();
        if (outcome) {
          await outcome;
        }
        await this.writer?.flush();
        this.handler.handled?.();
      }
    } catch (error) {
      this.close(`internal error: ${(error as Error).stack ?? error}`, true);
    } finally {
      this.pumping = false;
    }
    this.resumeReading();
  }

  private dispatch(request: ClientRequest): Handled {
    const { type, fields } = request;
    if (type === 'UNKNOWN') {
      this.handler.violated?.();
      this.close(`unknown message tag 0x${request.tag.toString(16)}`, true);
      return;
    }
    if (type === 'GOODBYE') {
      if (this.awaitingReplies) {
        return WAIT; // the replies to what came before are still on their way
      }
      this.close('GOODBYE');
      return;
    }
    switch (this.phase) {
      case 'CONNECTED':
        return type === 'HELLO' ? this.hello(mapField(fields, 0)) : this.close(`expected HELLO, got ${type}`);
      case 'AUTHENTICATION':
        return type === 'LOGON' ? this.logIn(mapField(fields, 0)) : this.close(`expected LOGON, got ${type}`);
      case 'FAILED':
        if (type !== 'RESET') {
          if (this.awaitingReplies) {
            return WAIT;
          }
          this.replies.ignored();
          this.handler.ignored?.(request);
          return;
        }
        this.phase = 'READY';
        return this.handler.request(request);
      case 'READY':
        if (type === 'LOGOFF') {
          return this.logOff();
        }
        if (type === 'HELLO' || type === 'LOGON') {
          return this.close(`unexpected ${type}`);
        }
        return this.handler.request(request);
    }
  }

  // ---------------------------------------------------------------------------------------- login phases

  private hello(extra: Record<string, unknown>): Handled {
    if (typeof extra.user_agent !== 'string') {
      this.close('HELLO without user_agent');
      return;
    }
    const refusal = this.handler.hello(extra);
    if (refusal) {
      this.refuseLogin(refusal);
    } else if (this.dialect.bolt5) {
      // Bolt 5.1+: the credentials come in LOGON.
      this.replies.success(helloMetadata(this.connectionId));
      this.phase = 'AUTHENTICATION';
    } else {
      return this.logIn(extra);
    }
  }

  private logIn(auth: Record<string, unknown>): Handled {
    const outcome = this.handler.logIn(auth);
    if (outcome instanceof Promise) {
      return outcome.then((settled) => this.loggedIn(settled));
    }
    this.loggedIn(outcome);
  }

  private loggedIn(refusal: LoginOutcome): void {
    if (this.phase === 'DEFUNCT') {
      return;
    }
    if (refusal) {
      this.refuseLogin(refusal);
      return;
    }
    this.replies.success(helloMetadata(this.connectionId));
    this.phase = 'READY';
  }

  private logOff(): Handled {
    if (this.awaitingReplies) {
      return WAIT;
    }
    const reason = this.handler.logOff();
    if (reason !== undefined) {
      this.close(reason);
      return;
    }
    this.replies.success({});
    this.phase = 'AUTHENTICATION';
  }

  private refuseLogin({ reason, failure }: LoginRefusal): void {
    if (failure) {
      this.replies.failure(failure);
    }
    this.close(reason);
  }
}
