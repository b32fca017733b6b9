import neo4j, { type Driver, type Session } from 'neo4j-driver';
import { Observable } from 'rxjs';

import { type CypherResult, ResultCollector } from '../frames/cypherResult';
import { DeadlineExceeded, describeFailure, type FailureContext, isConnectionFailure } from './errors';

export type { CypherResult };

export interface CypherStatement {
  text: string;
  parameters: Record<string, unknown>;
}

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
/** How long a cancelled stream may take to stop cleanly (DISCARD at the next batch) before the session is reset. */
export const CANCEL_GRACE_MS = 3_000;
/** How long a forced session close (RESET) may take before the connection is considered stuck. */
export const STUCK_SESSION_MS = 3_000;

/**
 * Runs one statement in its own READ session and emits the result once. User queries run inside an explicit READ
 * transaction that is always rolled back: Memgraph (≥ 3.2) enforces READ mode only there, and a rollback keeps
 * nothing even on older servers.
 *
 * Stopping early (row cap, unsubscribe) discards the rest of the result on the server at the next batch boundary
 * (DISCARD), rolls back and closes the session, so the connection goes back to the pool in a clean state. A stream
 * that does not stop within CANCEL_GRACE_MS, or a server that misses the deadline (query timeout + a short grace),
 * gets its session reset; if even that does not finish, `onStuck` lets the caller drop the driver. Every failure
 * becomes a MemgraphError; nothing waits longer than the deadline.
 */
export function runCypher(driver: Driver, statement: CypherStatement, options: RunOptions): Observable<CypherResult> {
  return new Observable<CypherResult>((subscriber) => {
    let rowsReceived = 0;
    let running = true;
    let forceCloseTimer: ReturnType<typeof setTimeout> | undefined;
    const begin = () => {
      const session = driver.session({
        defaultAccessMode: neo4j.session.READ,
        database: options.database || undefined,
        // One record past the cap tells "exactly maxRows" from "more than maxRows".
        fetchSize: Math.min(options.fetchSize, options.maxRows + 1),
      });
      return { session, stream: startStream(session, statement, options, (count) => (rowsReceived = count)) };
    };
    let current = begin();
    const describe = (error: unknown) => describeFailure(error, { ...options.failureContext, rowsReceived });
    const forceClose = () => resetStuckSession(current.session, options.onStuck);

    const deadlineMs = options.timeoutMs + DEADLINE_GRACE_MS;
    const deadline = setTimeout(() => {
      running = false;
      current.stream.cancel();
      subscriber.error(describe(new DeadlineExceeded(deadlineMs)));
      forceClose();
    }, deadlineMs);

    const execute = async (): Promise<CypherResult> => {
      try {
        return await current.stream.result;
      } catch (error) {
        // A pooled connection the server dropped (e.g. Memgraph restarted) fails on first use: a read is safe to
        // run once more, on a fresh connection, as long as nothing arrived yet. Still within the same deadline.
        if (!running || rowsReceived > 0 || !isConnectionFailure(error)) {
          throw error;
        }
        current.session.close().catch(() => undefined);
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
        current.session.close().catch(() => undefined);
      });

    // Unsubscribed (refresh, time change, navigation) while still streaming: stop it on the server.
    return () => {
      if (running) {
        running = false;
        clearTimeout(deadline);
        current.stream.cancel();
        forceCloseTimer = setTimeout(forceClose, CANCEL_GRACE_MS);
      }
    };
  });
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
  statement: CypherStatement,
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

/**
 * The server is not answering, so the session is reset (closing it sends RESET); if even that does not finish
 * shortly, the caller drops the whole driver, which closes the stuck connection.
 */
function resetStuckSession(session: Session, onStuck: (() => void) | undefined): void {
  const stuck = setTimeout(() => onStuck?.(), STUCK_SESSION_MS);
  session
    .close()
    .catch(() => undefined)
    .finally(() => clearTimeout(stuck));
}
