import type { Socket } from 'node:net';
import type { ByteChannel, ChannelHandlers } from './channel';

export class TcpChannel implements ByteChannel {
  readonly transport = 'tcp' as const;
  readonly remoteAddress: string;

  constructor(private readonly socket: Socket) {
    socket.setNoDelay(true);
    this.remoteAddress = socket.remoteAddress ?? '';
  }

  attach({ onData, onClose }: ChannelHandlers): void {
    this.socket.on('data', onData);
    this.socket.on('close', onClose);
    // A reset by the client surfaces as 'error' followed by 'close'; 'close' is what the session handles.
    this.socket.on('error', () => undefined);
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

  end(): void {
    this.socket.end();
  }

  destroy(): void {
    this.socket.destroy();
  }
}

/** Resolves once a socket can take more writes: at once, on 'drain', or when it closes (nothing more will drain). */
export function socketDrained(socket: Socket): Promise<void> {
  if (!socket.writableNeedDrain || socket.destroyed) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const done = () => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.on('drain', done);
    socket.on('close', done);
  });
}
