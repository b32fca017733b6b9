// What a server connection asks of whoever answers its requests (the test server's responder handler, the gateway's
// relay handler), and how it is set up.
import type { BoltFailure } from '../bolt/memgraph';
import type { ClientRequest } from '../bolt/requests';
import type { BoltVersion } from '../bolt/versions';

/** A handler's answer that it cannot handle the request yet: it stays first in the queue until `proceed()`. */
export const WAIT = Symbol('wait');
export type Handled = void | typeof WAIT | Promise<void>;

/** A login turned down: the connection closes, after the FAILURE if there is one. */
export interface LoginRefusal {
  reason: string;
  failure?: BoltFailure;
}
export type LoginOutcome = LoginRefusal | undefined;

export type ConnectionPhase = 'HANDSHAKE' | 'CONNECTED' | 'AUTHENTICATION' | 'READY' | 'FAILED' | 'DEFUNCT';

/** What the connection asks of whoever answers the requests. */
export interface ConnectionHandler {
  /** A version was agreed (the reply is written). */
  negotiated?(version: BoltVersion): void;
  /** A request as it arrives, before it is queued (to record or look at it early); a PackStreamError closes. */
  arrived?(request: ClientRequest): void;
  /** HELLO with a user agent (Memgraph closes a HELLO without one); a refusal closes the connection. */
  hello(extra: Record<string, unknown>): LoginOutcome;
  /** The credentials: HELLO's extra on Bolt 4, LOGON's auth on Bolt 5. Undefined logs in. */
  logIn(auth: Record<string, unknown>): LoginOutcome | Promise<LoginOutcome>;
  /** LOGOFF, once earlier requests have their replies: a close reason, or undefined to log off. */
  logOff(): string | undefined;
  /** Any other request once logged in (RESET included, also when it ends the failed state). */
  request(request: ClientRequest): Handled;
  /** A request IGNORED because an earlier one failed. */
  ignored?(request: ClientRequest): void;
  /** A request was handled and the replies written so far are on the channel. */
  handled?(): void;
  /** A protocol violation (bad chunking, a malformed message, an unknown tag) is about to close the connection. */
  violated?(): void;
  /** The connection is closed (called once), for the first reason given. */
  closed(reason: string): void;
}

export interface ServerConnectionOptions {
  readonly connectionId: string;
  /** The versions this server speaks, preferred first. */
  readonly versions: readonly BoltVersion[];
  readonly maxMessageBytes?: number;
  /** Note strings that are not valid UTF-8 on the request (`invalidUtf8`) instead of decoding them silently. */
  readonly strictUtf8?: boolean;
  /** Stop reading a client that pipelines this many requests ahead, until a quarter are left; unbounded if unset. */
  readonly queueHighWater?: number;
}
