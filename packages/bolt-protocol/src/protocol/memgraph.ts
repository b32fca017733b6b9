// What Memgraph says on the wire (memgraph/memgraph: communication/bolt/v1/states/*.hpp, glue/SessionHL.cpp,
// query/interpreter.cpp), so clients meet the same metadata and error codes from every server of this project.

/** A Bolt FAILURE: Memgraph codes look like `Memgraph.ClientError.MemgraphError.MemgraphError`. */
export interface BoltFailure {
  code: string;
  message: string;
}

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

/**
 * A query that writes, sent to a REPLICA: `WriteQueryOnReplicaException` (src/query/exceptions.hpp at v3.12.0), thrown
 * when the query is prepared (src/query/interpreter.cpp), a QueryException the Bolt session sends as a ClientError
 * (src/glue/SessionHL.cpp, RewrapQueryException).
 */
export const writeQueryOnReplica: BoltFailure = {
  code: errorCodes.client,
  message:
    'Write queries are forbidden on the replica instance. Replica instances accept only read queries, while the main ' +
    'instance accepts read and write queries. Please retry your query on the main instance.',
};

/** Memgraph Community answers ROUTE with this (code "66" is what it really sends). */
export const routeNotSupported: BoltFailure = {
  code: '66',
  message: 'Route message is not supported in Memgraph!',
};

/** HELLO and LOGON success metadata (Memgraph itself always says `bolt-1`). */
export function helloMetadata(connectionId: string): Record<string, unknown> {
  return { connection_id: connectionId, server: SERVER_AGENT };
}
