// Every setting of the gateway, its default and where it comes from. Secrets (the Memgraph password, viewer
// credentials) come from the environment or from files named there (Docker/Kubernetes secrets), never from
// arguments, and are never logged.
import fs from 'node:fs';
import { parseViewers, type ViewerCredentials } from './viewers';

export interface Limits {
  /** Open client connections over all addresses. */
  maxConnections: number;
  /** Open client connections from one IP address (behind a proxy, that is the proxy's). */
  maxConnectionsPerClient: number;
  /** Queries (RUN) sent upstream whose results have not ended yet, per connection. */
  maxQueriesPerConnection: number;
  /**
   * Queries sent upstream whose results have not ended, per viewer credential over all its connections (every
   * browser holding the same credential shares it).
   */
  maxQueriesPerViewer: number;
  /** Longest a query may run: sent to Memgraph as tx_timeout; a result still open 5 s later is cut. 0 = none. */
  queryTimeoutMs: number;
  /** From the first byte to a successful login. */
  handshakeTimeoutMs: number;
  /** A logged-in connection with nothing running and no message for this long is closed. */
  idleTimeoutMs: number;
  /** Largest client message (a RUN with its parameters). */
  maxMessageBytes: number;
  /** Appended to every query Memgraph receives as `QUERY MEMORY LIMIT n MB` (Memgraph stops the query past it). 0 = none. */
  queryMemoryLimitMb: number;
}

export interface GatewaySettings {
  host: string;
  port: number;
  /** /metrics and /health; undefined = not served. */
  opsPort?: number;
  opsHost: string;
  upstream: { host: string; port: number; user: string; password: string; connectTimeoutMs: number };
  viewers: ViewerCredentials;
  limits: Limits;
  tls?: { cert: Buffer; key: Buffer };
}

export const DEFAULT_LIMITS: Limits = {
  maxConnections: 2000,
  maxConnectionsPerClient: 200,
  maxQueriesPerConnection: 8,
  maxQueriesPerViewer: 64,
  queryTimeoutMs: 60_000,
  handshakeTimeoutMs: 10_000,
  idleTimeoutMs: 600_000,
  maxMessageBytes: 4 * 1024 * 1024,
  // The product's own queries aggregate at most the capacity forecast's 400K elements into small results (tens of
  // MB at most); 1 GiB leaves a user's ad-hoc query an order of magnitude more, yet stops a runaway one (a cartesian
  // product, an unbounded variable-length expansion) before it takes the replica's memory from everyone else.
  queryMemoryLimitMb: 1024,
};

/** Environment variable → limit. */
export const LIMIT_VARIABLES: Record<keyof Limits, string> = {
  maxConnections: 'BOLT_GATEWAY_MAX_CONNECTIONS',
  maxConnectionsPerClient: 'BOLT_GATEWAY_MAX_CONNECTIONS_PER_CLIENT',
  maxQueriesPerConnection: 'BOLT_GATEWAY_MAX_QUERIES_PER_CONNECTION',
  maxQueriesPerViewer: 'BOLT_GATEWAY_MAX_QUERIES_PER_VIEWER',
  queryTimeoutMs: 'BOLT_GATEWAY_QUERY_TIMEOUT_MS',
  handshakeTimeoutMs: 'BOLT_GATEWAY_HANDSHAKE_TIMEOUT_MS',
  idleTimeoutMs: 'BOLT_GATEWAY_IDLE_TIMEOUT_MS',
  maxMessageBytes: 'BOLT_GATEWAY_MAX_MESSAGE_BYTES',
  queryMemoryLimitMb: 'BOLT_GATEWAY_QUERY_MEMORY_LIMIT_MB',
};

export class SettingsError extends Error {}

type Env = Record<string, string | undefined>;

