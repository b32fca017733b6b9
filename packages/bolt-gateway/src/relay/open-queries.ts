// The queries one connection has sent upstream whose results have not ended: each holds a slot of its viewer's
// per-viewer limit, counts against the per-connection limit, has a watchdog, and ends once with an outcome the
// metrics count (completed, discarded, failed, reset, timed out, disconnected).
import { gatewayErrorCodes } from '@opentruss/contract';
import type { GatewaySettings } from '../config/settings';
import type { GatewayMetrics, QueryOutcome } from '../ops/metrics';
import type { Refusal } from './statement-policy';
import type { ViewerQueries } from './viewer-queries';

/** A result still open this long after the query time limit is cut, whatever Memgraph does. */
const WATCHDOG_GRACE_MS = 5000;

export interface OpenQuery {
  startedAt: number;
  /** The viewer whose per-viewer slot it holds. */
  viewer: string;
  watchdog?: NodeJS.Timeout;
}

export interface OpenQueriesHost {
  readonly settings: GatewaySettings;
  readonly metrics: GatewayMetrics;
  readonly viewerQueries: ViewerQueries;
}

export class OpenQueries {
  private readonly open: OpenQuery[] = [];

  constructor(
    private readonly host: OpenQueriesHost,
    /** A watchdog fired: the connection is cut (`reason` says why). */
    private readonly onWatchdog: (reason: string) => void
  ) {}

  get size(): number {
    return this.open.length;
  }

  /** The query a PULL or DISCARD without a qid belongs to. */
  get oldest(): OpenQuery | undefined {
    return this.open[0];
  }

  /** The limit one more query for `viewer` would break, as the refusal the client gets. */
  limitRefusal(viewer: string): Refusal | undefined {
    const { maxQueriesPerConnection, maxQueriesPerViewer } = this.host.settings.limits;
    const limitReached = (message: string): Refusal => ({
      kind: 'limit',
      failure: { code: gatewayErrorCodes.limitReached, message: `Bolt gateway: ${message}` },
    });
    if (this.open.length >= maxQueriesPerConnection) {
      return limitReached(
        `${maxQueriesPerConnection} queries are already open on this connection ` +
          '(BOLT_GATEWAY_MAX_QUERIES_PER_CONNECTION); finish or discard one first.'
      );
    }
    if (!this.host.viewerQueries.hasRoom(viewer)) {
      return limitReached(
        `the viewer credential "${viewer}" already has ${maxQueriesPerViewer} queries open over all its ` +
          'connections (BOLT_GATEWAY_MAX_QUERIES_PER_VIEWER). Retry when some have finished, or give each group ' +
          'of viewers its own credential.'
      );
    }
    return undefined;
  }

  /** A RUN goes upstream for `viewer`: its slot is taken and its watchdog armed. */
  start(viewer: string): OpenQuery {
    const { queryTimeoutMs } = this.host.settings.limits;
    const query: OpenQuery = { startedAt: performance.now(), viewer };
    if (queryTimeoutMs > 0) {
      query.watchdog = setTimeout(() => {
        this.end(query, 'timed_out');
        this.onWatchdog(`query still open ${WATCHDOG_GRACE_MS} ms after the query time limit`);
      }, queryTimeoutMs + WATCHDOG_GRACE_MS);
    }
    this.open.push(query);
    this.host.viewerQueries.acquire(viewer);
    return query;
  }

  /** Ends `query` (once): its slot given back, its outcome and duration counted. */
  end(query: OpenQuery, outcome: QueryOutcome): void {
    const index = this.open.indexOf(query);
    if (index < 0) {
      return;
    }
    this.open.splice(index, 1);
    clearTimeout(query.watchdog);
    this.host.viewerQueries.release(query.viewer);
    const { metrics } = this.host;
    metrics.queries.inc({ outcome });
    metrics.queryDuration.observe((performance.now() - query.startedAt) / 1000);
  }

  /** Ends every open query (RESET, or the connection closed). */
  endAll(outcome: QueryOutcome): void {
    [...this.open].forEach((query) => this.end(query, outcome));
  }
}
