// The public contract of the Bolt test server: what tests, fixtures and other packages program against.
// Values are neo4j-driver's own value classes (see README "Values"), so tests write them the way they read them.

import type { BoltFailure, BoltVersion, RequestType, Transport } from '@opentruss/bolt-protocol';

/** Bolt versions the server can negotiate, newest first — the ones Memgraph speaks (Bolt 1.0 aside). */
export { SUPPORTED_BOLT_VERSIONS } from '@opentruss/bolt-protocol';
export type { BoltFailure, BoltVersion, RequestType, Transport };

/** One result row: one value per field, in field order. */
export type Row = readonly unknown[];

/** What a responder sees of the RUN it answers. */
export interface RunRequest {
  query: string;
  parameters: Record<string, unknown>;
  /** The RUN's extra merged over the enclosing BEGIN's extra (mode, tx_timeout, db, tx_metadata, bookmarks …). */
  extra: Record<string, unknown>;
}

/** Which queries a responder answers: exact query text, a regular expression, or a predicate. */
export type QueryMatcher = string | RegExp | ((query: string, parameters: Record<string, unknown>) => boolean);

/** Rows as an array, or a function returning an (async) iterable so millions of rows never sit in memory. */
export type RecordSource = readonly Row[] | ((run: RunRequest) => Iterable<Row> | AsyncIterable<Row>);

interface ResponderCommon {
  match: QueryMatcher;
  /** Shown in errors and run records. */
  name?: string;
  /** Wait this long before answering the RUN (before the fields, or before the failure). */
  delayMs?: number;
  /** Never answer the RUN: the client must give up on its own (its timeout, closing the connection). */
  hang?: boolean;
  /** Answer this many RUNs, then stop matching (e.g. fail once, then let a retry reach another responder). */
  times?: number;
  /**
   * Memgraph runs this statement only auto-commit: inside BEGIN … COMMIT it fails at RUN with Memgraph's
   * MulticommandTxException naming the statement as given here (e.g. "Storage information query").
   */
  autoCommitOnly?: string;
}

export interface RecordsResponder extends ResponderCommon {
  fields: readonly string[];
  /** Defaults to no rows. */
  records?: RecordSource;
  /** Wait this long before each PULL batch after the first. */
  batchDelayMs?: number;
  /** Close the connection abruptly once this many records of the stream have been sent. */
  disconnectAfterRecords?: number;
  /** Merged into the final PULL/DISCARD summary (e.g. `type`, `stats`, `notifications`). */
  summary?: Record<string, unknown>;
  /**
   * The memory (MiB) this query needs: a RUN whose trailing `QUERY MEMORY LIMIT` is lower fails at its first
   * PULL/DISCARD — where Memgraph executes the plan — with Memgraph's memory-limit TransientError.
   */
  memoryMb?: number;
}

export interface FailureResponder extends ResponderCommon {
  failure: BoltFailure;
}

export type Responder = RecordsResponder | FailureResponder;

export type RunOutcome =
  | 'streaming' // answered, records still to be pulled (or still delaying / hanging)
  | 'completed' // every record sent and the final summary too
  | 'discarded' // the client sent DISCARD
  | 'reset' // RESET arrived while the result was open
  | 'disconnected' // the connection closed while the result was open (client gone, disconnectAfterRecords, stop())
  | 'failed' // answered with FAILURE (responder failure, unmatched query, bad parameters)
  | 'timed_out' // the transaction timeout (tx_timeout) expired first
  | 'ignored'; // arrived after a FAILURE, before RESET: answered IGNORED

/** Every RUN the server received, in arrival order. */
export interface RunRecord extends RunRequest {
  /** `bolt-N`, the HELLO `connection_id` of the connection that sent it. */
  connectionId: string;
  transport: Transport;
  /** True for RUNs inside BEGIN … COMMIT/ROLLBACK (managed and unmanaged transactions). */
  explicitTransaction: boolean;
  /** The responder that answered it (undefined when unmatched or ignored). */
  responder?: Responder;
  outcome: RunOutcome;
  recordsSent: number;
  /** Set when the outcome is `failed` or `timed_out`. */
  failure?: BoltFailure;
  receivedAt: number;
}

/** Every message the server received, in arrival order. Credentials are replaced by `'******'`. */
export interface ReceivedMessage {
  connectionId: string;
  type: RequestType;
  /** The message's fields, decoded into driver values (HELLO/LOGON credentials masked). */
  fields: unknown[];
  receivedAt: number;
}

export interface ConnectionInfo {
  connectionId: string;
  transport: Transport;
  /** Negotiated version, undefined until the handshake succeeded. */
  boltVersion?: BoltVersion;
  userAgent?: string;
  /** The authenticated principal ('' when no users are configured and the client sent none). */
  principal?: string;
  open: boolean;
  /** Why it closed: 'GOODBYE', 'closed by the client', 'authentication failure', a protocol violation … */
  closeReason?: string;
}

export interface ServerStats {
  openConnections: number;
  /** Results answered but not yet finished (streaming, delaying or hanging). */
  activeStreams: number;
  openTransactions: number;
  totalConnections: number;
  /** Connections accepted while silent (`setSilent(true)`), never answered and not in `totalConnections`. */
  unansweredConnections: number;
}

export interface BoltTestServerOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Absent: any credentials are accepted, like Memgraph without users. */
  users?: Record<string, string>;
  responders?: Responder[];
  /** Jolt fixture files, loaded before `responders`. */
  fixtureFiles?: string[];
  /** Versions offered in the handshake, default all of SUPPORTED_BOLT_VERSIONS (e.g. ['4.4'] to test Bolt 4). */
  boltVersions?: readonly BoltVersion[];
  /** Keep only about this many of the latest `runs` and `messages` (long-running demos); default: all. */
  historyLimit?: number;
  /**
   * `replica`: like a Memgraph REPLICA, a RUN whose responder declares a write (`summary.type` `w` or `rw`, what
   * Memgraph reports for a query that writes) fails with Memgraph's WriteQueryOnReplicaException. Default `main`.
   */
  role?: ServerRole;
}

export type ServerRole = 'main' | 'replica';

export interface BoltTestServer {
  readonly port: number;
  /** `bolt://127.0.0.1:<port>`: the same URL serves neo4j-driver over TCP (Node) and WebSocket (browser). */
  readonly url: string;
  /** Later responders win: a responder added by a test overrides fixture entries that match the same query. */
  addResponder(responder: Responder): void;
  clearResponders(): void;
  /** Closes every connection and the listener. Idempotent. */
  stop(): Promise<void>;
  /** Like a Memgraph restart: every connection dropped, then listening again on the same port. */
  restart(): Promise<void>;
  /**
   * While silent, new connections are accepted and never answered — no Bolt handshake, no WebSocket upgrade — like a
   * host whose Memgraph hangs or a proxy with nothing behind it; they are counted in `stats().unansweredConnections`
   * and dropped by `stop()`. Open connections carry on. `setSilent(false)` answers new connections again.
   */
  setSilent(silent: boolean): void;
  /** The replication role from now on (a `SET REPLICATION ROLE` done from outside). */
  setRole(role: ServerRole): void;
  readonly role: ServerRole;
  readonly runs: readonly RunRecord[];
  readonly lastRun: RunRecord | undefined;
  readonly messages: readonly ReceivedMessage[];
  readonly connections: readonly ConnectionInfo[];
  stats(): ServerStats;
  /** Resolves once `predicate(server)` holds (checked on every server event); rejects after `timeoutMs`. */
  waitFor(predicate: (server: BoltTestServer) => boolean, timeoutMs?: number): Promise<void>;
}
