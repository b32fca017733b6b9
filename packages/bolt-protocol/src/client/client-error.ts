// Why a Bolt client gave up, as a kind the caller can act on and a message that names the server.

/**
 * - `unreachable`: no TCP connection (refused, no route, reset while connecting)
 * - `timeout`: the server did not answer within the client's bound
 * - `closed`: the server closed the connection before answering
 * - `version`: the server does not speak the proposed Bolt version (or is not a Bolt server)
 * - `malformed`: bytes that are not Bolt (bad chunking, bad PackStream, a message that is no response)
 * - `refused`: the server answered a request that had to succeed (a login) with FAILURE
 * - `usage`: the client was used out of order (a request after the pipe was handed over, …)
 */
export type BoltClientErrorKind = 'unreachable' | 'timeout' | 'closed' | 'version' | 'malformed' | 'refused' | 'usage';

/** A FAILURE's metadata: Memgraph's code and message. */
export interface BoltFailureMetadata {
  code?: string;
  message?: string;
}

export class BoltClientError extends Error {
  constructor(
    readonly kind: BoltClientErrorKind,
    message: string,
    /** The server's FAILURE, for `refused`. */
    readonly failure?: BoltFailureMetadata
  ) {
    super(message);
    this.name = 'BoltClientError';
  }
}
