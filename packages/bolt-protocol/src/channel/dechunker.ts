// Bolt chunking, receiving side: bytes arrive in any split (TCP reads, WebSocket frames); messages come out
// whole. Each chunk is `uint16 size` + size bytes; `00 00` ends a message; a lone `00 00` is a NOOP.

/** By default, refuse absurd messages instead of buffering without bound (a client bug or not Bolt at all). */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

export class ChunkingError extends Error {}

export class Dechunker {
  private header: number[] = [];
  private chunkRemaining = 0;
  private parts: Buffer[] = [];
  private messageBytes = 0;

  constructor(
    private readonly onMessage: (message: Buffer) => void,
    private readonly maxMessageBytes = MAX_MESSAGE_BYTES
  ) {}

  write(data: Buffer): void {
    let offset = 0;
    while (offset < data.length) {
      if (this.chunkRemaining > 0) {
        const take = Math.min(this.chunkRemaining, data.length - offset);
        this.parts.push(data.subarray(offset, offset + take));
        this.chunkRemaining -= take;
        offset += take;
        continue;
      }
      this.header.push(data[offset++]);
      if (this.header.length < 2) {
        continue;
      }
      const size = (this.header[0] << 8) | this.header[1];
      this.header = [];
      if (size === 0) {
        this.endMessage();
      } else {
        this.messageBytes += size;
        if (this.messageBytes > this.maxMessageBytes) {
          throw new ChunkingError(`message larger than ${this.maxMessageBytes} bytes`);
        }
        this.chunkRemaining = size;
      }
    }
  }

  private endMessage(): void {
    if (this.parts.length === 0) {
      return; // NOOP keep-alive
    }
    // Copy: the parts are views into transport buffers that may be reused.
    const message = Buffer.concat(this.parts, this.messageBytes);
    this.parts = [];
    this.messageBytes = 0;
    this.onMessage(message);
  }
}
