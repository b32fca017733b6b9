// Memgraph's replies, as the relay reads them: each is routed through the connection's ledger to the request it
// answers, ends the query it belongs to (completed, discarded, failed, reset), and a FAILURE to a RUN may be
// replaced by one whose error position points into the client's text instead of the canonical one.
import {
  createHydrator,
  mapField,
  PackStreamReader,
  responseTags,
  type Dialect,
  type PendingRequest,
  type PendingRequests,
  type ScannedMessage,
} from '@opentruss/bolt-protocol';
import type { QueryOutcome } from '../ops/metrics';
import type { OpenQueries, OpenQuery } from './open-queries';
import type { ReEncoder } from './re-encoder';
import { failureForClient, type CheckedRun } from './statement-policy';

/** A request sent upstream, waiting for its summary (the ledger's entry). */
export interface Relayed extends PendingRequest {
  query?: OpenQuery;
  /** A RUN: the canonical text Memgraph received, to map its error positions back to the client's text. */
  run?: CheckedRun;
}

export class UpstreamReplies {
  constructor(
    private readonly ledger: PendingRequests<Relayed>,
    private readonly queries: OpenQueries,
    /** The dialect and encoder of the agreed Bolt version. */
    private readonly codec: () => { dialect: Dialect; encoder: ReEncoder }
  ) {}

  /** Bookkeeping per reply; returns a FAILURE to send instead of Memgraph's (positions in the client's text). */
  onMessage({ tag, body }: ScannedMessage): Buffer | void {
    if (tag === responseTags.RECORD) {
      return; // RECORDs are not decoded, whatever their number
    }
    const { request } = this.ledger.route(tag);
    const metadata = body ? this.decodeMetadata(body) : {};
    if (tag === responseTags.FAILURE) {
      this.endResultOf(request, 'failed');
      return request.run ? this.failureForClient(metadata, request.run) : undefined;
    } else if (tag === responseTags.IGNORED) {
      this.endResultOf(request, 'failed');
    } else if (request.type === 'RESET') {
      this.queries.endAll('reset');
    } else if ((request.type === 'PULL' || request.type === 'DISCARD') && metadata.has_more !== true) {
      const query = this.queries.oldest;
      if (query) {
        this.queries.end(query, request.type === 'PULL' ? 'completed' : 'discarded');
      }
    }
  }

  /** Memgraph's FAILURE to a RUN, its syntax error position mapped to the client's text; undefined to keep it. */
  private failureForClient(metadata: Record<string, unknown>, run: CheckedRun): Buffer | undefined {
    const { code, message } = metadata;
    if (typeof code !== 'string' || typeof message !== 'string') {
      return undefined;
    }
    const mapped = failureForClient({ code, message }, run);
    return mapped.message === message ? undefined : this.codec().encoder.failure(mapped);
  }

  /** A failed or ignored request ends the query it belongs to: its own (RUN) or the open one (PULL/DISCARD). */
  private endResultOf(request: Relayed, outcome: QueryOutcome): void {
    const query =
      request.query ?? (request.type === 'PULL' || request.type === 'DISCARD' ? this.queries.oldest : undefined);
    if (query) {
      this.queries.end(query, outcome);
    }
  }

  private decodeMetadata(body: Buffer): Record<string, unknown> {
    return mapField(new PackStreamReader(body, createHydrator(this.codec().dialect)).readMessage().fields, 0);
  }
}
