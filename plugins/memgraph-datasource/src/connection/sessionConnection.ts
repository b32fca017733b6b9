import { Neo4jError, type Session } from 'neo4j-driver';

/**
 * The one place that reaches inside neo4j-driver (6.3): what a Session's pooled connection is doing, and dropping it.
 *
 * Why: the driver's public API cannot let go of one busy connection at once. `Session.close()` sends RESET and
 * gives the connection back to the pool only after RESET's SUCCESS — and Memgraph answers RESET only once the
 * running query has ended, so behind a hung query the connection stays taken. Closing the Driver would drop every
 * other panel's connection too.
 *
 * How (read from the driver's source): a Session keeps one ConnectionHolder per access mode
 * (`_connectionHolderWithMode(mode)`) whose `getConnection()` promise resolves once the pool handed a connection
 * over — a DelegateConnection around the ChannelConnection. `ChannelConnection._handleFatalError(error)` is the
 * driver's own "this connection is dead" path (used when a socket breaks): it fails every pending request with the
 * error, and `isOpen()` turns false, so closing the session skips RESET and the pool destroys the connection on
 * release (closing its socket or WebSocket) instead of keeping it.
 *
 * Every access is feature-checked: if a driver upgrade moves these internals, `connectionState` reports `unknown`
 * and `dropConnection` returns false, and the caller falls back to closing the session (slower, never wrong).
 * The datasource's integration and browser tests run the real driver through this path.
 */

interface InternalConnection {
  isOpen(): boolean;
  _handleFatalError(error: Error): void;
}

interface InternalHolder {
  getConnection(): Promise<unknown>;
}

/** The session's private members this reads (typed here, as the driver's types declare them private). */
interface SessionInternals {
  _mode?: unknown;
  _connectionHolderWithMode?: (mode: string) => InternalHolder | undefined;
}

/** Whether the session got its pooled connection yet; `unknown` when the driver's internals are not as expected. */
export type ConnectionState = 'waiting' | 'acquired' | 'failed' | 'unknown';

export interface SessionConnection {
  state(): ConnectionState;
  /** When the pool handed the connection over (Date.now()), once it did. */
  acquiredAt(): number | undefined;
  /**
   * Fails whatever the connection is still doing with `reason` and marks it dead, so that closing the session gives
   * it straight back to the pool to be destroyed. False when there is nothing to drop or the internals are missing.
   */
  drop(reason: string): boolean;
}

/** Call right after the session's first `run` / `beginTransaction` (which is when the session asks the pool). */
export function sessionConnection(session: Session): SessionConnection {
  const internal = session as unknown as SessionInternals;
  const holder =
    typeof internal._connectionHolderWithMode === 'function' && typeof internal._mode === 'string'
      ? internal._connectionHolderWithMode(internal._mode)
      : undefined;
  if (typeof holder?.getConnection !== 'function') {
    return { state: () => 'unknown', acquiredAt: () => undefined, drop: () => false };
  }
  let state: ConnectionState = 'waiting';
  let connection: InternalConnection | undefined;
  let acquiredAt: number | undefined;
  holder.getConnection().then(
    (acquired: unknown) => {
      acquiredAt = Date.now();
      connection = channelConnection(acquired);
      state = acquired ? (connection ? 'acquired' : 'unknown') : 'failed';
    },
    () => (state = 'failed')
  );
  return {
    state: () => state,
    acquiredAt: () => acquiredAt,
    drop(reason) {
      if (!connection?.isOpen()) {
        return false;
      }
      connection._handleFatalError(
        new Neo4jError(reason, 'ServiceUnavailable', '08000', 'error: connection exception')
      );
      return true;
    },
  };
}

function channelConnection(connection: unknown): InternalConnection | undefined {
  const inner = (connection as { _delegate?: unknown } | null)?._delegate ?? connection;
  const candidate = inner as Partial<InternalConnection> | null;
  return typeof candidate?._handleFatalError === 'function' && typeof candidate.isOpen === 'function'
    ? (candidate as InternalConnection)
    : undefined;
}
