// How a session turns down a request, in Memgraph's two ways: a FAILURE that leaves the connection waiting for
// RESET, or closing the connection (after a FAILURE, for wrong credentials). The rules return one; the session
// carries it out.
import type { BoltFailure } from '../api';

export type Refusal =
  | { kind: 'fail'; failure: BoltFailure }
  | { kind: 'close'; reason: string; failureFirst?: BoltFailure };

export const closeWith = (reason: string): Refusal => ({ kind: 'close', reason });
export const failWith = (failure: BoltFailure): Refusal => ({ kind: 'fail', failure });
