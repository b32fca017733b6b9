// The byte pipe a Bolt session talks through, whatever carries it (raw TCP or WebSocket frames).
import type { Transport } from '../api';

export interface ChannelHandlers {
  onData(data: Buffer): void;
  onClose(): void;
}

export interface ByteChannel {
  readonly transport: Transport;
  attach(handlers: ChannelHandlers): void;
  /** Queues bytes; false once the outgoing buffer is over its high-water mark (then await `drained()`). */
  write(data: Buffer): boolean;
  /** Resolves when the outgoing buffer has room again, or the channel closed. */
  drained(): Promise<void>;
  /** Graceful close after pending bytes are sent. */
  end(): void;
  /** Abrupt close (a crash or a cut cable, as far as the client can tell). */
  destroy(): void;
}
