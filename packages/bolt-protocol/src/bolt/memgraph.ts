// What Memgraph says on the wire (memgraph/memgraph: communication/bolt/v1/states/*.hpp, glue/SessionHL.cpp,
// query/interpreter.cpp), so clients meet the same metadata and error codes from every server of this project.
import { readableSize } from './readable-size';

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

/**
 * Memgraph's answer when a query needs more memory than its `QUERY MEMORY LIMIT` (or the instance's limit) allows:
 * an OutOfMemoryException, a BasicException, so a TransientError (src/utils/memory_tracker.cpp,
 * communication/bolt/v1/states/handlers.hpp). Sizes in bytes, worded as Memgraph's GetReadableSize words them.
 */
export function memoryLimitExceeded(chunkBytes: number, wouldBeBytes: number, limitBytes: number): BoltFailure {
  return {
    code: errorCodes.transient,
    message:
      `Memory limit exceeded! Attempting to allocate a chunk of ${readableSize(chunkBytes)} which would put the ` +
      `current use to ${readableSize(wouldBeBytes)}, while the maximum allowed size for allocation is set to ` +
      `${readableSize(limitBytes)}.`,
  };
}

/**
 * Memgraph's answer to ROUTE from an instance that is not part of a cluster (its release builds have MG_ENTERPRISE
 * on: communication/bolt/v1/states/handlers.hpp HandleRoute → glue/SessionHL.cpp Route → query/interpreter.cpp
 * Interpreter::Route throws a QueryException, sent as a TransientError; the session then IGNOREs until RESET).
 */
export const routingTableUnavailable: BoltFailure = {
  code: errorCodes.transient,
  message: 'You cannot fetch routing table from an instance which is not part of a cluster.',
};

/** HELLO and LOGON success metadata (Memgraph itself always says `bolt-1`). */
export function helloMetadata(connectionId: string): Record<string, unknown> {
  return { connection_id: connectionId, server: SERVER_AGENT };
}

/**
 * A statement Memgraph runs only auto-commit, sent inside an explicit transaction (BEGIN … COMMIT): a
 * `MulticommandTxException` (src/query/exceptions.hpp at v3.12.0; "Storage information query" for SHOW STORAGE INFO,
 * `InfoInMulticommandTxException`), thrown when the query is prepared, a QueryException, so a ClientError. The
 * missing space in "particularquery" is Memgraph's.
 */
export function multicommandTransactionRefusal(query: string): BoltFailure {
  return {
    code: errorCodes.client,
    message:
      `${query} is not allowed in multicommand transactions. A multicommand transaction, also known as an explicit ` +
      'transaction, groups multiple commands into a single atomic operation. Instead, please use an implicit ' +
      'transaction, also known as an auto committing transaction, in order to execute this particularquery. ' +
      'For more details, visit https://memgraph.com/docs',
  };
}
