/** What went wrong, so callers (and tests) can tell failures apart without parsing messages. */
export type FailureKind =
  | 'unreachable'
  | 'credentials'
  | 'query'
  | 'missing-parameter'
  | 'write-refused'
  | 'gateway-refused'
  | 'gateway-settings'
  | 'timeout'
  | 'memory-limit'
  | 'transient'
  | 'disconnected'
  | 'busy'
  | 'settings'
  | 'unexpected';

/** An error whose message is meant for the panel: what happened and what to do about it. */
export class MemgraphError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly cause?: unknown,
    /** What the driver said, for the query inspector; the message itself stays short and actionable. */
    readonly details?: string
  ) {
    super(message);
    this.name = 'MemgraphError';
  }
}