/** A secret from `NAME` or from the file `NAME_FILE` (trailing newline dropped); both set is an error. */
export function secret(env: Env, name: string): string | undefined {
  const file = env[`${name}_FILE`];
  if (file && env[name] !== undefined) {
    throw new SettingsError(`set ${name} or ${name}_FILE, not both`);
  }
  if (file) {
    try {
      return fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      throw new SettingsError(`${name}_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code})`);
    }
  }
  return env[name];
}

function integer(env: Env, name: string, fallback: number, min = 0): number {
  const text = env[name];
  if (text === undefined || text === '') {
    return fallback;
  }
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    throw new SettingsError(`${name} must be an integer ≥ ${min}, got "${text}"`);
  }
  return value;
}

function hostPort(text: string, name: string): { host: string; port: number } {
  const match = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(text);
  if (!match) {
    throw new SettingsError(`${name} must be host:port, got "${text}"`);
  }
  return { host: match[1].replace(/^\[|\]$/g, ''), port: Number(match[2]) };
}

function readFile(env: Env, name: string): Buffer | undefined {
  const file = env[name];
  if (!file) {
    return undefined;
  }
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new SettingsError(`${name}: cannot read ${file} (${(error as NodeJS.ErrnoException).code})`);
  }
}

/** Reads and checks every setting; a SettingsError names the variable to fix. */
export function settingsFromEnv(env: Env = process.env): GatewaySettings {
  const limits = Object.fromEntries(
    (Object.keys(DEFAULT_LIMITS) as Array<keyof Limits>).map((key) => [
      key,
      integer(
        env,
        LIMIT_VARIABLES[key],
        DEFAULT_LIMITS[key],
        key === 'queryTimeoutMs' || key === 'idleTimeoutMs' || key === 'queryMemoryLimitMb' ? 0 : 1
      ),
    ])
  ) as unknown as Limits;
  const cert = readFile(env, 'BOLT_GATEWAY_TLS_CERT_FILE');
  const key = readFile(env, 'BOLT_GATEWAY_TLS_KEY_FILE');
  if ((cert === undefined) !== (key === undefined)) {
    throw new SettingsError('TLS needs both BOLT_GATEWAY_TLS_CERT_FILE and BOLT_GATEWAY_TLS_KEY_FILE');
  }
  let viewers: ViewerCredentials;
  try {
    viewers = parseViewers(secret(env, 'BOLT_GATEWAY_VIEWERS') ?? '', secret(env, 'BOLT_GATEWAY_VIEWER_TOKENS') ?? '');
  } catch (error) {
    throw error instanceof SettingsError
      ? error
      : new SettingsError(`BOLT_GATEWAY_VIEWERS: ${(error as Error).message}`);
  }
  if (viewers.users.size === 0 && viewers.tokens.size === 0) {
    throw new SettingsError(
      'no viewer credential: set BOLT_GATEWAY_VIEWERS ("user:password", one per line or comma-separated) or ' +
        'BOLT_GATEWAY_VIEWER_TOKENS, or their _FILE variants'
    );
  }
  const opsPort = env.BOLT_GATEWAY_OPS_PORT === '' ? undefined : integer(env, 'BOLT_GATEWAY_OPS_PORT', 9187);
  return {
    host: env.BOLT_GATEWAY_HOST || '0.0.0.0',
    port: integer(env, 'BOLT_GATEWAY_PORT', 7687),
    opsHost: env.BOLT_GATEWAY_OPS_HOST || '0.0.0.0',
    opsPort,
    upstream: {
      ...hostPort(env.BOLT_GATEWAY_UPSTREAM || 'memgraph:7687', 'BOLT_GATEWAY_UPSTREAM'),
      user: env.BOLT_GATEWAY_MEMGRAPH_USER ?? '',
      password: secret(env, 'BOLT_GATEWAY_MEMGRAPH_PASSWORD') ?? '',
      connectTimeoutMs: integer(env, 'BOLT_GATEWAY_UPSTREAM_CONNECT_TIMEOUT_MS', 5000, 1),
    },
    viewers,
    limits,
    tls: cert && key ? { cert, key } : undefined,
  };
}
