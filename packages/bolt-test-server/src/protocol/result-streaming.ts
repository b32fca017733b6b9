// An open result and the rows PULL sends (or DISCARD skips), flushed as they grow, stopping where a responder
// asks the connection to drop.
import { FLUSH_THRESHOLD, RecordEncodingError, type ReplyWriter } from '@opentruss/bolt-protocol';
import type { RecordsResponder, RunRecord } from '../api';
import { describeResponder, ResponderError } from '../responders/registry';
import type { ResultStream } from '../responders/result-stream';
import { throwIfInterrupted, type TransactionDeadline } from '../responders/interrupts';

export interface OpenResult {
  run: RunRecord;
  responder: RecordsResponder;
  stream: ResultStream;
  deadline: TransactionDeadline;
  /** Auto-commit results own their deadline; explicit transactions share the BEGIN's. */
  ownsDeadline: boolean;
  signal: AbortSignal;
}

/**
 * Sends (or skips) up to n rows (all when n < 0). Returns true when the responder's `disconnectAfterRecords` is
 * reached: the rows so far are flushed and the caller drops the connection.
 */
export async function streamRows(
  result: OpenResult,
  writer: ReplyWriter,
  mode: 'send' | 'skip',
  n: number
): Promise<boolean> {
  const { run, responder, stream, signal } = result;
  const disconnectAt = responder.disconnectAfterRecords;
  for (let count = 0; n < 0 || count < n; count++) {
    if (mode === 'send' && disconnectAt !== undefined && run.recordsSent >= disconnectAt) {
      await writer.flush();
      return true;
    }
    const row = await stream.next(signal);
    if (row === undefined) {
      break;
    }
    if (mode === 'skip') {
      continue;
    }
    try {
      writer.record(row, stream.fields);
    } catch (error) {
      if (error instanceof RecordEncodingError) {
        throw new ResponderError(`${describeResponder(responder)}, row ${stream.rowsProduced}, ${error.message}`);
      }
      throw error;
    }
    stream.recordsSent++;
    run.recordsSent++;
    if (writer.pendingBytes >= FLUSH_THRESHOLD) {
      await writer.flush();
      throwIfInterrupted(signal);
    }
  }
  return false;
}
