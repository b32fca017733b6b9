// The pending-request ledger: requests sent on to a Bolt server, oldest first, each waiting for its summary. A Bolt
// server answers strictly in order, so every reply belongs to the oldest request still waiting: RECORDs to it without
// settling it, a summary (SUCCESS, FAILURE, IGNORED) settles it. (neo4j-javascript-driver's bolt-connection keeps
// the same queue in its response handler.) The ledger also remembers what a server does after a FAILURE: it IGNOREs
// everything until a RESET succeeds.
import { responseTags, type RequestType } from './messages';

/** What the ledger needs of a request; the owner adds its own bookkeeping. */
export interface PendingRequest {
  readonly type: RequestType;
}

/** A reply nobody asked for, or not a Bolt reply at all: the peer does not speak Bolt as it should. */
export class UnexpectedReplyError extends Error {}

export type SummaryTag = typeof responseTags.SUCCESS | typeof responseTags.FAILURE | typeof responseTags.IGNORED;

export class PendingRequests<P extends PendingRequest = PendingRequest> {
  private readonly waiting: P[] = [];
  private failed = false;

  /** How many requests still wait for their summary. */
  get size(): number {
    return this.waiting.length;
  }

  /** The request the next reply belongs to. */
  get current(): P | undefined {
    return this.waiting[0];
  }

  /** The peer sent a FAILURE and no RESET has succeeded since: it ignores whatever it is sent. */
  get peerFailed(): boolean {
    return this.failed;
  }

  /** A request went to the peer. */
  sent(request: P): void {
    this.waiting.push(request);
  }

  /**
   * Routes one reply: a RECORD to the current request (which keeps waiting), a summary settles it. Returns the request
   * the reply belongs to and whether it is settled now.
   */
  route(tag: number): { request: P; settled: boolean } {
    if (tag === responseTags.RECORD) {
      const request = this.waiting[0];
      if (!request) {
        throw new UnexpectedReplyError('a RECORD nobody asked for');
      }
      return { request, settled: false };
    }
    if (tag !== responseTags.SUCCESS && tag !== responseTags.FAILURE && tag !== responseTags.IGNORED) {
      throw new UnexpectedReplyError(`not a Bolt reply: tag 0x${tag.toString(16)}`);
    }
    return { request: this.settle(tag), settled: true };
  }

  /** A summary answers the oldest waiting request: it is taken off the ledger and returned. */
  settle(tag: SummaryTag): P {
    const request = this.waiting.shift();
    if (!request) {
      throw new UnexpectedReplyError('an answer nobody asked for');
    }
    if (tag === responseTags.FAILURE) {
      this.failed = true;
    } else if (tag === responseTags.SUCCESS && request.type === 'RESET') {
      this.failed = false;
    }
    return request;
  }
}
