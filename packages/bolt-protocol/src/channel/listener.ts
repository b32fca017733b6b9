// One port, two transports, like Memgraph: the first bytes of a connection decide. `60 60 B0 17` is raw Bolt;
// `GET ` is an HTTP request, handed to an HTTP server whose upgrade handler turns it into Bolt over WebSocket.
// With certificate files the same port speaks TLS first (bolt+s:// and wss://).
import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import { WebSocketServer } from 'ws';
import { startsWithBoltPreamble } from '../wire';
import type { ByteChannel } from './channel';
import { TcpChannel } from './tcp-channel';
import { WebSocketChannel } from './websocket-channel';

const HTTP_GET = Buffer.from('GET ', 'latin1');

/** Called for every Bolt connection, with the bytes already read while sniffing the transport. */
export type ChannelListener = (channel: ByteChannel, firstBytes: Buffer) => void;

export interface BoltListenerOptions {
  /** PEM certificate chain and key: the port then speaks TLS (raw Bolt and WebSocket alike). */
  tls?: { cert: Buffer | string; key: Buffer | string };
  /** Drop a connection that has not shown its transport (4 bytes, or an HTTP upgrade) within this time. */
  sniffTimeoutMs?: number;
  /** Largest WebSocket frame accepted (ws closes the connection with 1009 above it). */
  maxWebSocketPayload?: number;
  /** Extra upgrade-response header `Server: …` (Memgraph says `Memgraph Bolt WS`). */
  webSocketServerHeader?: string;
  /** Called for each connection accepted while `silent` (its bytes are never read). */
  onUnanswered?: () => void;
}

export class BoltListener {
  private readonly server: net.Server;
  private readonly httpServer = http.createServer((_request, response) => {
    response.writeHead(426, { 'Content-Type': 'text/plain', Connection: 'close' });
    response.end('This port speaks Bolt: raw, or over WebSocket (send an Upgrade: websocket request).\n');
  });
  private readonly webSocketServer: WebSocketServer;
  private readonly sockets = new Set<net.Socket>();
  /** Accept connections and never answer them (a host whose Memgraph stopped answering), see `onUnanswered`. */
  silent = false;
  /** Sniff timers run until the connection is Bolt (raw, or once its WebSocket upgrade is done). */
  private readonly sniffTimers = new WeakMap<net.Socket, NodeJS.Timeout>();

  constructor(
    private readonly onChannel: ChannelListener,
    private readonly options: BoltListenerOptions = {}
  ) {
    this.server = options.tls
      ? tls.createServer(
          { cert: options.tls.cert, key: options.tls.key, handshakeTimeout: options.sniffTimeoutMs ?? 120_000 },
          (socket) => this.accept(socket)
        )
      : net.createServer((socket) => this.accept(socket));
    if (options.tls) {
      // A failed TLS handshake is that client's problem; the listener keeps serving.
      this.server.on('tlsClientError', (_error, socket) => socket.destroy());
    }
    this.webSocketServer = new WebSocketServer({
      noServer: true,
      perMessageDeflate: false,
      maxPayload: options.maxWebSocketPayload,
    });
    // Memgraph names itself in the upgrade response; subprotocols are echoed only when requested (ws default).
    const serverHeader = options.webSocketServerHeader ?? 'Memgraph Bolt WS';
    this.webSocketServer.on('headers', (headers) => headers.push(`Server: ${serverHeader}`));
    this.httpServer.on('upgrade', (request, socket, head) => {
      this.webSocketServer.handleUpgrade(request, socket, head, (ws) => {
        clearTimeout(this.sniffTimers.get(request.socket));
        this.onChannel(new WebSocketChannel(ws, request.socket.remoteAddress ?? ''), Buffer.alloc(0));
      });
    });
  }

  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.server.once('error', onError);
      this.server.listen({ host, port }, () => {
        this.server.off('error', onError);
        resolve((this.server.address() as net.AddressInfo).port);
      });
    });
  }

  /** Stops listening and drops every connection, whatever stage it is in. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      for (const socket of this.sockets) {
        socket.destroy();
      }
    });
  }

  private accept(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    if (this.silent) {
      this.options.onUnanswered?.(); // bytes are never read: not the Bolt handshake, not the WebSocket upgrade
      return;
    }
    let received = Buffer.alloc(0);
    if (this.options.sniffTimeoutMs !== undefined) {
      const timer = setTimeout(() => socket.destroy(), this.options.sniffTimeoutMs);
      this.sniffTimers.set(socket, timer);
      socket.on('close', () => clearTimeout(timer));
    }
    const sniff = (data: Buffer) => {
      received = Buffer.concat([received, data]);
      if (received.length < 4) {
        return; // a client may send its first bytes one at a time
      }
      socket.off('data', sniff);
      const head = received.subarray(0, 4);
      if (startsWithBoltPreamble(head)) {
        clearTimeout(this.sniffTimers.get(socket));
        this.onChannel(new TcpChannel(socket), received);
      } else if (head.equals(HTTP_GET)) {
        socket.pause();
        socket.unshift(received);
        this.httpServer.emit('connection', socket);
        process.nextTick(() => socket.resume());
      } else {
        socket.destroy();
      }
    };
    socket.on('data', sniff);
  }
}
