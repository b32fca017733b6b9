// The record of one RUN as the server keeps it for tests: made when the RUN arrives, its outcome set once.
import type { BoltFailure, ConnectionInfo, RunOutcome, RunRecord } from '../api';
import { isMap, type Metadata } from './requests';

/** A RUN's record; inside a transaction its extra is the BEGIN's, overridden by the RUN's own. */
export function newRunRecord(fields: unknown[], info: ConnectionInfo, transactionExtra?: Metadata): RunRecord {
  const [query, parameters, extra] = fields;
  return {
    query: typeof query === 'string' ? query : String(query),
    parameters: isMap(parameters) ? parameters : {},
    extra: { ...transactionExtra, ...(isMap(extra) ? extra : {}) },
    connectionId: info.connectionId,
    transport: info.transport,
    explicitTransaction: transactionExtra !== undefined,
    outcome: 'streaming',
    recordsSent: 0,
    receivedAt: Date.now(),
  };
}

/** Sets the outcome of a run still streaming; the first outcome stays. */
export function finishRun(run: RunRecord, outcome: RunOutcome, failure?: BoltFailure): void {
  if (run.outcome === 'streaming') {
    run.outcome = outcome;
    run.failure = failure;
  }
}
