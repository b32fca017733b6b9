import neo4j, { type Driver, type Session } from 'neo4j-driver';
import { Observable } from 'rxjs';

import { type CypherResult, ResultCollector } from '../model/cypherResult';
import type { CypherStatement } from '../model/statement';
import {
  DeadlineExceeded,
  describeFailure,
  type FailureContext,
  type GaveUpWaitingFor,
  isConnectionFailure,
  isLostConnection,
} from './errors';
import { type ConnectionState, sessionConnection, type SessionConnection } from './sessionConnection';

export interface RunOptions {
  database?: string;
  maxRows: number;
  fetchSize: number;
  /** Sent as Bolt `tx_timeout`. */
  timeoutMs: number;
  /** SHOW … queries are refused inside explicit transactions, so they run auto-commit. */
  autoCommit?: boolean;
  failureContext: FailureContext;
  /** Called when, after the deadline, the session does not close in time either: the caller drops the driver. */
  onStuck?: () => void;
}

/** How long after the query timeout the browser stops waiting for Memgraph's own timeout error. */
export const DEADLINE_GRACE_MS = 2_000;
/** How long a cancelled stream may take to stop cleanly (DISCARD at the next batch) before its connection is dropped. */
const CANCEL_GRACE_MS = 3_000;
/** Without the driver internals that drop one connection: how long a forced close (RESET) may take before the driver is dropped. */
const STUCK_SESSION_MS = 3_000;

/**
 * Sessions of each driver that hold or wait for a pooled connection (from the query's start until its session has
 * closed), so a query that gave up while waiting for the pool can tell "every connection busy" from "no answer".
 */
const sessionsInUse = new WeakMap<Driver, number>();
const countSession = (driver: Driver, delta: number) =>
  sessionsInUse.set(driver, (sessionsInUse.get(driver) ?? 0) + delta);

/**
 * Runs one statement in its own READ session and emits the result once. User queries run inside an explicit READ
 * transaction that is always rolled back: Memgraph (≥ 3.2) enforces READ mode only there, and a rollback keeps
 * nothing even on older servers.
 *
 * Stopping early (row cap, unsubscribe) discards the rest of the result on the server at the next batch boundary
 * (DISCARD), rolls back and closes the session, so the connection goes back to the pool in a clean state. A stream
 * that does not stop within CANCEL_GRACE_MS, or a server that misses the deadline (query timeout + a short grace),
 * gets its connection dropped at once (see sessionConnection.ts): the pool frees that slot immediately and the next
 * query opens a fresh connection instead of queueing behind a hung one. Every failure becomes a MemgraphError;
 * nothing waits longer than the deadline.
 *
 * One query makes one connection attempt: the driver bounds it by the connection timeout, and a retry would double
 * what the user set. Only a pooled connection that was handed over and then turned out closed by the server (e.g.
 * Memgraph restarted since) is replaced once, on a fresh connection, within the same deadline.
 */
/** What runCypher sends; whether it runs auto-commit is the caller's RunOptions (MemgraphConnection reads the kind). */
type StatementText = Pick<CypherStatement, 'text' | 'parameters'>;

export function runCypher(driver: Driver, statement: StatementText, options: RunOptions): Observable<CypherResult> {
  return new Observable<CypherResult>((subscriber) => {
    let rowsReceived = 0;
    let running = true;
    let forceCloseTimer: ReturnType<typeof setTimeout> | undefined;
    const begin = (): Attempt => {
      const session = driver.session({
        defaultAccessMode: neo4j.session.READ,
        database: options.database || undefined,
        // One record past the cap tells "exactly maxRows" from "more than maxRows".
        fetchSize: Math.min(options.fetchSize, options.maxRows + 1),
      });
      const poolWasFull = (sessionsInUse.get(driver) ?? 0) >= options.failureContext.maxConnections;
      countSession(driver, 1);
      const startedAt = Date.now();
      const stream = startStream(session, statement, options, (count) => (rowsReceived = count));
      return { session, stream, connection: sessionConnection(session), startedAt, poolWasFull, closing: undefined };
    };
    let current = begin();
    const describe = (error: unknown) => describeFailure(error, { ...options.failureContext, rowsReceived });
    const giveUp = (reason: string) => abandon(current, reason, options.onStuck, () => closeAttempt(driver, current));

    const deadlineMs = options.timeoutMs + DEADLINE_GRACE_MS;
    const deadline = setTimeout(() => {
      running = false;
      const waitingFor = waitedFor(current, options.timeoutMs);
      current.stream.cancel();
      subscriber.error(describe(new DeadlineExceeded(deadlineMs, waitingFor)));
      giveUp(`The browser gave up on the query after ${deadlineMs} ms without an answer`);
    }, deadlineMs);

    const execute = async (): Promise<CypherResult> => {
      try {
        return await current.stream.result;
      } catch (error) {
        // A pooled connection the server dropped (e.g. Memgraph restarted) fails on first use: a read is safe to
        // run once more, on a fresh connection, as long as nothing arrived yet. Still within the same deadline.
        if (!running || rowsReceived > 0 || !isStaleConnection(current.connection.state(), error)) {
          throw error;
        }
        closeAttempt(driver, current);
        current = begin();
        return await current.stream.result;
      }
    };
    execute()
      .then(
        (result) => {
          subscriber.next(result);
          subscriber.complete();
        },
        (error) => subscriber.error(describe(error))
      )
      .finally(() => {
        running = false;
        clearTimeout(deadline);
        clearTimeout(forceCloseTimer);
        closeAttempt(driver, current);
      });

    // Unsubscribed (refresh, time change, navigation) while still streaming: stop it on the server.
    return () => {
      if (running) {
        running = false;
        clearTimeout(deadline);
        current.stream.cancel();
        forceCloseTimer = setTimeout(
          () => giveUp(`The query was cancelled and did not stop within ${CANCEL_GRACE_MS} ms`),
          CANCEL_GRACE_MS
        );
      }
    };
  });
}

