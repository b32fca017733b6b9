// The one Bolt client: a TCP connection to a Bolt server, in three phases.
//   raw       bytes as they are: the handshake and its 4-byte reply (and exact bytes a test writes)
//   messages  requests out, and each reply routed to the request it answers (Bolt answers in order): RECORDs are
//             collected until the request's summary (SUCCESS, FAILURE or IGNORED)
//   piped     the connection handed over as a ByteChannel (`pipe()`): bytes pass on undecoded, as the gateway's
//             relay uses its link to Memgraph after logging in
// Every wait is bounded. A timeout or bytes that are not Bolt end the connection (the stream can no longer be trusted)
// and reject every waiter with one BoltClientError that names the server and what was awaited.
import type net from 'node:net';
import { Dechunker } from '../channel/dechunker';
import { encodeMessage } from '../bolt/encode-message';
import { PackStreamReader, type Structure } from '../packstream/reader';
import { createHydrator } from '../packstream/hydrate';
import { BOLT4, BOLT5, type Dialect } from '../packstream/values';
import { proposalFor, versionReply } from '../bolt/handshake';
import { requestTags, requestTypes } from '../bolt/messages';
import { isBolt5, type BoltVersion } from '../bolt/versions';
import { BoltPipe } from './bolt-pipe';
import { BoltClientError } from './client-error';
import { connectSocket, serverNameOf, type BoltClientOptions } from './connect';
import { ReplyRouter, type BoltReply } from './reply-router';

export class BoltClient {
  readonly serverName: string;
  protected readonly timeoutMs: number;
  private phase: 'raw' | 'messages' | 'piped' = 'raw';
  private received: Buffer = Buffer.alloc(0);
  private dialect: Dialect = BOLT5;
  private dechunker?: Dechunker;
  private readonly replies: ReplyRouter;
  private readonly waiters = new Set<() => void>();
  private closed = false;
  private closeCause = '';
  private failure?: BoltClientError;

