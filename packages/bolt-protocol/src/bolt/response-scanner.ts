// Reads a server → client byte stream without re-encoding it, for a relay: on the one chunk parser (ChunkReader), it
// finds where each message starts and ends and its tag, so the relay knows which request a summary answers. Only
// summaries (SUCCESS, FAILURE) are collected for decoding; RECORD bodies are never copied, whatever their size.
// Bytes pass through as slices of what arrived, except a FAILURE: it is held back until complete, so the relay may
// replace it (a syntax error's position mapped back to the client's text).
import { ChunkingError, ChunkReader } from '../channel/dechunker';
import { responseTags } from './messages';

export interface ScannedMessage {
  tag: number;
  /** The whole message (PackStream bytes) for SUCCESS and FAILURE; undefined for RECORD and IGNORED. */
  body?: Buffer;
}

/** Called per message; for a FAILURE it may return the framed message to send instead. */
export type MessageHandler = (message: ScannedMessage) => Buffer | void;

const COLLECTED = new Set<number>([responseTags.SUCCESS, responseTags.FAILURE]);

export class ResponseScanner extends ChunkReader {
  /** The first two bytes of the current message (struct marker, tag), which may straddle chunks. */
  private head: number[] = [];
  private parts: Buffer[] = [];
  private collected = 0;
  /** Holding the current message's bytes back: its tag is not known yet, or it is a FAILURE. */
  private holding = false;
  /** Held bytes from earlier writes. */
  private held: Buffer[] = [];
  // Per write: the bytes to pass on, where the bytes not passed on yet start, where the held bytes start.
  private out: Buffer[] = [];
  private passFrom = 0;
  private holdFrom = 0;

  constructor(
    private readonly onMessage: MessageHandler,
    private readonly maxSummaryBytes: number
  ) {
    super();
  }

  /** Scans `data`; returns the bytes to pass on to the client now (slices of `data`, or a replaced FAILURE). */
  write(data: Buffer): Buffer[] {
    // A message is held from its first byte until its tag is known. Within one write that costs nothing: the bytes
    // before it stay pending with it, so a run of RECORDs still passes as one slice; only a FAILURE, or a message
    // whose tag has not arrived when the write ends, splits the output.
    const out: Buffer[] = (this.out = []);
    this.passFrom = 0;
    this.holdFrom = 0;
    this.read(data);
    if (this.holding) {
      this.passPending(data);
      if (data.length > this.holdFrom) {
        this.held.push(Buffer.from(data.subarray(this.holdFrom))); // copied: the transport may reuse its buffer
      }
    } else if (data.length > this.passFrom) {
      out.push(data.subarray(this.passFrom));
    }
    return out;
  }

  protected onStart(_data: Buffer, at: number): void {
    this.holding = true;
    this.holdFrom = at;
  }

  protected onChunk(): void {}

  protected onBody(data: Buffer, start: number, end: number): void {
    let from = start;
    while (this.head.length < 2 && from < end) {
      this.head.push(data[from++]);
    }
    if (this.head.length < 2) {
      return;
    }
    if (COLLECTED.has(this.head[1])) {
      if (this.parts.length === 0) {
        this.parts.push(Buffer.from(this.head));
        this.collected = 2;
      }
      this.collected += end - from;
      if (this.collected > this.maxSummaryBytes) {
        throw new ChunkingError(`upstream summary larger than ${this.maxSummaryBytes} bytes`);
      }
      // Copied: the transport may reuse its buffer before the message ends.
      this.parts.push(Buffer.from(data.subarray(from, end)));
    }
    if (this.holding && this.head[1] !== responseTags.FAILURE) {
      this.release();
    }
  }

  protected onNoop(): void {
    if (this.holding) {
      this.release(); // a NOOP keep-alive passes as it came
    }
  }

  protected onEnd(data: Buffer, at: number): void {
    const tag = this.head[1];
    const body = this.parts.length > 0 ? Buffer.concat(this.parts, this.collected) : undefined;
    this.head = [];
    this.parts = [];
    this.collected = 0;
    const replacement = this.onMessage({ tag, body });
    if (this.holding) {
      const message = Buffer.concat([...this.held, data.subarray(this.holdFrom, at)]);
      this.held = [];
      this.holding = false;
      this.passPending(data);
      this.out.push(replacement ?? message);
      this.passFrom = at;
    }
  }

  /** Stops holding: what was held since an earlier write goes out (passFrom and holdFrom are both 0 then). */
  private release(): void {
    if (this.held.length > 0) {
      this.out.push(...this.held);
      this.held = [];
    }
    this.holding = false;
  }

  private passPending(data: Buffer): void {
    if (this.holdFrom > this.passFrom) {
      this.out.push(data.subarray(this.passFrom, this.holdFrom));
    }
  }
}
