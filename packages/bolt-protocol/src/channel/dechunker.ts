// Bolt chunking, receiving side: bytes arrive in any split (TCP reads, WebSocket frames). Each chunk is
// `uint16 size` + size bytes; `00 00` ends a message; a lone `00 00` is a NOOP. ChunkReader is the one parser of that
// framing; its readers decide what to keep: the Dechunker hands each message over whole, the relay's response scanner
// (bolt/response-scanner.ts) passes bytes through as slices of what arrived and keeps only what it must decode.

/** By default, refuse absurd messages instead of buffering without bound (a client bug or not Bolt at all). */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

export class ChunkingError extends Error {}

/** Reads chunk framing; offsets passed to the hooks are into the `data` being read. */
export abstract class ChunkReader {
  /** The first byte of a chunk header, while its second has not arrived (-1: none). */
  private headerHigh = -1;
  private chunkRemaining = 0;
  private inMessage = false;

  /** The first byte of a message or NOOP is at `at`. */
  protected abstract onStart(data: Buffer, at: number): void;
  /** A chunk of `size` bytes begins (before its bytes are read). */
  protected abstract onChunk(size: number): void;
  /** Bytes `start`..`end` of `data` belong to the current message's body. */
  protected abstract onBody(data: Buffer, start: number, end: number): void;
  /** The current message's `00 00` ended just before `at`. */
  protected abstract onEnd(data: Buffer, at: number): void;
  /** A NOOP (keep-alive) ended just before `at`. */
  protected abstract onNoop(data: Buffer, at: number): void;

  protected read(data: Buffer): void {
    let offset = 0;
    while (offset < data.length) {
      if (this.chunkRemaining > 0) {
        const end = Math.min(offset + this.chunkRemaining, data.length);
        this.chunkRemaining -= end - offset;
        this.onBody(data, offset, end);
        offset = end;
        continue;
      }
      if (this.headerHigh < 0) {
        if (!this.inMessage) {
          this.onStart(data, offset);
        }
        this.headerHigh = data[offset++];
        continue;
      }
      const size = (this.headerHigh << 8) | data[offset++];
      this.headerHigh = -1;
      if (size > 0) {
        this.inMessage = true;
        this.onChunk(size);
        this.chunkRemaining = size;
      } else if (this.inMessage) {
        this.inMessage = false;
        this.onEnd(data, offset);
      } else {
        this.onNoop(data, offset);
      }
    }
  }
}

/** Hands over each message whole (its PackStream bytes, copied out of the transport's buffers). */
export class Dechunker extends ChunkReader {
  private parts: Buffer[] = [];
  private messageBytes = 0;

  constructor(
    private readonly onMessage: (message: Buffer) => void,
    private readonly maxMessageBytes = MAX_MESSAGE_BYTES
  ) {
    super();
  }

  write(data: Buffer): void {
    this.read(data);
  }

  protected onStart(): void {}

  protected onChunk(size: number): void {
    this.messageBytes += size;
    if (this.messageBytes > this.maxMessageBytes) {
      throw new ChunkingError(`message larger than ${this.maxMessageBytes} bytes`);
    }
  }

  protected onBody(data: Buffer, start: number, end: number): void {
    this.parts.push(data.subarray(start, end));
  }

  protected onEnd(): void {
    // Copy: the parts are views into transport buffers that may be reused.
    const message = Buffer.concat(this.parts, this.messageBytes);
    this.parts = [];
    this.messageBytes = 0;
    this.onMessage(message);
  }

  protected onNoop(): void {}
}
