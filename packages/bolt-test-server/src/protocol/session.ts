// One Bolt connection, Memgraph's way: handshake, HELLO/LOGON, then messages answered strictly in order.
// Where Memgraph closes the connection on a message that makes no sense in the current state (RUN while a
// result is open, PULL with nothing to pull, anything but HELLO first), so does this session.
// This module is the state machine and its wiring; the rules it applies live beside it: authentication,
// transactions, run records and failures, result streaming (and the handshake in @opentruss/bolt-protocol).
import { isInt } from 'neo4j-driver';
import type {
  BoltFailure,
  BoltVersion,
  ConnectionInfo,
  ReceivedMessage,
  RecordsResponder,
  RequestType,
  Responder,
  RunOutcome,
  RunRecord,
  ServerRole,
} from '../api';
import {
  answerHandshake,
  BOLT4,
  BOLT5,
  ChunkingError,
  createHydrator,
  Dechunker,
  errorCodes,
  HandshakeReader,
  helloMetadata,
  isBolt5,
  memoryLimitExceeded,
  multicommandTransactionRefusal,
  NO_VERSION,
  PackStreamError,
  PackStreamReader,
  requestTypes,
  routingTableUnavailable,
  versionReply,
  writeQueryOnReplica,
  type ByteChannel,
  type Dialect,
} from '@opentruss/bolt-protocol';
import { queryKey } from '../responders/query-key';
import { ResultStream } from '../responders/result-stream';
import { finalSummary, unmatchedQuery } from './answers';
import { authenticate } from './authentication';
import { interruptible, pause, throwIfInterrupted, TransactionDeadline } from './interrupts';
import type { Refusal } from './refusals';
import { maskCredentials, metadataField, timeoutOf, type Metadata, type Request } from './requests';
import { ResponseWriter } from './response-writer';
import { streamRows, type OpenResult } from './result-streaming';
import { MemgraphFailure, runFailureOf } from './run-failures';
import { finishRun, newRunRecord } from './run-records';
import { beginRefusal, endRefusal, openTransaction, type OpenTransaction } from './transactions';

/** What a session needs from the server that owns it. */
export interface SessionHost {
  readonly users: Readonly<Record<string, string>> | undefined;
  readonly boltVersions: readonly BoltVersion[];
  readonly role: ServerRole;
  takeResponder(query: string, parameters: Record<string, unknown>): Responder | undefined;
  recordMessage(message: ReceivedMessage): void;
  recordRun(run: RunRecord): void;
  /** Something observable changed (wakes `waitFor`). */
  changed(): void;
}

type Phase = 'HANDSHAKE' | 'CONNECTED' | 'AUTHENTICATION' | 'READY' | 'FAILED' | 'DEFUNCT';

const never = new Promise<never>(() => undefined);

/** The responder says its query writes: the summary type Memgraph reports for it is `w` or `rw`. */
function declaresWrite(responder: Responder): boolean {
  const type = 'summary' in responder ? responder.summary?.type : undefined;
  return type === 'w' || type === 'rw';
}

export class BoltSession {
  readonly info: ConnectionInfo;
  private phase: Phase = 'HANDSHAKE';
  private readonly handshake = new HandshakeReader();
  private dialect: Dialect = BOLT5;
  private writer!: ResponseWriter;
  private readonly dechunker = new Dechunker((message) => this.enqueue(message));
  private readonly queue: Request[] = [];
  private processing = false;
  private readonly closed = new AbortController();
  private transaction?: OpenTransaction;
  private result?: OpenResult;

  constructor(
    private readonly channel: ByteChannel,
    private readonly host: SessionHost,
    connectionId: string
  ) {
    this.info = { connectionId, transport: channel.transport, open: true };
    channel.attach({ onData: (data) => this.receive(data), onClose: () => this.onChannelClosed() });
  }

  get inTransaction(): boolean {
    return this.transaction !== undefined;
  }

