// What Memgraph says on the wire (memgraph/memgraph: communication/bolt/v1/states/*.hpp, glue/SessionHL.cpp,
// query/interpreter.cpp), so clients meet the same metadata and error codes here as in production.
import type { BoltFailure } from '../api';

/** Memgraph's default `--bolt-server-name-for-init` (since v2.11). */
export const SERVER_AGENT = 'Neo4j/v5.11.0 compatible graph database server - Memgraph';

export const errorCodes = {
  client: 'Memgraph.ClientError.MemgraphError.MemgraphError',
  transient: 'Memgraph.TransientError.MemgraphError.MemgraphError',
  database: 'Memgraph.DatabaseError.MemgraphError.MemgraphError',
  unauthenticated: 'Memgraph.ClientError.Security.Unauthenticated',
} as const;

export const authenticationFailure: BoltFailure = {
  code: errorCodes.unauthenticated,
  message: 'Authentication failure',
};

export const transactionTimeout: BoltFailure = {
  code: errorCodes.transient,
  message: 'Transaction was asked to abort because of transaction timeout.',
};

/** Memgraph Community answers ROUTE with this (code "66" is what it really sends). */
export const routeNotSupported: BoltFailure = {
  code: '66',
  message: 'Route message is not supported in Memgraph!',
};

export function unmatchedQuery(query: string): BoltFailure {
  return {
    code: errorCodes.client,
    message: `bolt-test-server: no responder matches this query (add one with addResponder or a fixture entry): ${query}`,
  };
}

/**
 * HELLO and LOGON success metadata. Memgraph itself always says `bolt-1`; the test server numbers connections
 * (`bolt-N`) so tests can tell them apart.
 */
export function helloMetadata(connectionId: string): Record<string, unknown> {
  return { connection_id: connectionId, server: SERVER_AGENT };
}

/** The final PULL/DISCARD summary: Memgraph's timings, no bookmark, no t_last. */
export function finalSummary(overrides: Record<string, unknown> | undefined): Record<string, unknown> {
  return {
    has_more: false,
    type: 'r',
    parsing_time: 0.000041,
    planning_time: 0.000052,
    plan_execution_time: 0.000118,
    cost_estimate: 1.0,
    number_of_hops: 0n,
    ...overrides,
  };
}
