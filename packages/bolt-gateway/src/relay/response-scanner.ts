// Reads the server → client byte stream without re-encoding it: finds where each message starts and ends and its
// tag, so the relay knows which request a summary answers. Only summaries (SUCCESS, FAILURE) are collected for
// decoding; RECORD bodies are never copied, whatever their size. Bytes pass through as slices of what arrived, except
// a FAILURE: it is held back until complete, so the relay may replace it (a syntax error's position mapped back to
// the client's text).
import { ChunkingError, responseTags } from '@opentruss/bolt-protocol';

export interface ScannedMessage {
  tag: number;
  /** The whole message (PackStream bytes) for SUCCESS and FAILURE; undefined for RECORD and IGNORED. */
  body?: Buffer;
}

/** Called per message; for a FAILURE it may return the framed message to send instead. */
export type MessageHandler = (message: ScannedMessage) => Buffer | void;

const COLLECTED = new Set<number>([responseTags.SUCCESS, responseTags.FAILURE]);

export class ResponseScanner {
  private header: number[] = [];
  private chunkRemaining = 0;
  /** The first two bytes of the current message (struct marker, tag), which may straddle chunks. */
  private head: number[] = [];
  private parts: Buffer[] = [];
  private collected = 0;
  /** Inside a message (its first chunk header has been read). */
  private inMessage = false;
  /** Holding the current message's bytes back: its tag is not known yet, or it is a FAILURE. */
  private holding = false;
  /** Held bytes from earlier writes. */
  private held: Buffer[] = [];

  constructor(
    private readonly onMessage: MessageHandler,
    private readonly maxSummaryBytes: number
  ) {}

  /** Scans `data`; returns the bytes to pass on to the client now (slices of `data`, or a replaced FAILURE). */
  write(data: Buffer): Buffer[] {
    const out: Buffer[] = [];
    let passFrom = 0; // start of the bytes of `data` not passed on yet
    let holdFrom = 0; // while holding: start of the held bytes within `data`
    let offset = 0;
    // A message is held from its first byte until its tag is known. Within one write that costs nothing: the bytes
    // before it stay pending with it, so a run of RECORDs still passes as one slice; only a FAILURE, or a message
    // whose tag has not arrived when the write ends, splits the output.
    const startHolding = () => {
      this.holding = true;
      holdFrom = offset;
    };
    const release = () => {
      if (this.held.length > 0) {
        out.push(...this.held); // held since an earlier write: passFrom and holdFrom are both 0 here
        this.held = [];
      }
      this.holding = false;
    };
    const passPending = () => {
      if (holdFrom > passFrom) {
        out.push(data.subarray(passFrom, holdFrom));
      }
    };
    while (offset < data.length) {
      if (this.chunkRemaining > 0) {
        const take = Math.min(this.chunkRemaining, data.length - offset);
        this.body(data.subarray(offset, offset + take));
        this.chunkRemaining -= take;
        offset += take;
        if (this.holding && this.head.length === 2 && this.head[1] !== responseTags.FAILURE) {
          release();
        }
        continue;
      }
      if (!this.inMessage && this.header.length === 0 && !this.holding) {
        startHolding();
      }
      this.header.push(data[offset++]);
      if (this.header.length < 2) {
        continue;
      }
      const size = (this.header[0] << 8) | this.header[1];
      this.header = [];
      if (size > 0) {
        this.inMessage = true;
        this.chunkRemaining = size;
        continue;
      }
      if (!this.inMessage) {
        if (this.holding) {
          release(); // a NOOP keep-alive passes as it came
        }
        continue;
      }
      const replacement = this.endMessage();
      if (this.holding) {
        const message = Buffer.concat([...this.held, data.subarray(holdFrom, offset)]);
        this.held = [];
        this.holding = false;
        passPending();
        out.push(replacement ?? message);
        passFrom = offset;
      }
    }
    if (this.holding) {
      passPending();
      if (data.length > holdFrom) {
        this.held.push(Buffer.from(data.subarray(holdFrom))); // copied: the transport may reuse its buffer
      }
    } else if (data.length > passFrom) {
      out.push(data.subarray(passFrom));
    }
    return out;
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

  private endMessage(): Buffer | void {
    this.inMessage = false;
    const tag = this.head[1];
    const body = this.parts.length > 0 ? Buffer.concat(this.parts, this.collected) : undefined;
    this.head = [];
    this.parts = [];
    this.collected = 0;
    return this.onMessage({ tag, body });
  }
}
