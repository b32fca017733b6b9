// The byte pipe a Bolt session talks through, whatever carries it (raw TCP or WebSocket frames).

/** How the bytes travel: raw Bolt on TCP, or Bolt over WebSocket binary frames. */
export type Transport = 'tcp' | 'websocket';

export interface ChannelHandlers {
  onData(data: Buffer): void;
  onClose(): void;
}

export interface ByteChannel {
  readonly transport: Transport;
  /** The peer's IP address ('' when the socket no longer knows it). */
  readonly remoteAddress: string;
  attach(handlers: ChannelHandlers): void;
  /** Queues bytes; false once the outgoing buffer is over its high-water mark (then await `drained()`). */
  write(data: Buffer): boolean;
  /** Resolves when the outgoing buffer has room again, or the channel closed. */
  drained(): Promise<void>;
  /** Stops reading (the other side's back-pressure reaches this peer through TCP); `resume()` reads again. */
  pause(): void;
  resume(): void;
  /** Graceful close after pending bytes are sent. */
  end(): void;
  /** Abrupt close (a crash or a cut cable, as far as the client can tell). */
  destroy(): void;
}
