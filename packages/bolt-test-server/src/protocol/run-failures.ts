// What ends a run early, and what the client is told: the connection closing (nothing, it is gone), the
// transaction timeout (Memgraph's error), or a broken responder (a database error naming the test server).
import { errorCodes, transactionTimeout } from '@opentruss/bolt-protocol';
import type { BoltFailure } from '../api';
import { ResponderError } from '../responders/registry';
import { Interrupted } from '../responders/interrupts';

export type RunFailure = { outcome: 'disconnected' } | { outcome: 'timed_out' | 'failed'; failure: BoltFailure };

/** A failure Memgraph itself would answer while executing (e.g. the query memory limit). */
export class MemgraphFailure extends Error {
  constructor(readonly failure: BoltFailure) {
    super(failure.message);
  }
}

/** The failure an error thrown while running or streaming stands for; anything else is a bug and is rethrown. */
export function runFailureOf(error: unknown): RunFailure {
  if (error instanceof Interrupted) {
    return error.reason === 'closed'
      ? { outcome: 'disconnected' }
      : { outcome: 'timed_out', failure: transactionTimeout };
  }
  if (error instanceof MemgraphFailure) {
    return { outcome: 'failed', failure: error.failure };
  }
  if (error instanceof ResponderError) {
    return { outcome: 'failed', failure: { code: errorCodes.database, message: `bolt-test-server: ${error.message}` } };
  }
  throw error;
}
