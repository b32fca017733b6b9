// One Bolt connection from the gateway to Memgraph for one client connection: TCP connect, a handshake for
// exactly the client's version, HELLO/LOGON built from the gateway's own settings only (its user agent and Memgraph
// credential; nothing of the client's HELLO). After that it is a byte pipe with back-pressure; the relay decides
// what goes in.
import net from 'node:net';
import {
  Dechunker,
  isBolt5,
  MessageFramer,
  PackStreamReader,
  PackStreamWriter,
  packValue,
  proposalFor,
  requestTags,
  responseTags,
  socketDrained,
  versionReply,
  BOLT4,
  BOLT5,
  createHydrator,
  type BoltFailure,
  type BoltVersion,
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

export interface UpstreamHandlers {
  onData(data: Buffer): void;
  onClose(): void;
}

export class UpstreamLink {
  private handlers?: UpstreamHandlers;
  private closed = false;

  private constructor(private readonly socket: net.Socket) {
    socket.on('close', () => {
      this.closed = true;
      this.handlers?.onClose();
    });
  }

  /** Connects and logs in; rejects with an UpstreamError that says what failed (never the credential). */
  static async open(target: UpstreamTarget, version: BoltVersion): Promise<UpstreamLink> {
    const socket = await connect(target);
    try {
      await login(socket, target, version);
    } catch (error) {
      socket.destroy();
      throw error;
    }
    return new UpstreamLink(socket);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** From now on every byte Memgraph sends goes to `onData`. */
  attach(handlers: UpstreamHandlers): void {
    this.handlers = handlers;
    this.socket.on('data', handlers.onData);
    this.socket.resume();
    if (this.closed) {
      handlers.onClose();
    }
  }

  write(data: Buffer): boolean {
    return this.socket.write(data);
  }

  drained(): Promise<void> {
    return socketDrained(this.socket);
  }

  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }

  /** GOODBYE would be polite, but a closed socket is what Memgraph treats as the end of the session anyway. */
  close(): void {
    this.socket.destroy();
  }
}

function connect({ host, port, connectTimeoutMs }: UpstreamTarget): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    socket.setNoDelay(true);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new UpstreamError('unreachable', `no connection to Memgraph at ${host}:${port} within ${connectTimeoutMs} ms`)
      );
    }, connectTimeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      socket.on('error', () => undefined);
      resolve(socket);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        new UpstreamError('unreachable', `Memgraph at ${host}:${port} is unreachable (${error.code ?? error.message})`)
      );
    });
  });
}

/** Reads the version reply and the login summaries, then hands the socket back with nothing left unread. */
function login(socket: net.Socket, target: UpstreamTarget, version: BoltVersion): Promise<void> {
  const bolt5 = isBolt5(version);
  const dialect = bolt5 ? BOLT5 : BOLT4;
  const credentials = { scheme: 'basic', principal: target.user, credentials: target.password };
  const writer = new PackStreamWriter(1024);
  const framer = new MessageFramer(writer);
  const send = (tag: number, fields: unknown[]) => {
    framer.begin();
    writer.writeStructHeader(fields.length, tag);
    fields.forEach((field) => packValue(writer, field, dialect));
    framer.end();
  };
  // Memgraph without users accepts any basic credential; with users it checks this one.
  const helloExtra = { user_agent: GATEWAY_USER_AGENT };
  send(requestTags.HELLO, [bolt5 ? helloExtra : { ...helloExtra, ...credentials }]);
  if (bolt5) {
    send(requestTags.LOGON, [credentials]);
  }
  const expected = bolt5 ? 2 : 1;
  const where = `Memgraph at ${target.host}:${target.port}`;
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    let versionAccepted = false;
    let answered = 0;
    const finish = (error?: Error) => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('close', onClose);
      if (error) {
        reject(error);
      } else {
        socket.pause(); // nothing may be read (and lost) until the relay attaches
        resolve();
      }
    };
    const dechunker = new Dechunker((bytes) => {
      const { tag, fields } = new PackStreamReader(bytes, createHydrator(dialect)).readMessage();
      if (tag === responseTags.FAILURE) {
        const { message } = (fields[0] ?? {}) as { message?: string };
        finish(new UpstreamError('login', `${where} refused the gateway's login (${message ?? 'no message'})`));
      } else if (tag === responseTags.SUCCESS && ++answered === expected) {
        finish();
      }
    });
    const onData = (data: Buffer) => {
      try {
        if (!versionAccepted) {
          received = Buffer.concat([received, data]);
          if (received.length < 4) {
            return;
          }
          if (!received.subarray(0, 4).equals(versionReply(version))) {
            finish(
              new UpstreamError(
                'not_memgraph',
                `${where} does not speak Bolt ${version} (answered ${received.subarray(0, 4).toString('hex')})`
              )
            );
            return;
          }
          versionAccepted = true;
          data = received.subarray(4);
        }
        dechunker.write(data);
      } catch (error) {
        finish(
          new UpstreamError('not_memgraph', `${where} sent something that is not Bolt (${(error as Error).message})`)
        );
      }
    };
    const onClose = () => finish(new UpstreamError('unreachable', `${where} closed the connection during login`));
    const timer = setTimeout(
      () =>
        finish(
          new UpstreamError('unreachable', `${where} did not finish the handshake within ${target.connectTimeoutMs} ms`)
        ),
      target.connectTimeoutMs
    );
    socket.on('data', onData);
    socket.on('close', onClose);
    socket.write(Buffer.concat([proposalFor(version), writer.take()]));
  });
}
