import type { RecordsResponder, Row } from '@opentruss/bolt-test-server';

/**
 * One query the benchmark sends and what the Bolt test server answers to it. The server process and the client
 * build the same workloads from the same profile, so the query text is the only thing that travels.
 */
export interface Workload {
  name: string;
  query: string;
  fields: readonly string[];
  /** Generated on demand on the server, so 100,000 rows never sit in memory. */
  rows: () => Iterable<Row>;
  /** Memgraph's own work before the first record (the server waits this long before answering RUN). */
  delayMs?: number;
  /** Wait before each PULL batch after the first (a result that streams slowly). */
  batchDelayMs?: number;
}

export function toResponder(workload: Workload): RecordsResponder {
  return {
    name: workload.name,
    match: workload.query,
    fields: workload.fields,
    records: workload.rows,
    delayMs: workload.delayMs,
    batchDelayMs: workload.batchDelayMs,
  };
}
