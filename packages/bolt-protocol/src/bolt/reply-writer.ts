// A server's replies (SUCCESS, FAILURE, IGNORED, RECORD), encoded into one output buffer and handed to the channel
// in batches, waiting when the channel is full so a million-record stream never piles up in memory.
import { packValue, ValueEncodingError, type Dialect } from '../packstream/values';
import { PackStreamWriter } from '../packstream/writer';
import type { BoltFailure } from './memgraph';
import { MessageFramer } from './message-framer';
import { responseTags } from './messages';

/** Batch this much before writing to the channel. */
export const FLUSH_THRESHOLD = 64 * 1024;

/** A record value that cannot be encoded, with where it was. */
export class RecordEncodingError extends Error {}

/** Where replies go: a ByteChannel, as far as the writer needs one. */
export interface ReplySink {
  /** False once the outgoing buffer is over its high-water mark. */
  write(data: Buffer): boolean;
  drained(): Promise<void>;
}

/**
 * Where the output buffer starts: an idle connection holds only this (most connections only log in and wait); a
 * stream grows it by doubling to a little over FLUSH_THRESHOLD once, and it is kept from then on.
 */
const START_CAPACITY = 1024;

export class ReplyWriter {
  private readonly writer = new PackStreamWriter(START_CAPACITY);
  private readonly framer = new MessageFramer(this.writer);

  constructor(
    private readonly channel: ReplySink,
    private readonly dialect: Dialect
  ) {}

  get pendingBytes(): number {
    return this.writer.length;
  }

  success(metadata: Record<string, unknown>): void {
    this.message(responseTags.SUCCESS, metadata);
  }

  failure(failure: BoltFailure): void {
    this.message(responseTags.FAILURE, { code: failure.code, message: failure.message });
  }

  ignored(): void {
    this.framer.begin();
    this.writer.writeStructHeader(0, responseTags.IGNORED);
    this.framer.end();
  }

  /** `fields` only names values in error messages. */
  record(values: readonly unknown[], fields: readonly string[]): void {
    this.framer.begin();
    this.writer.writeStructHeader(1, responseTags.RECORD);
    this.writer.writeListHeader(values.length);
    for (let i = 0; i < values.length; i++) {
      try {
        packValue(this.writer, values[i], this.dialect);
      } catch (error) {
        this.framer.abandon();
        const reason = error instanceof ValueEncodingError || error instanceof RangeError ? error.message : String(error);
        throw new RecordEncodingError(`field "${fields[i] ?? i}": ${reason}`);
      }
    }
    this.framer.end();
  }

  /** Sends what is buffered; resolves when the channel can take more. */
  async flush(): Promise<void> {
    if (this.writer.length === 0) {
      return;
    }
    if (!this.channel.write(this.writer.take())) {
      await this.channel.drained();
    }
  }

  private message(tag: number, metadata: Record<string, unknown>): void {
    this.framer.begin();
    this.writer.writeStructHeader(1, tag);
    packValue(this.writer, metadata, this.dialect);
    this.framer.end();
  }
}