  protected constructor(
    protected readonly socket: net.Socket,
    options: BoltClientOptions
  ) {
    this.serverName = serverNameOf(options);
    this.replies = new ReplyRouter(this.serverName);
    this.timeoutMs = options.timeoutMs;
    socket.on('data', this.onData);
    socket.on('error', (error: NodeJS.ErrnoException) => (this.closeCause ||= error.code ?? error.message));
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  static async open(options: BoltClientOptions): Promise<BoltClient> {
    return new BoltClient(await connectSocket(options), options);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Writes bytes as they are (requests are small; the pipe is where back-pressure matters). */
  send(bytes: Buffer): void {
    if (!this.socket.destroyed) {
      this.socket.write(bytes);
    }
  }

  /** Raw phase: the next `n` bytes; fewer if the server closed the connection first. */
  readBytes(n: number, timeoutMs = this.timeoutMs): Promise<Buffer> {
    return this.readRaw(n, timeoutMs, `send ${n} bytes`);
  }

  private readRaw(n: number, timeoutMs: number, what: string): Promise<Buffer> {
    if (this.phase !== 'raw') {
      return Promise.reject(new BoltClientError('usage', 'readBytes: the client already reads messages'));
    }
    return this.until(what, timeoutMs, () => {
      if (this.received.length < n && !this.closed) {
        return undefined;
      }
      const bytes = this.received.subarray(0, n);
      this.received = this.received.subarray(n);
      return bytes;
    });
  }

  /**
   * Proposes `version` (or sends `proposal`, e.g. a driver's) and checks that the server chose `version`; then reads
   * messages in that version's dialect.
   */
  async handshake(version: BoltVersion, timeoutMs = this.timeoutMs, proposal = proposalFor(version)): Promise<void> {
    this.send(proposal);
    const reply = await this.readRaw(4, timeoutMs, 'answer the Bolt handshake');
    if (reply.length < 4) {
      throw this.closedError('during the Bolt handshake');
    }
    if (!reply.equals(versionReply(version))) {
      throw this.fail(
        new BoltClientError('version', `${this.serverName} does not speak Bolt ${version} (answered ${reply.toString('hex')})`)
      );
    }
    this.startMessages(isBolt5(version) ? BOLT5 : BOLT4);
  }

  /** Leaves the raw phase: what follows the handshake reply is chunked messages. */
  startMessages(dialect: Dialect = BOLT5): void {
    this.phase = 'messages';
    this.dialect = dialect;
    this.dechunker = new Dechunker((bytes) => this.onMessage(bytes));
    const rest = this.received;
    this.received = Buffer.alloc(0);
    if (rest.length > 0) {
      this.onData(rest);
    }
  }

  /** Sends one request and resolves with its reply (RECORDs and summary). Several may be in flight at once. */
  request(tag: number, fields: readonly unknown[] = [], timeoutMs = this.timeoutMs): Promise<BoltReply> {
    if (this.phase !== 'messages') {
      const request = requestTypes[tag] ?? `message 0x${tag.toString(16)}`;
      return Promise.reject(new BoltClientError('usage', `${request} before the handshake, or after pipe() (${this.phase} phase)`));
    }
    let bytes: Buffer;
    try {
      bytes = encodeMessage(tag, fields, this.dialect);
    } catch (error) {
      return Promise.reject(error);
    }
    const pending = this.replies.expect(tag);
    this.send(bytes);
    return this.until(`answer ${pending.request}`, timeoutMs, () => {
      if (pending.reply) {
        return pending.reply;
      }
      if (this.closed) {
        throw this.closedError(`before answering ${pending.request}`);
      }
      return undefined;
    });
  }

  run(query: string, parameters: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Promise<BoltReply> {
    return this.request(requestTags.RUN, [query, parameters, extra]);
  }

  /** PULL `n` records (all by default) of the last result; `n` goes out as a Bolt Integer. */
  pull(n: number | bigint = -1): Promise<BoltReply> {
    return this.request(requestTags.PULL, [{ n: BigInt(n) }]);
  }

  reset(): Promise<BoltReply> {
    return this.request(requestTags.RESET);
  }

  /** GOODBYE has no reply: the server closes the connection, which this waits for (bounded), then lets go. */
  async goodbye(timeoutMs = this.timeoutMs): Promise<void> {
    this.send(encodeMessage(requestTags.GOODBYE, [], this.dialect));
    try {
      await this.waitForClose(timeoutMs);
    } finally {
      this.destroy();
    }
  }

  /** Messages phase: the next message no request was waiting for. */
  readMessage(timeoutMs = this.timeoutMs): Promise<Structure> {
    return this.until('send a message', timeoutMs, () => {
      const next = this.replies.unrequested.shift();
      if (next) {
        return next;
      }
      if (this.closed) {
        throw this.closedError('before a message arrived');
      }
      return undefined;
    });
  }

  waitForClose(timeoutMs = this.timeoutMs): Promise<void> {
    // A failure elsewhere destroys the socket, so the close it waits for still comes.
    const closed = () => (this.closed ? true : undefined);
    return this.until('close the connection', timeoutMs, closed, false).then(() => undefined);
  }

  /**
   * Hands the connection over as a byte channel, paused until attached: nothing read is lost, nothing more is decoded.
   * Only between requests: every request answered, and no message arrived that nobody asked for. (Part of an unasked
   * message read together with the last reply stays with the decoder; the relay then sees framing that does not start
   * at a chunk and fails on it. A Bolt server sends nothing unasked, so either way it is the server's error.)
   */
  pipe(): BoltPipe {
    if (this.phase !== 'messages' || this.replies.outstanding > 0 || this.failure) {
      throw new BoltClientError('usage', `pipe: only after the handshake, with every request answered (${this.phase})`);
    }
    const unrequested = this.replies.unrequested.length;
    if (unrequested > 0) {
      throw this.fail(new BoltClientError('malformed', `${this.serverName} sent ${unrequested} message(s) nobody asked for`));
    }
    this.phase = 'piped';
    this.socket.pause(); // before the listener goes: a flowing socket without one drops what it reads
    this.socket.off('data', this.onData);
    return new BoltPipe(this.socket, this.closed);
  }

  destroy(): void {
    this.socket.destroy();
  }

  private readonly onData = (data: Buffer): void => {
    if (this.phase === 'raw') {
      this.received = this.received.length === 0 ? data : Buffer.concat([this.received, data]);
    } else {
      try {
        this.dechunker!.write(data);
      } catch (error) {
        this.fail(
          error instanceof BoltClientError
            ? error
            : new BoltClientError('malformed', `${this.serverName} sent something that is not Bolt (${(error as Error).message})`)
        );
        return;
      }
    }
    this.wake();
  };

  private onMessage(bytes: Buffer): void {
    this.replies.route(new PackStreamReader(bytes, createHydrator(this.dialect)).readMessage());
  }

  /** Ends the connection for good; every waiter rejects with `error` (returned, to be thrown). */
  private fail(error: BoltClientError): BoltClientError {
    this.failure ??= error;
    this.socket.destroy();
    this.wake();
    return this.failure;
  }

  private closedError(when: string): BoltClientError {
    const cause = this.closeCause ? ` (${this.closeCause})` : '';
    return this.failure ?? new BoltClientError('closed', `${this.serverName} closed the connection ${when}${cause}`);
  }

  private wake(): void {
    for (const check of [...this.waiters]) {
      check();
    }
  }

  /** Resolves with `ready()`'s first defined value; a timeout fails the connection (`did not <what> within …`). */
  private until<T>(what: string, timeoutMs: number, ready: () => T | undefined, failFast = true): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const settle = (action: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        action();
      };
      const check = () => {
        let value: T | undefined;
        try {
          value = ready();
        } catch (error) {
          settle(() => reject(error));
          return;
        }
        if (value !== undefined) {
          settle(() => resolve(value));
        } else if (this.failure && failFast) {
          const failure = this.failure;
          settle(() => reject(failure));
        }
      };
      const timer = setTimeout(() => {
        const failure = this.fail(new BoltClientError('timeout', `${this.serverName} did not ${what} within ${timeoutMs} ms`));
        settle(() => reject(failure));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }
}
