// Reads the server → client byte stream without re-encoding it: finds where each message starts and ends and its
// tag, so the relay knows which request a summary answers. Only summaries (SUCCESS, FAILURE) are collected for
// decoding; RECORD bodies are never copied, whatever their size.
import { ChunkingError, responseTags } from '@opentruss/bolt-protocol';

export interface ScannedMessage {
  tag: number;
  /** The whole message (PackStream bytes) for SUCCESS and FAILURE; undefined for RECORD and IGNORED. */
  body?: Buffer;
}

const COLLECTED = new Set<number>([responseTags.SUCCESS, responseTags.FAILURE]);

export class ResponseScanner {
  private header: number[] = [];
  private chunkRemaining = 0;
  /** The first two bytes of the current message (struct marker, tag), which may straddle chunks. */
  private head: number[] = [];
  private parts: Buffer[] = [];
  private collected = 0;

  constructor(
    private readonly onMessage: (message: ScannedMessage) => void,
    private readonly maxSummaryBytes: number
  ) {}

  write(data: Buffer): void {
    let offset = 0;
    while (offset < data.length) {
      if (this.chunkRemaining > 0) {
        const take = Math.min(this.chunkRemaining, data.length - offset);
        this.body(data.subarray(offset, offset + take));
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
        this.chunkRemaining = size;
      }
    }
  }

  private body(bytes: Buffer): void {
    let rest = bytes;
    while (this.head.length < 2 && rest.length > 0) {
      this.head.push(rest[0]);
      rest = rest.subarray(1);
    }
    if (this.head.length === 2 && COLLECTED.has(this.head[1])) {
      if (this.parts.length === 0) {
        this.parts.push(Buffer.from(this.head));
        this.collected = 2;
      }
      this.collected += rest.length;
      if (this.collected > this.maxSummaryBytes) {
        throw new ChunkingError(`upstream summary larger than ${this.maxSummaryBytes} bytes`);
      }
      // Copied: the transport may reuse its buffer before the message ends.
      this.parts.push(Buffer.from(rest));
    }
  }

  private endMessage(): void {
    if (this.head.length === 0) {
      return; // NOOP keep-alive
    }
    const tag = this.head[1];
    const body = this.parts.length > 0 ? Buffer.concat(this.parts, this.collected) : undefined;
    this.head = [];
    this.parts = [];
    this.collected = 0;
    this.onMessage({ tag, body });
  }
}
