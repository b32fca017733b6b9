// One Bolt connection from the gateway to Memgraph for one client connection, on the shared Bolt client: TCP connect,
// a handshake for exactly the client's version, HELLO/LOGON built from the gateway's own settings only (its user agent
// and Memgraph credential; nothing of the client's HELLO). Then the client hands the connection over as a byte pipe
// with back-pressure; the relay decides what goes in.
import {
  BoltClient,
  BoltClientError,
  logIn,
  type BoltFailure,
  type BoltPipe,
  type BoltVersion,
  type ChannelHandlers,
} from '@opentruss/bolt-protocol';
import { gatewayErrorCodes } from '@opentruss/contract';

/** What the gateway calls itself in its HELLO to Memgraph (Memgraph shows it in SHOW ACTIVE USERS INFO and logs). */
export const GATEWAY_USER_AGENT = 'opentruss-bolt-gateway/0.1';

export interface UpstreamTarget {
  host: string;
  port: number;
  user: string;
  password: string;
  connectTimeoutMs: number;
}

/**
 * Why the upstream could not be used: `unreachable` (network, timeout, closed: an outage, retrying helps), `login`
 * (Memgraph refused the gateway's credential) or `not_memgraph` (no Bolt, or not this version, at that address) —
 * those two are the gateway's settings, and retrying does not help.
 */
export type UpstreamFailureReason = 'unreachable' | 'login' | 'not_memgraph';

export class UpstreamError extends Error {
  constructor(
    readonly reason: UpstreamFailureReason,
    message: string
  ) {
    super(message);
  }
}

/** The FAILURE a client gets when its upstream cannot be opened: who failed, and which setting or action fixes it. */
export function upstreamFailure({ reason, message }: UpstreamError): BoltFailure {
  switch (reason) {
    case 'login':
      return {
        code: gatewayErrorCodes.misconfigured,
        message:
          `Bolt gateway: ${message}. The gateway's own settings are wrong, not your credential: ` +
          'BOLT_GATEWAY_MEMGRAPH_USER and BOLT_GATEWAY_MEMGRAPH_PASSWORD (or …_PASSWORD_FILE) must name a Memgraph ' +
          'user and its password. Retrying will not help until an operator fixes them.',
      };
    case 'not_memgraph':
      return {
        code: gatewayErrorCodes.misconfigured,
        message:
          `Bolt gateway: ${message}. The gateway's BOLT_GATEWAY_UPSTREAM setting must be the host:port of ` +
          "Memgraph's Bolt port. Retrying will not help until an operator fixes it.",
      };
    case 'unreachable':
      return {
        code: gatewayErrorCodes.memgraphUnreachable,
        message:
          `Bolt gateway: ${message}. Memgraph is down or unreachable from the gateway: retry once it is back ` +
          "(if it is up, check the gateway's BOLT_GATEWAY_UPSTREAM).",
      };
  }
}

export type UpstreamHandlers = ChannelHandlers;

export class UpstreamLink {
  private constructor(private readonly pipe: BoltPipe) {}

  /**
   * Connects and logs in, each within `connectTimeoutMs`; rejects with an UpstreamError that says what failed (never
   * the credential).
   */
  static async open(target: UpstreamTarget, version: BoltVersion): Promise<UpstreamLink> {
    const { host, port, user, password, connectTimeoutMs } = target;
    const serverName = `Memgraph at ${host}:${port}`;
    let client: BoltClient | undefined;
    try {
      client = await BoltClient.open({ host, port, timeoutMs: connectTimeoutMs, serverName });
      // Memgraph without users accepts any basic credential; with users it checks this one.
      const auth = { scheme: 'basic', principal: user, credentials: password };
      await logIn(client, { version, userAgent: GATEWAY_USER_AGENT, auth, timeoutMs: connectTimeoutMs });
      return new UpstreamLink(client.pipe());
    } catch (error) {
      client?.destroy();
      throw upstreamError(error, serverName);
    }
  }

  get isClosed(): boolean {
    return this.pipe.isClosed;
  }

  /** From now on every byte Memgraph sends goes to `onData`. */
  attach(handlers: UpstreamHandlers): void {
    this.pipe.attach(handlers);
  }

  write(data: Buffer): boolean {
    return this.pipe.write(data);
  }

  drained(): Promise<void> {
    return this.pipe.drained();
  }

  pause(): void {
    this.pipe.pause();
  }

  resume(): void {
    this.pipe.resume();
  }

  /** GOODBYE would be polite, but a closed socket is what Memgraph treats as the end of the session anyway. */
  close(): void {
    this.pipe.destroy();
  }
}

/** The client's failure as the gateway classifies it: settings (login, not Memgraph) or an outage. */
function upstreamError(error: unknown, serverName: string): UpstreamError {
  if (!(error instanceof BoltClientError)) {
    return new UpstreamError('unreachable', `${serverName}: ${String(error)}`);
  }
  switch (error.kind) {
    case 'refused':
      return new UpstreamError('login', `${serverName} refused the gateway's login (${error.failure?.message ?? 'no message'})`);
    case 'version':
    case 'malformed':
      return new UpstreamError('not_memgraph', error.message);
    default:
      return new UpstreamError('unreachable', error.message);
  }
}
