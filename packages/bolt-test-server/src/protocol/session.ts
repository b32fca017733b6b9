// One Bolt connection, Memgraph's way, on the shared server connection of @opentruss/bolt-protocol (handshake,
// login phases, requests in order, IGNORED after a FAILURE until RESET). This session is the responder handler: it
// logs in against the configured users and answers RUN, PULL, DISCARD and transactions from the responders. Where
// Memgraph closes the connection on a message that makes no sense in the current state (RUN while a result is open,
// PULL with nothing to pull), so does this session. The rules it applies live beside it: authentication,
// transactions, run records and failures, result streaming.
// Longer than 300 lines on purpose: the open result, the transaction and their deadlines are one state machine whose
// transitions (RUN, PULL/DISCARD, BEGIN/COMMIT/ROLLBACK, RESET, LOGOFF, close) read best side by side.
import { isInt } from 'neo4j-driver';
import type {
  BoltFailure,
  BoltVersion,
  ConnectionInfo,
  ReceivedMessage,
  RecordsResponder,
  Responder,
  RunOutcome,
  RunRecord,
  ServerRole,
} from '../api';
import {
  errorCodes,
  mapField,
  memoryLimitExceeded,
  multicommandTransactionRefusal,
  routingTableUnavailable,
  ServerConnection,
  writeQueryOnReplica,
  type ByteChannel,
  type ClientRequest,
  type ConnectionHandler,
  type Handled,
  type LoginOutcome,
  type ReplyWriter,
} from '@opentruss/bolt-protocol';
import { queryKey } from '../responders/query-key';
import { ResultStream } from '../responders/result-stream';
import { finalSummary, unmatchedQuery } from './answers';
import { authenticate } from './authentication';
import { interruptible, pause, throwIfInterrupted, TransactionDeadline } from '../responders/interrupts';
import type { Refusal } from './refusals';
import { maskCredentials, timeoutOf, type Metadata } from './requests';
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

const never = new Promise<never>(() => undefined);

/** The responder says its query writes: the summary type Memgraph reports for it is `w` or `rw`. */
function declaresWrite(responder: Responder): boolean {
  const type = 'summary' in responder ? responder.summary?.type : undefined;
  return type === 'w' || type === 'rw';
}

export class BoltSession implements ConnectionHandler {
  readonly info: ConnectionInfo;
  /** The Bolt connection this session answers (its owner feeds it the first bytes, and closes it at stop). */
  readonly connection: ServerConnection;
  /** Aborted when the connection closes: whatever a query waits for stops. */
  private readonly gone = new AbortController();
  private transaction?: OpenTransaction;
  private result?: OpenResult;

  constructor(
    channel: ByteChannel,
    private readonly host: SessionHost,
    connectionId: string
  ) {
    this.info = { connectionId, transport: channel.transport, open: true };
    this.connection = new ServerConnection(channel, { connectionId, versions: host.boltVersions });
    this.connection.start(this);
  }

  get inTransaction(): boolean {
    return this.transaction !== undefined;
  }

  private get writer(): ReplyWriter {
    return this.connection.replies;
  }

  // ---------------------------------------------------------------------------------------- the connection's calls

  negotiated(version: BoltVersion): void {
    this.info.boltVersion = version;
    this.host.changed();
  }

  /** Records a request as it arrives (even if a hung query means it is never answered). */
  arrived({ type, fields }: ClientRequest): void {
    this.host.recordMessage({
      connectionId: this.info.connectionId,
      type,
      fields: maskCredentials(type, fields),
      receivedAt: Date.now(),
    });
  }

  handled(): void {
    this.host.changed();
  }

  request({ type, fields }: ClientRequest): Handled {
    switch (type) {
      case 'RUN':
        return this.run(fields);
      case 'PULL':
      case 'DISCARD':
        return this.pullOrDiscard(type, mapField(fields, 0));
      case 'BEGIN':
        return this.begin(mapField(fields, 0));
      case 'COMMIT':
      case 'ROLLBACK':
        return this.endTransactionRequest(type);
      case 'RESET':
        return this.reset();
      case 'TELEMETRY':
        this.writer.success({});
        return;
      case 'ROUTE':
        this.connection.fail(routingTableUnavailable);
        return;
      default:
        this.connection.close(`unexpected ${type}`);
    }
  }

  /** IGNORED after a FAILURE: a RUN is still recorded, as ignored. */
  ignored({ type, fields }: ClientRequest): void {
    if (type === 'RUN') {
      const run = newRunRecord(fields, this.info, this.transaction?.extra);
      run.outcome = 'ignored';
      this.host.recordRun(run);
    }
  }

  closed(reason: string): void {
    this.info.closeReason ??= reason;
    this.info.open = false;
    this.gone.abort('closed');
    this.closeResult('disconnected');
    this.endTransaction();
    this.host.changed();
  }

  // ---------------------------------------------------------------------------------------- authentication

  hello(extra: Metadata): LoginOutcome {
    this.info.userAgent = extra.user_agent as string;
    return undefined;
  }

  /** Logs in with HELLO/LOGON `auth`, or says why not (the connection is then closed). */
  logIn(auth: Metadata): LoginOutcome {
    const outcome = authenticate(auth, this.host.users);
    if ('kind' in outcome) {
      return outcome.kind === 'close'
        ? { reason: outcome.reason, failure: outcome.failureFirst }
        : { reason: outcome.failure.message, failure: outcome.failure };
    }
    this.info.principal = outcome.principal;
    return undefined;
  }

  logOff(): string | undefined {
    if (!this.connection.bolt5 || this.result) {
      return this.result ? 'LOGOFF while a result is open' : 'LOGOFF is not part of Bolt 4';
    }
    this.endTransaction();
    this.info.principal = undefined;
    return undefined;
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
    this.writer.success({});
  }

  // ---------------------------------------------------------------------------------------- queries

  private async run(fields: unknown[]): Promise<void> {
    if (this.result) {
      this.connection.close('RUN while a result is still open');
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
    const signal = AbortSignal.any([this.gone.signal, deadline.signal]);
    try {
      if (responder.hang) {
        // Nothing answers, not even the transaction timeout: only the client giving up ends this.
        await interruptible(never, this.gone.signal);
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
      this.connection.close(`${type} without an open result`);
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
        this.connection.close(`disconnectAfterRecords: ${responder.disconnectAfterRecords}`, true);
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
    this.connection.fail(failure);
  }

  /** Carries out a rule's refusal: FAILURE (then only RESET helps), or closing (after a FAILURE for bad credentials). */
  private refuse(refusal: Refusal): void {
    if (refusal.kind === 'fail') {
      this.connection.fail(refusal.failure);
      return;
    }
    if (refusal.failureFirst) {
      this.writer.failure(refusal.failureFirst);
    }
    this.connection.close(refusal.reason);
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
