// The in-process server: a listener, one BoltSession per connection, the responders, and everything tests
// observe (runs, messages, connections, stats, waitFor).
import { EventEmitter } from 'node:events';
import {
  SUPPORTED_BOLT_VERSIONS,
  type BoltTestServer,
  type BoltTestServerOptions,
  type BoltVersion,
  type ConnectionInfo,
  type ReceivedMessage,
  type Responder,
  type RunRecord,
  type ServerRole,
  type ServerStats,
} from './api';
import { loadFixtureFile } from './jolt/fixture-file';
import { BoltSession, type SessionHost } from './protocol/session';
import { ResponderRegistry } from './responders/registry';
import { BoltListener, type ByteChannel } from '@opentruss/bolt-protocol';

const DEFAULT_WAIT_MS = 5000;

class TestServer implements BoltTestServer, SessionHost {
  readonly runs: RunRecord[] = [];
  readonly messages: ReceivedMessage[] = [];
  readonly users: Readonly<Record<string, string>> | undefined;
  readonly boltVersions: readonly BoltVersion[];
  private readonly registry = new ResponderRegistry();
  private readonly sessions: BoltSession[] = [];
  private readonly events = new EventEmitter();
  private listener?: BoltListener;
  private connectionCount = 0;
  private unansweredCount = 0;
  private silent = false;
  role: ServerRole;
  private boundPort = 0;

  constructor(private readonly options: BoltTestServerOptions) {
    this.users = options.users;
    this.role = options.role ?? 'main';
    this.boltVersions = options.boltVersions ?? SUPPORTED_BOLT_VERSIONS;
    const unknown = this.boltVersions.filter((v) => !SUPPORTED_BOLT_VERSIONS.includes(v));
    if (unknown.length > 0 || this.boltVersions.length === 0) {
      throw new Error(`boltVersions must be a non-empty subset of ${SUPPORTED_BOLT_VERSIONS.join(', ')}`);
    }
    const limit = options.historyLimit;
    if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
      throw new Error(`historyLimit must be a positive integer, got ${limit}`);
    }
    this.events.setMaxListeners(0);
  }

  get port(): number {
    return this.boundPort;
  }

  get url(): string {
    return `bolt://${this.options.host ?? '127.0.0.1'}:${this.boundPort}`;
  }

  get lastRun(): RunRecord | undefined {
    return this.runs[this.runs.length - 1];
  }

  get connections(): readonly ConnectionInfo[] {
    return this.sessions.map((s) => s.info);
  }

  loadResponders(): void {
    for (const file of this.options.fixtureFiles ?? []) {
      loadFixtureFile(file).forEach((r) => this.registry.add(r));
    }
    (this.options.responders ?? []).forEach((r) => this.registry.add(r));
  }

  async listen(port: number): Promise<void> {
    const listener = new BoltListener((channel, firstBytes) => this.accept(channel, firstBytes), {
      onUnanswered: () => {
        this.unansweredCount++;
        this.changed();
      },
    });
    listener.silent = this.silent;
    this.boundPort = await listener.listen(this.options.host ?? '127.0.0.1', port);
    this.listener = listener;
  }

  addResponder(responder: Responder): void {
    this.registry.add(responder);
  }

  clearResponders(): void {
    this.registry.clear();
  }

  setSilent(silent: boolean): void {
    this.silent = silent;
    if (this.listener) {
      this.listener.silent = silent;
    }
    this.changed();
  }

  setRole(role: ServerRole): void {
    this.role = role;
    this.changed();
  }

  async stop(): Promise<void> {
    const listener = this.listener;
    this.listener = undefined;
    this.sessions.forEach((s) => s.connection.close('server stopped', true));
    await listener?.close();
    this.changed();
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.listen(this.boundPort);
  }

  stats(): ServerStats {
    const open = this.sessions.filter((s) => s.info.open);
    return {
      openConnections: open.length,
      activeStreams: this.runs.filter((r) => r.outcome === 'streaming').length,
      openTransactions: open.filter((s) => s.inTransaction).length,
      totalConnections: this.connectionCount,
      unansweredConnections: this.unansweredCount,
    };
  }

  waitFor(predicate: (server: BoltTestServer) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        let done: boolean;
        try {
          done = predicate(this);
        } catch (error) {
          finish();
          reject(error);
          return;
        }
        if (done) {
          finish();
          resolve();
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`waitFor: condition not met within ${timeoutMs} ms (stats: ${JSON.stringify(this.stats())})`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.events.off('change', check);
      };
      this.events.on('change', check);
      check();
    });
  }

  // SessionHost

  takeResponder(query: string, parameters: Record<string, unknown>): Responder | undefined {
    return this.registry.take(query, parameters);
  }

  // Both wake `waitFor` at once: behind a hung query, the session's own change events stop.
  recordMessage(message: ReceivedMessage): void {
    this.messages.push(message);
    this.trim(this.messages);
    this.changed();
  }

  recordRun(run: RunRecord): void {
    this.runs.push(run);
    this.trim(this.runs);
    this.changed();
  }

  /** Drops the oldest entries in batches (a tenth of the limit), so trimming stays cheap per entry. */
  private trim(history: unknown[]): void {
    const limit = this.options.historyLimit;
    if (limit !== undefined && history.length > limit + Math.ceil(limit / 10)) {
      history.splice(0, history.length - limit);
    }
  }

  changed(): void {
    this.events.emit('change');
  }

  private accept(channel: ByteChannel, firstBytes: Buffer): void {
    this.connectionCount++;
    const session = new BoltSession(channel, this, `bolt-${this.connectionCount}`);
    // Closed sessions stay listed (their info is history tests read); only open ones count in stats.
    this.sessions.push(session);
    this.changed();
    if (firstBytes.length > 0) {
      session.connection.receive(firstBytes);
    }
  }
}

/** Starts a Memgraph-faithful Bolt server (raw TCP and WebSocket on one port). Stop it with `stop()`. */
export async function startBoltTestServer(options: BoltTestServerOptions = {}): Promise<BoltTestServer> {
  const server = new TestServer(options);
  server.loadResponders();
  await server.listen(options.port ?? 0);
  return server;
}
