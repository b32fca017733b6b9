// One port, two transports, like Memgraph: the first bytes of a connection decide. `60 60 B0 17` is raw Bolt;
// `GET ` is an HTTP request, handed to an HTTP server whose upgrade handler turns it into Bolt over WebSocket.
import http from 'node:http';
import net from 'node:net';
import { WebSocketServer } from 'ws';
import type { ByteChannel } from './channel';
import { TcpChannel } from './tcp-channel';
import { WebSocketChannel } from './websocket-channel';

export const BOLT_PREAMBLE = Buffer.from([0x60, 0x60, 0xb0, 0x17]);
const HTTP_GET = Buffer.from('GET ', 'latin1');

/** Called for every Bolt connection, with the bytes already read while sniffing the transport. */
export type ChannelListener = (channel: ByteChannel, firstBytes: Buffer) => void;

export class BoltListener {
  private readonly tcpServer = net.createServer((socket) => this.accept(socket));
  private readonly httpServer = http.createServer((_request, response) => {
    response.writeHead(426, { 'Content-Type': 'text/plain', Connection: 'close' });
    response.end('This port speaks Bolt: raw, or over WebSocket (send an Upgrade: websocket request).\n');
  });
  private readonly webSocketServer = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  private readonly sockets = new Set<net.Socket>();
  /** Accept connections and never answer them (a host whose Memgraph stopped answering), see `onUnanswered`. */
  silent = false;

  constructor(
    private readonly onChannel: ChannelListener,
    private readonly onUnanswered: () => void = () => undefined
  ) {
    // Memgraph names itself in the upgrade response; subprotocols are echoed only when requested (ws default).
    this.webSocketServer.on('headers', (headers) => headers.push('Server: Memgraph Bolt WS'));
    this.httpServer.on('upgrade', (request, socket, head) => {
      this.webSocketServer.handleUpgrade(request, socket, head, (ws) => {
        this.onChannel(new WebSocketChannel(ws), Buffer.alloc(0));
      });
    });
  }

  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.tcpServer.once('error', onError);
      this.tcpServer.listen({ host, port }, () => {
        this.tcpServer.off('error', onError);
        resolve((this.tcpServer.address() as net.AddressInfo).port);
      });
    });
  }

  /** Stops listening and drops every connection, whatever stage it is in. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      this.tcpServer.close(() => resolve());
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
      this.onUnanswered(); // bytes are never read: not the Bolt handshake, not the WebSocket upgrade
      return;
    }
    let received = Buffer.alloc(0);
    const sniff = (data: Buffer) => {
      received = Buffer.concat([received, data]);
      if (received.length < 4) {
        return; // a client may send its first bytes one at a time
      }
      socket.off('data', sniff);
      const head = received.subarray(0, 4);
      if (head.equals(BOLT_PREAMBLE)) {
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
