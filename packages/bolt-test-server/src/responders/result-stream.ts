// The rows of one answered RUN, pulled lazily: arrays, generators and async generators alike, so a
// million-row responder never sits in memory. One row of look-ahead tells PULL whether more remain.
import type { RecordsResponder, Row, RunRequest } from '../api';
import { interruptible, Interrupted } from './interrupts';
import { describeResponder, ResponderError } from './registry';

type RowIterator = Iterator<Row> | AsyncIterator<Row>;

const EXHAUSTED = Symbol('exhausted');

export class ResultStream {
  readonly fields: readonly string[];
  recordsSent = 0;
  pullsAnswered = 0;
  private readonly iterator: RowIterator;
  private lookahead: Row | typeof EXHAUSTED | undefined;
  private rowNumber = 0;
  private closed = false;

  constructor(
    readonly responder: RecordsResponder,
    run: RunRequest
  ) {
    this.fields = responder.fields;
    const source = responder.records ?? [];
    try {
      const rows = typeof source === 'function' ? source(run) : source;
      this.iterator = isAsyncIterable(rows) ? rows[Symbol.asyncIterator]() : rows[Symbol.iterator]();
    } catch (error) {
      throw this.producerError(error);
    }
  }

  /** The next row, or undefined when there are no more. */
  async next(signal: AbortSignal): Promise<Row | undefined> {
    const row = this.lookahead ?? (await this.advance(signal));
    this.lookahead = undefined;
    return row === EXHAUSTED ? undefined : row;
  }

  async hasMore(signal: AbortSignal): Promise<boolean> {
    this.lookahead ??= await this.advance(signal);
    return this.lookahead !== EXHAUSTED;
  }

  /** Lets a generator run its `finally` blocks when the stream ends early. */
  close(): void {
    if (this.closed) {
      return;
    }
    this.closed = true;
    try {
      void Promise.resolve(this.iterator.return?.()).catch(() => undefined);
    } catch {
      // A generator that throws on return has nothing more to tell us.
    }
  }

  private async advance(signal: AbortSignal): Promise<Row | typeof EXHAUSTED> {
    let result: IteratorResult<Row>;
    try {
      const step = this.iterator.next();
      result = isPromiseLike(step) ? await interruptible(step, signal) : step;
    } catch (error) {
      throw error instanceof Interrupted ? error : this.producerError(error);
    }
    if (result.done) {
      return EXHAUSTED;
    }
    this.rowNumber++;
    const row = result.value;
    if (!Array.isArray(row) || row.length !== this.fields.length) {
      throw new ResponderError(
        `${describeResponder(this.responder)}: row ${this.rowNumber} must be an array of ${this.fields.length} ` +
          `value(s) for fields [${this.fields.join(', ')}], got ${describeRow(row)}`
      );
    }
    return row;
  }

  /** 1-based number of the row last produced (for error messages). */
  get rowsProduced(): number {
    return this.rowNumber;
  }

  private producerError(error: unknown): ResponderError {
    const message = error instanceof Error ? error.message : String(error);
    return new ResponderError(`${describeResponder(this.responder)} failed producing records: ${message}`);
  }
}

function isAsyncIterable(value: Iterable<Row> | AsyncIterable<Row>): value is AsyncIterable<Row> {
  return typeof (value as AsyncIterable<Row>)[Symbol.asyncIterator] === 'function';
}

function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as PromiseLike<T>)?.then === 'function';
}

function describeRow(row: unknown): string {
  return Array.isArray(row) ? `${row.length} value(s)` : row === null ? 'null' : typeof row;
}
