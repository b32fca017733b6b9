// LogQL building blocks: the Loki labels Alloy sets (deploy/alloy/config.alloy), the ops manual's §3.3 log
// commands as Loki queries, and links that open a query in Grafana's Explore. Shared by the log alerts, the
// app's Logs dashboard and the runbooks (a test parses every expression and checks its labels against Alloy's).
import { DATASOURCE_UIDS } from '@opentruss/contract';

/** The labels Alloy puts on every line; queries may select on these and nothing else. */
export const LOG_LABELS = ['service', 'level', 'project'] as const;
export type LogLabel = (typeof LOG_LABELS)[number];

/** The values of `level` (Alloy maps every spelling to one of these). */
export const LOG_LEVEL_VALUES = ['debug', 'info', 'warning', 'error', 'critical', 'unknown'] as const;

/** Stream selectors of the services the ops manual names (§3.2): the backend, Memgraph (and a replica), nginx. */
export const LOG_SELECTORS = {
  backend: '{service="backend"}',
  backendErrors: '{service="backend", level=~"error|critical"}',
  memgraph: '{service=~"memgraph.*"}',
  memgraphErrors: '{service=~"memgraph.*", level=~"error|critical"}',
  nginx: '{service=~"tls-proxy|nginx"}',
  gateway: '{service=~"bolt-gateway.*"}',
  critical: '{level="critical"}',
} as const;

/**
 * A Memgraph replica logs this at ERROR on Community edition, harmlessly (Memgraph's own deployment notes say to
 * ignore it): the Memgraph log alert leaves it out.
 */
export const MEMGRAPH_BENIGN_ERROR = 'Handling SystemRecovery, an enterprise RPC message, without license';

/** Lines of `selector` per window, summed over every stream (or by `by`). */
export function countOverTime(selector: string, window: string, by?: LogLabel[]): string {
  const aggregation = by?.length ? `sum by (${by.join(', ')})` : 'sum';
  return `${aggregation} (count_over_time(${selector} [${window}]))`;
}

export interface ExploreOptions {
  /** Relative or absolute range start (`now-1h`, or an ISO time). */
  from?: string;
  to?: string;
  /** Show at most this many lines (Explore's line limit). */
  maxLines?: number;
}

/**
 * Grafana's Explore on the provisioned Loki with `expr` ready to run, as a path relative to Grafana's root
 * (Explore's URL format since Grafana 10: `schemaVersion=1&panes={…}`).
 */
export function exploreLink(expr: string, options: ExploreOptions = {}): string {
  const query: Record<string, unknown> = {
    refId: 'A',
    datasource: { type: 'loki', uid: DATASOURCE_UIDS.loki },
    expr,
    queryType: 'range',
    editorMode: 'code',
  };
  if (options.maxLines !== undefined) {
    query.maxLines = options.maxLines;
  }
  const panes = {
    a: {
      datasource: DATASOURCE_UIDS.loki,
      queries: [query],
      range: { from: options.from ?? 'now-1h', to: options.to ?? 'now' },
    },
  };
  return `/explore?schemaVersion=1&panes=${encodeURIComponent(JSON.stringify(panes))}&orgId=1`;
}

/** The LogQL of an Explore link made by `exploreLink` (for tests and the docs), or undefined. */
export function exploreLinkQueries(link: string): string[] | undefined {
  const match = /[?&]panes=([^&]+)/.exec(link);
  if (!link.startsWith('/explore?') || !match) {
    return undefined;
  }
  const panes = JSON.parse(decodeURIComponent(match[1])) as Record<string, { queries?: Array<{ expr?: string }> }>;
  return Object.values(panes).flatMap((pane) => (pane.queries ?? []).map((q) => q.expr ?? ''));
}

/**
 * Ops manual §3.3's four `docker-compose logs` commands, each with its Grafana equivalent (the runbooks show
 * them side by side).
 */
export const MANUAL_LOG_COMMANDS = [
  {
    command: 'docker-compose logs -f backend',
    what: { zh: '查看后端日志（持续跟踪）', en: 'Follow the backend log' },
    expr: LOG_SELECTORS.backend,
    explore: { from: 'now-15m' },
    how: { zh: 'Explore 右上角的 Live 按钮持续跟踪', en: 'Explore’s Live button follows it' },
  },
  {
    command: 'docker-compose logs --tail=100 backend',
    what: { zh: '查看最近 100 行', en: 'The last 100 lines' },
    expr: LOG_SELECTORS.backend,
    explore: { from: 'now-24h', maxLines: 100 },
    how: { zh: '行数上限 100', en: 'line limit 100' },
  },
  {
    command: 'docker-compose logs --since="2024-01-01T00:00:00" backend',
    what: { zh: '查看特定时间段的日志', en: 'The log since a given time' },
    expr: LOG_SELECTORS.backend,
    explore: { from: '2024-01-01T00:00:00.000Z', to: 'now' },
    how: { zh: '时间范围从该时刻开始（保留 30 天）', en: 'time range from that moment (30 days are kept)' },
  },
  {
    command: 'docker-compose logs backend | grep ERROR',
    what: { zh: '搜索错误日志', en: 'Search the error log' },
    expr: LOG_SELECTORS.backendErrors,
    explore: { from: 'now-24h' },
    how: { zh: '按级别 ERROR/CRITICAL 筛选', en: 'by level ERROR/CRITICAL' },
  },
] as const;
