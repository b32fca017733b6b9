// Opening the TCP connection a Bolt client talks over: bounded, and failing with an error that names the server.
import net from 'node:net';
import { BoltClientError } from './client-error';

export interface BoltClientOptions {
  host: string;
  port: number;
  /** Bound on each wait (connecting, the handshake reply, each request's reply) unless the call gives its own. */
  timeoutMs: number;
  /** How errors name the server (`Memgraph at host:port`); `Bolt server at host:port` by default. */
  serverName?: string;
}

/** How errors name the server. */
export const serverNameOf = (options: BoltClientOptions) => options.serverName ?? `Bolt server at ${options.host}:${options.port}`;

/** A TCP connection within `timeoutMs`, or a BoltClientError (`unreachable`, `timeout`). */
export function connectSocket(options: BoltClientOptions): Promise<net.Socket> {
  const { host, port, timeoutMs } = options;
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    socket.setNoDelay(true);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new BoltClientError('timeout', `no connection to ${serverNameOf(options)} within ${timeoutMs} ms`));
    }, timeoutMs);
    const onError = (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      socket.destroy();
      reject(new BoltClientError('unreachable', `${serverNameOf(options)} is unreachable (${error.code ?? error.message})`));
    };
    socket.once('error', onError);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.off('error', onError);
      resolve(socket);
    });
  });
}
