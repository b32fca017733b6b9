// The client's reply side, as neo4j-driver's response handler does it: Bolt answers requests in the order they were
// sent, so each RECORD and summary belongs to the oldest request not yet answered (the shared PendingRequests
// ledger). A message that arrives while no request waits is kept for whoever reads it (a test), and a message that
// is no reply is an error.
import type { Structure } from '../packstream/reader';
import { requestTypes, responseTags } from '../bolt/messages';
import { PendingRequests, type PendingRequest } from '../bolt/pending-requests';
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

export interface PendingReply extends PendingRequest {
  /** How the request is named in errors. */
  request: string;
  records: unknown[][];
  reply?: BoltReply;
}

export class ReplyRouter {
  /** Requests not answered yet, oldest first: the one Bolt ledger, as the server connection uses it. */
  private readonly ledger = new PendingRequests<PendingReply>();
  /** Messages that arrived while no request was waiting. */
  readonly unrequested: Structure[] = [];

  constructor(private readonly serverName: string) {}

  get outstanding(): number {
    return this.ledger.size;
  }

  /** Registers a request about to be sent; its `reply` is set when the summary arrives. */
  expect(tag: number): PendingReply {
    const type = requestTypes[tag] ?? 'UNKNOWN';
    const pending: PendingReply = { type, request: requestTypes[tag] ?? `message 0x${tag.toString(16)}`, records: [] };
    this.ledger.sent(pending);
    return pending;
  }

  route(message: Structure): void {
    const owner = this.ledger.current;
    if (!owner) {
      this.unrequested.push(message);
      return;
    }
    const summary = summaries[message.tag];
    if (message.tag === responseTags.RECORD ? !Array.isArray(message.fields[0]) : summary === undefined) {
      throw new BoltClientError(
        'malformed',
        `${this.serverName} answered ${owner.request} with message 0x${message.tag.toString(16)}, which is not a Bolt reply`
      );
    }
    this.ledger.route(message.tag);
    if (summary === undefined) {
      owner.records.push(message.fields[0] as unknown[]);
    } else {
      const [metadata] = message.fields;
      const map = metadata !== null && typeof metadata === 'object' ? (metadata as Record<string, unknown>) : {};
      owner.reply = { summary, metadata: map, records: owner.records };
    }
  }
}
