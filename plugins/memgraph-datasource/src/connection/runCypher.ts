import neo4j, { type Driver, type Record as Neo4jRecord, type Session } from 'neo4j-driver';
import { Observable } from 'rxjs';

import { DeadlineExceeded, describeFailure, type FailureContext } from './errors';

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
  /** Called when a session does not close in time (a server that stopped answering): the caller drops the driver. */
  onStuck?: () => void;
}

export interface CypherResult {
  keys: string[];
  records: Neo4jRecord[];
  /** More rows existed than `maxRows`; they were left on the server. */
  truncated: boolean;
}

/** How long after the query timeout the browser stops waiting for Memgraph's own timeout error. */
export const DEADLINE_GRACE_MS = 2_000;
/** How long a closing session may take before its connection is considered stuck. */
export const STUCK_SESSION_MS = 3_000;

/**
 * Runs one statement in its own READ session and emits the result once. User queries run inside an explicit READ
 * transaction that is always rolled back: Memgraph (≥ 3.2) enforces READ mode only there, and a rollback keeps
 * nothing even on older servers. Unsubscribing stops the stream on the wire (DISCARD / RESET) and closes the
 * session, returning the connection to the pool. Every failure becomes a MemgraphError; nothing waits longer than
 * the query timeout plus a short grace.
 */
export function runCypher(driver: Driver, statement: CypherStatement, options: RunOptions): Observable<CypherResult> {
  return new Observable<CypherResult>((subscriber) => {
    const session = driver.session({
      defaultAccessMode: neo4j.session.READ,
      database: options.database || undefined,
      // One record past the cap tells "exactly maxRows" from "more than maxRows" without pulling a whole batch.
      fetchSize: Math.min(options.fetchSize, options.maxRows + 1),
    });
    let finished = false;
    let rowsReceived = 0;
    const deadlineMs = options.timeoutMs + DEADLINE_GRACE_MS;

    const finish = (settle: () => void) => {
      if (finished) {
        return;
      }
      finished = true;
      clearTimeout(deadline);
      settle();
      closeSession(session, options.onStuck);
    };
    const fail = (error: unknown) =>
      finish(() => subscriber.error(describeFailure(error, { ...options.failureContext, rowsReceived })));
    const deadline = setTimeout(() => fail(new DeadlineExceeded(deadlineMs)), deadlineMs);

    streamRecords(session, statement, options, () => finished, (count) => (rowsReceived = count)).then(
      (result) =>
        finish(() => {
          subscriber.next(result);
          subscriber.complete();
        }),
      fail
    );
    // Unsubscribed (refresh, time change, navigation): stop and let go of the connection.
    return () => finish(() => undefined);
  });
}

async function streamRecords(
  session: Session,
  statement: CypherStatement,
  options: RunOptions,
  isFinished: () => boolean,
  onRows: (count: number) => void
): Promise<CypherResult> {
  const timeout = Math.max(1, Math.round(options.timeoutMs));
  const transaction = options.autoCommit ? undefined : session.beginTransaction({ timeout });
  const result = transaction
    ? transaction.run(statement.text, statement.parameters)
    : session.run(statement.text, statement.parameters, { timeout });
  const keys = await result.keys();
  const records: Neo4jRecord[] = [];
  let truncated = false;
  for await (const record of result) {
    if (isFinished()) {
      break;
    }
    if (records.length === options.maxRows) {
      truncated = true;
      break; // the iterator's return() discards the rest on the server
    }
    records.push(record);
    onRows(records.length);
  }
  if (transaction && !isFinished()) {
    await transaction.rollback();
  }
  return { keys: [...keys], records, truncated };
}

function closeSession(session: Session, onStuck: (() => void) | undefined): void {
  const stuck = setTimeout(() => onStuck?.(), STUCK_SESSION_MS);
  session
    .close()
    .catch(() => undefined)
    .finally(() => clearTimeout(stuck));
}
