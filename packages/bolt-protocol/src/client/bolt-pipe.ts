// A logged-in Bolt connection handed over as a byte channel: the relay reads and writes bytes without decoding them.
// It stays paused until attached, so no byte is read before someone listens; a close that came first is still told.
import type { Socket } from 'node:net';
import type { ChannelHandlers } from '../channel/channel';
import { TcpChannel } from '../channel/tcp-channel';

export class BoltPipe extends TcpChannel {
  private closed: boolean;

  constructor(socket: Socket, closed: boolean) {
    super(socket);
    this.closed = closed;
    socket.once('close', () => (this.closed = true));
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** From now on every byte the server sends goes to `onData`. */
  override attach(handlers: ChannelHandlers): void {
    super.attach(handlers);
    this.resume();
    if (this.closed) {
      handlers.onClose();
    }
  }
}