  /** Bytes from the transport, split or merged in any way. */
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
        if (this.info.boltVersion && rest.length > 0) {
          this.dechunker.write(rest);
        }
        return;
      }
      this.dechunker.write(data);
    } catch (error) {
      this.close(error instanceof ChunkingError ? `bad chunking: ${error.message}` : `receive failed: ${error}`, true);
    }
  }

  /** Drops the connection abruptly (server stop/restart). */
  destroy(reason: string): void {
    this.close(reason, true);
  }

  // ---------------------------------------------------------------------------------------- handshake

  private negotiate(handshake: Buffer): void {
    const answer = answerHandshake(handshake, this.host.boltVersions);
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
    this.dialect = isBolt5(version) ? BOLT5 : BOLT4;
    this.writer = new ResponseWriter(this.channel, this.dialect);
    this.info.boltVersion = version;
    this.phase = 'CONNECTED';
    this.channel.write(versionReply(version));
    this.host.changed();
  }

  // ---------------------------------------------------------------------------------------- message loop

  /** Decodes and records a message as it arrives (even if a hung query means it is never answered). */
  private enqueue(bytes: Buffer): void {
    if (this.phase === 'DEFUNCT') {
      return;
    }
    let tag: number;
    let fields: unknown[];
    try {
      ({ tag, fields } = new PackStreamReader(bytes, createHydrator(this.dialect)).readMessage());
    } catch (error) {
      if (error instanceof PackStreamError) {
        this.close(`malformed message: ${error.message}`, true);
        return;
      }
      throw error;
    }
    const type: RequestType = requestTypes[tag] ?? 'UNKNOWN';
    this.host.recordMessage({
      connectionId: this.info.connectionId,
      type,
      fields: maskCredentials(type, fields),
      receivedAt: Date.now(),
    });
    this.queue.push({ tag, type, fields });
    if (!this.processing) {
      this.processing = true;
      void this.processQueue();
    }
  }

  private async processQueue(): Promise<void> {
    try {
      while (this.queue.length > 0 && this.phase !== 'DEFUNCT') {
        await this.handle(this.queue.shift()!);
        await this.writer.flush();
        this.host.changed();
      }
    } catch (error) {
      this.close(`internal error: ${(error as Error).stack ?? error}`, true);
    } finally {
      this.processing = false;
    }
  }

  private async handle({ tag, type, fields }: Request): Promise<void> {
    if (type === 'UNKNOWN') {
      this.close(`unknown message tag 0x${tag.toString(16)}`, true);
      return;
    }
    if (type === 'GOODBYE') {
      this.close('GOODBYE');
      return;
    }
    switch (this.phase) {
      case 'CONNECTED':
        return type === 'HELLO' ? this.hello(metadataField(fields, 0)) : this.close(`expected HELLO, got ${type}`);
      case 'AUTHENTICATION':
        return type === 'LOGON' ? this.logon(metadataField(fields, 0)) : this.close(`expected LOGON, got ${type}`);
      case 'FAILED':
        return this.whileFailed(type, fields);
      case 'READY':
        return this.ready(type, fields);
    }
  }

  private async ready(type: RequestType, fields: unknown[]): Promise<void> {
    switch (type) {
      case 'RUN':
        return this.run(fields);
      case 'PULL':
      case 'DISCARD':
        return this.pullOrDiscard(type, metadataField(fields, 0));
      case 'BEGIN':
        return this.begin(metadataField(fields, 0));
      case 'COMMIT':
      case 'ROLLBACK':
        return this.endTransactionRequest(type);
      case 'RESET':
        return this.reset();
      case 'LOGOFF':
        return this.logoff();
      case 'TELEMETRY':
        this.writer.success({});
        return;
      case 'ROUTE':
        this.failWithoutRun(routingTableUnavailable);
        return;
      default:
        this.close(`unexpected ${type}`);
    }
  }

  /** After a FAILURE: everything is IGNORED until RESET. */
  private whileFailed(type: RequestType, fields: unknown[]): void {
    if (type === 'RESET') {
      this.reset();
      return;
    }
    if (type === 'RUN') {
      const run = newRunRecord(fields, this.info, this.transaction?.extra);
      run.outcome = 'ignored';
      this.host.recordRun(run);
    }
    this.writer.ignored();
  }

  // ---------------------------------------------------------------------------------------- authentication

  private hello(extra: Metadata): void {
    if (typeof extra.user_agent !== 'string') {
      this.close('HELLO without user_agent');
      return;
    }
    this.info.userAgent = extra.user_agent;
    if (this.dialect.bolt5) {
      // Bolt 5.1+: credentials come in LOGON.
      this.writer.success(helloMetadata(this.info.connectionId));
      this.phase = 'AUTHENTICATION';
    } else if (this.logIn(extra)) {
      this.writer.success(helloMetadata(this.info.connectionId));
      this.phase = 'READY';
    }
  }

  private logon(auth: Metadata): void {
    if (this.logIn(auth)) {
      this.writer.success(helloMetadata(this.info.connectionId));
      this.phase = 'READY';
    }
  }

  private logoff(): void {
    if (!this.dialect.bolt5 || this.result) {
      this.close(this.result ? 'LOGOFF while a result is open' : 'LOGOFF is not part of Bolt 4');
      return;
    }
    this.endTransaction();
    this.info.principal = undefined;
    this.writer.success({});
    this.phase = 'AUTHENTICATION';
  }

  /** Logs in with HELLO/LOGON `auth`; false when refused (the connection is then closed). */
  private logIn(auth: Metadata): boolean {
    const outcome = authenticate(auth, this.host.users);
    if ('kind' in outcome) {
      this.refuse(outcome);
      return false;
    }
    this.info.principal = outcome.principal;
    return true;
  }

  // ---------------------------------------------------------------------------------------- transactions

  private begin(extra: Metadata): void {
    const refusal = beginRefusal(this.result !== undefined, this.transaction);
    if (refusal) {
      this.refuse(refusal);
      return;
    }
    this.transaction = openTransaction(extra);
    this.writer.success({});
  }

  private endTransactionRequest(type: 'COMMIT' | 'ROLLBACK'): void {
    const refusal = endRefusal(type, this.result !== undefined, this.transaction);
    if (refusal) {
      this.refuse(refusal);
      return;
    }
    this.endTransaction();
    this.writer.success({});
  }

  private endTransaction(): void {
    this.transaction?.deadline.cancel();
    this.transaction = undefined;
  }

  private reset(): void {
    this.closeResult('reset');
    this.endTransaction();
    this.phase = 'READY';
    this.writer.success({});
  }

  // ---------------------------------------------------------------------------------------- queries

  private async run(fields: unknown[]): Promise<void> {
    if (this.result) {
      this.close('RUN while a result is still open');
      return;
    }
    const run = newRunRecord(fields, this.info, this.transaction?.extra);
    this.host.recordRun(run);
    const transaction = this.transaction;
    const deadline = transaction?.deadline ?? new TransactionDeadline(timeoutOf(run.extra));
    const releaseDeadline = () => {
      if (!transaction) {
        deadline.cancel();
      }
    };
    let responder: Responder | undefined;
    try {
      responder = this.host.takeResponder(run.query, run.parameters);
    } catch (error) {
      releaseDeadline();
      this.fail(run, { code: errorCodes.client, message: (error as Error).message });
      return;
    }
    if (!responder) {
      releaseDeadline();
      this.fail(run, unmatchedQuery(run.query));
      return;
    }
    run.responder = responder;
    if (this.host.role === 'replica' && declaresWrite(responder)) {
      // Memgraph refuses it when preparing the query, before any delay or record (src/query/interpreter.cpp).
      releaseDeadline();
      this.fail(run, writeQueryOnReplica);
      return;
    }
    if (transaction && responder.autoCommitOnly) {
      // Refused when prepared too (PrepareSystemInfoQuery and its siblings check in_explicit_transaction first).
      releaseDeadline();
      this.fail(run, multicommandTransactionRefusal(responder.autoCommitOnly));
      return;
    }
    const signal = AbortSignal.any([this.closed.signal, deadline.signal]);
    try {
      if (responder.hang) {
        // Nothing answers, not even the transaction timeout: only the client giving up ends this.
        await interruptible(never, this.closed.signal);
      }
      if (responder.delayMs) {
        await pause(responder.delayMs, signal);
      }
      throwIfInterrupted(signal);
      if ('failure' in responder) {
        releaseDeadline();
        this.fail(run, responder.failure);
        return;
      }
      const stream = new ResultStream(responder, run);
      const metadata: Metadata = { fields: [...responder.fields] };
      if (transaction) {
        metadata.qid = BigInt(transaction.nextQid++);
      }
      this.writer.success(metadata);
      this.result = { run, responder, stream, deadline, ownsDeadline: !transaction, signal };
    } catch (error) {
      releaseDeadline();
      this.settleFailedRun(run, error);
    }
  }

  private async pullOrDiscard(type: 'PULL' | 'DISCARD', extra: Metadata): Promise<void> {
    const result = this.result;
    if (!result) {
      this.close(`${type} without an open result`);
      return;
    }
    const { run, responder, stream, signal } = result;
    const n = isInt(extra.n) ? extra.n.toNumber() : -1;
    try {
      throwIfInterrupted(signal);
      if (type === 'DISCARD' && n < 0) {
        // Discarding everything needs no rows: an endless generator must not be drained.
        this.finishResult('discarded');
        return;
      }
      if (stream.pullsAnswered === 0) {
        checkMemoryLimit(responder, run.query);
      }
      if (type === 'PULL' && stream.pullsAnswered > 0 && responder.batchDelayMs) {
        await pause(responder.batchDelayMs, signal);
      }
      stream.pullsAnswered++;
      if (await streamRows(result, this.writer, type === 'PULL' ? 'send' : 'skip', n)) {
        this.close(`disconnectAfterRecords: ${responder.disconnectAfterRecords}`, true);
        return; // disconnected on purpose
      }
      if (await stream.hasMore(signal)) {
        this.writer.success({ has_more: true });
      } else {
        this.finishResult(type === 'PULL' ? 'completed' : 'discarded');
      }
    } catch (error) {
      this.closeResult();
      this.settleFailedRun(run, error);
    }
  }

  private finishResult(outcome: 'completed' | 'discarded'): void {
    const result = this.result!;
    this.writer.success(finalSummary(result.responder.summary));
    this.closeResult();
    finishRun(result.run, outcome);
  }

  /** Ends the open result; `outcome` is recorded if the run was still streaming. */
  private closeResult(outcome?: RunOutcome): void {
    const result = this.result;
    if (!result) {
      return;
    }
    this.result = undefined;
    result.stream.close();
    if (result.ownsDeadline) {
      result.deadline.cancel();
    }
    if (outcome) {
      finishRun(result.run, outcome);
    }
  }

  /** A run that ended by interruption or by a broken responder. */
  private settleFailedRun(run: RunRecord, error: unknown): void {
    const failure = runFailureOf(error);
    if (failure.outcome === 'disconnected') {
      finishRun(run, 'disconnected');
    } else {
      this.fail(run, failure.failure, failure.outcome);
    }
  }

  private fail(run: RunRecord, failure: BoltFailure, outcome: RunOutcome = 'failed'): void {
    finishRun(run, outcome, failure);
    this.failWithoutRun(failure);
  }

  /** Carries out a rule's refusal: FAILURE (then only RESET helps), or closing (after a FAILURE for bad credentials). */
  private refuse(refusal: Refusal): void {
    if (refusal.kind === 'fail') {
      this.failWithoutRun(refusal.failure);
      return;
    }
    if (refusal.failureFirst) {
      this.writer.failure(refusal.failureFirst);
    }
    this.close(refusal.reason);
  }

  private failWithoutRun(failure: BoltFailure): void {
    if (this.phase === 'DEFUNCT') {
      return;
    }
    this.writer.failure(failure);
    this.phase = 'FAILED';
  }

  // ---------------------------------------------------------------------------------------- closing

  private close(reason: string, abrupt = false): void {
    if (this.phase === 'DEFUNCT') {
      return;
    }
    this.info.closeReason ??= reason;
    this.phase = 'DEFUNCT';
    if (abrupt) {
      this.channel.destroy();
    } else {
      void this.writer?.flush().catch(() => undefined);
      this.channel.end();
    }
    this.onChannelClosed();
  }

  private onChannelClosed(): void {
    if (!this.info.open) {
      return;
    }
    this.info.open = false;
    this.info.closeReason ??= 'closed by the client';
    this.phase = 'DEFUNCT';
    this.closed.abort('closed');
    this.closeResult('disconnected');
    this.endTransaction();
    this.host.changed();
  }
}


/** Memgraph runs the plan at the first PULL/DISCARD: a query needing more than its QUERY MEMORY LIMIT fails there. */
function checkMemoryLimit(responder: RecordsResponder, query: string): void {
  const { memoryLimitBytes } = queryKey(query);
  const needs = responder.memoryMb === undefined ? undefined : responder.memoryMb * 1024 * 1024;
  if (needs !== undefined && memoryLimitBytes !== undefined && needs > memoryLimitBytes) {
    const chunk = Math.min(needs, 1024 * 1024);
    throw new MemgraphFailure(memoryLimitExceeded(chunk, memoryLimitBytes - 1 + chunk, memoryLimitBytes));
  }
}
