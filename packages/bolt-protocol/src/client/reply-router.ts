// The client's reply side, as neo4j-driver's response handler does it: Bolt answers requests in the order they were
// sent, so each RECORD and summary belongs to the oldest request not yet answered. A message that arrives while no
// request waits is kept for whoever reads it (a test), and a message that is no reply is an error.
import type { Structure } from '../packstream/reader';
import { requestTypes, responseTags } from '../protocol/messages';
import { BoltClientError } from './client-error';

export type SummaryType = 'SUCCESS' | 'FAILURE' | 'IGNORED';

/** A request's answer: the RECORDs before its summary, and the summary. */
export interface BoltReply {
  summary: SummaryType;
  /** SUCCESS or FAILURE metadata (`code` and `message` on FAILURE); `{}` for IGNORED. */
  metadata: Record<string, unknown>;
  records: unknown[][];
}

const summaries: Readonly<Record<number, SummaryType>> = {
  [responseTags.SUCCESS]: 'SUCCESS',
  [responseTags.FAILURE]: 'FAILURE',
  [responseTags.IGNORED]: 'IGNORED',
};

export interface PendingReply {
  request: string;
  records: unknown[][];
  reply?: BoltReply;
}

export class ReplyRouter {
  /** Requests not answered yet, in the order they were sent: the first one owns the next reply. */
  private readonly pending: PendingReply[] = [];
  /** Messages that arrived while no request was waiting. */
  readonly unrequested: Structure[] = [];

  constructor(private readonly serverName: string) {}

  get outstanding(): number {
    return this.pending.length;
  }

  /** Registers a request about to be sent; its `reply` is set when the summary arrives. */
  expect(tag: number): PendingReply {
    const pending: PendingReply = { request: requestTypes[tag] ?? `message 0x${tag.toString(16)}`, records: [] };
    this.pending.push(pending);
    return pending;
  }

  route(message: Structure): void {
    const owner = this.pending[0];
    if (!owner) {
      this.unrequested.push(message);
    } else if (message.tag === responseTags.RECORD && Array.isArray(message.fields[0])) {
      owner.records.push(message.fields[0]);
    } else if (message.tag in summaries) {
      const [metadata] = message.fields;
      const map = metadata !== null && typeof metadata === 'object' ? (metadata as Record<string, unknown>) : {};
      owner.reply = { summary: summaries[message.tag], metadata: map, records: owner.records };
      this.pending.shift();
    } else {
      throw new BoltClientError(
        'malformed',
        `${this.serverName} answered ${owner.request} with message 0x${message.tag.toString(16)}, which is not a Bolt reply`
      );
    }
  }
}
