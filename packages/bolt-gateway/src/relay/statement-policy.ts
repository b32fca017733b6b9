// What the gateway lets through to Memgraph: every RUN passes the project's read-only guard (@opentruss/cypher,
// the same rules the datasource applies in the browser), every transaction and auto-commit run is sent in READ
// mode, and no run may outlast the gateway's query time limit.
import { describeRefusal, findWriteClause, type RefusalKind } from '@opentruss/cypher';
import { errorCodes, type BoltFailure } from '@opentruss/bolt-protocol';
import { Integer, isInt } from 'neo4j-driver';

export interface Refusal {
  /** Also a metric label (refusals by reason). */
  kind: RefusalKind | 'malformed' | 'limit';
  failure: BoltFailure;
}

const ADVICE =
  'Viewer credentials of the Bolt gateway can only read; run writes from another client with a Memgraph user';

/** undefined when the query may run; otherwise the Memgraph-shaped FAILURE that names the clause. */
export function checkQuery(query: unknown): Refusal | undefined {
  if (typeof query !== 'string') {
    return {
      kind: 'malformed',
      failure: { code: errorCodes.client, message: 'RUN needs the query text as a string.' },
    };
  }
  let found;
  try {
    found = findWriteClause(query);
  } catch (error) {
    // Unterminated strings or comments: Memgraph would refuse them too, and the guard cannot vouch for them.
    return {
      kind: 'malformed',
      failure: { code: errorCodes.client, message: `Refused by the Bolt gateway: ${(error as Error).message}` },
    };
  }
  if (!found) {
    return undefined;
  }
  const { line, column } = found.position;
  return {
    kind: found.kind,
    failure: {
      code: errorCodes.client,
      message: `Refused by the Bolt gateway: ${describeRefusal(found)} at line ${line}, column ${column}. ${ADVICE}.`,
    },
  };
}

/**
 * The RUN or BEGIN extra Memgraph receives: READ mode whatever the client asked for, a transaction timeout no
 * longer than the gateway's limit (0 = no limit), and no impersonation.
 */
export function readOnlyExtra(extra: Record<string, unknown>, queryTimeoutMs: number): Record<string, unknown> {
  const result: Record<string, unknown> = { ...extra, mode: 'r' };
  delete result.imp_user;
  if (queryTimeoutMs > 0) {
    const asked = timeoutOf(extra.tx_timeout);
    result.tx_timeout = Integer.fromNumber(
      asked !== undefined && asked > 0 ? Math.min(asked, queryTimeoutMs) : queryTimeoutMs
    );
  }
  return result;
}

function timeoutOf(value: unknown): number | undefined {
  return isInt(value) ? value.toNumber() : typeof value === 'number' ? value : undefined;
}