interface Attempt {
  session: Session;
  stream: Stream;
  connection: SessionConnection;
  startedAt: number;
  /** Every connection the pool may open was taken by other sessions when this one started. */
  poolWasFull: boolean;
  closing: Promise<void> | undefined;
}

/** Closes an attempt's session once; the count of sessions in use drops when it has closed. */
function closeAttempt(driver: Driver, attempt: Attempt): Promise<void> {
  attempt.closing ??= attempt.session
    .close()
    .catch(() => undefined)
    .finally(() => countSession(driver, -1));
  return attempt.closing;
}

/**
 * What a query that got no answer was waiting for. Memgraph had its chance only if the connection arrived within the
 * query timeout; otherwise the wait was for a free pooled connection (when all were taken as it started) or for its
 * own connection to be set up.
 */
function waitedFor(attempt: Attempt, timeoutMs: number): GaveUpWaitingFor {
  const { connection, startedAt, poolWasFull } = attempt;
  const acquiredAt = connection.acquiredAt();
  const waited = connection.state() === 'waiting' || (acquiredAt !== undefined && acquiredAt - startedAt > timeoutMs);
  if (!waited) {
    return 'answer';
  }
  return poolWasFull ? 'pool' : 'connection';
}

/** A connection the pool handed over (so it had been set up) that then turned out closed: worth one fresh try. */
function isStaleConnection(state: ConnectionState, error: unknown): boolean {
  return state === 'acquired' ? isConnectionFailure(error) : state === 'unknown' && isLostConnection(error);
}

/**
 * Ends an attempt the browser gave up on. A connection that is busy is dropped at once (the pool destroys it and
 * the slot is free for the next query); a session still waiting for the pool is just closed (it never sends its
 * query). Only when the driver's internals are not as expected does the old path remain: closing the session sends
 * RESET, and if even that does not finish shortly, `onStuck` lets the caller drop the whole driver.
 */
function abandon(
  attempt: Attempt,
  reason: string,
  onStuck: (() => void) | undefined,
  close: () => Promise<void>
): void {
  const state = attempt.connection.state();
  if (attempt.connection.drop(reason) || state === 'waiting' || state === 'failed') {
    void close();
    return;
  }
  const stuck = setTimeout(() => onStuck?.(), STUCK_SESSION_MS);
  void close().finally(() => clearTimeout(stuck));
}

interface Stream {
  result: Promise<CypherResult>;
  /** Stop: later records are ignored, and the rest is discarded on the server once the batch in flight has arrived. */
  cancel(): void;
}

/**
 * Reads the result through the driver's subscriber API: each record goes straight into the column collector as it
 * is decoded, with no promise per record (the async iterator's cost) and no Record kept.
 *
 * The driver pulls batch after batch by itself (a collector that works synchronously needs no backpressure).
 * Stopping early goes through public API: rolling the transaction back (or, auto-commit, asking for the summary)
 * makes the driver send DISCARD instead of the next PULL when the batch in flight ends, wait for its summary, then
 * ROLLBACK. That batch may already have been pulled; its records are ignored.
 */
function startStream(
  session: Session,
  statement: StatementText,
  options: RunOptions,
  onRows: (count: number) => void
): Stream {
  const timeout = Math.max(1, Math.round(options.timeoutMs));
  const transaction = options.autoCommit ? undefined : session.beginTransaction({ timeout });
  const result = transaction
    ? transaction.run(statement.text, statement.parameters)
    : session.run(statement.text, statement.parameters, { timeout });
  const collector = new ResultCollector();
  let stopped = false;
  let truncated = false;
  let closing: Promise<void> | undefined;
  // A read keeps nothing; rolling back also undoes anything a procedure might have written on older servers.
  const close = () => (closing ??= transaction ? transaction.rollback() : result.summary().then(() => undefined));
  const stop = () => {
    stopped = true;
    close().catch(() => undefined); // the result's own outcome reports any failure
  };

  const streamed = new Promise<void>((resolve, reject) => {
    result.subscribe({
      onKeys: (keys) => collector.start(keys),
      onNext: (record) => {
        if (stopped) {
          return;
        }
        if (collector.rowCount === options.maxRows) {
          truncated = true; // this record is the one past the cap: more rows exist
          stop();
          return;
        }
        try {
          collector.add(record);
        } catch (error) {
          stop(); // a value the frames code cannot take in must fail this query, not the driver's connection
          reject(error);
          return;
        }
        onRows(collector.rowCount);
      },
      onCompleted: () => resolve(),
      onError: reject,
    });
  });

  return {
    result: streamed.then(async () => {
      await close();
      return collector.finish(truncated);
    }),
    cancel: stop,
  };
}
