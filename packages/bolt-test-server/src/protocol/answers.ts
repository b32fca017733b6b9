// What only the test server says: its unmatched-query error and the summary it makes up in Memgraph's shape.
import { errorCodes, type BoltFailure } from '@opentruss/bolt-protocol';

export function unmatchedQuery(query: string): BoltFailure {
  return {
    code: errorCodes.client,
    message: `bolt-test-server: no responder matches this query (add one with addResponder or a fixture entry): ${query}`,
  };
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
