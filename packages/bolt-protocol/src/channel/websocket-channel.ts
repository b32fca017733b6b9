import type { WebSocket } from 'ws';
import type { ByteChannel, ChannelHandlers } from './channel';

/** Above this many unsent bytes, writers wait (ws has no 'drain' event: its send callbacks tell). */
const HIGH_WATER_MARK = 1024 * 1024;

/** Bolt over WebSocket: binary frames in both directions, read as one continuous byte stream. */
export class WebSocketChannel implements ByteChannel {
  readonly transport = 'websocket' as const;
  private waiters: Array<() => void> = [];

  constructor(
    private readonly ws: WebSocket,
    readonly remoteAddress: string
  ) {}

  attach({ onData, onClose }: ChannelHandlers): void {
    this.ws.on('message', (data, isBinary) => {
      if (!isBinary) {
        this.ws.close(1003, 'Bolt over WebSocket uses binary frames');
        return;
      }
      onData(Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data));
    });
    this.ws.on('close', () => {
      this.wakeWaiters();
      onClose();
    });
    this.ws.on('error', () => undefined);
  }

  write(data: Buffer): boolean {
    this.ws.send(data, { binary: true }, () => {
      if (this.ws.bufferedAmount < HIGH_WATER_MARK) {
        this.wakeWaiters();
      }
    });
    return this.ws.bufferedAmount < HIGH_WATER_MARK;
  }

  drained(): Promise<void> {
    if (this.ws.bufferedAmount < HIGH_WATER_MARK || this.ws.readyState !== this.ws.OPEN) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  pause(): void {
    this.ws.pause();
  }

  resume(): void {
    this.ws.resume();
  }

  end(): void {
    this.ws.close(1000);
  }

  destroy(): void {
    this.ws.terminate();
  }

  private wakeWaiters(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((wake) => wake());
  }
}
