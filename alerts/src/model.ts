// The vocabulary of the alert catalogue. Everything here is plain, browser-safe data: the app imports it.
import type { DashboardKey } from '@opentruss/contract';

/** A text in both languages the OpenTruss team works in. Chinese comes first wherever both are shown. */
export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * Routing severity, as monitoring mixins use it: `critical` pages the on-call, `warning` goes to the ops team's
 * queue. (There is no `info` tier: every alert here asks somebody to act.)
 */
export type Severity = 'critical' | 'warning';
export const SEVERITIES: readonly Severity[] = ['critical', 'warning'];

/**
 * The unit an alert's value is expressed in, after its PromQL. Percentages are 0–100 (so the manual's numbers
 * appear unchanged in the rules); durations are seconds, as Prometheus histograms record them.
 */
export type ValueUnit = 'percent' | 'seconds' | 'count' | 'minutes' | 'hours' | 'days' | 'percentPerHour' | 'up';

/** `for` durations in Prometheus syntax. `0s` means "alert on the first evaluation above the threshold". */
export type PromDuration = `${number}${'s' | 'm' | 'h'}`;

/** Which side of the threshold is bad. */
export type Comparator = 'gt' | 'lt';

/** The ops manual's §2.1 thresholds, by key (their values: config.ts). */
export type ThresholdKey =
  'cpu' | 'memory' | 'disk' | 'diskIo' | 'network' | 'apiP95' | 'apiErrorRate' | 'dbQueryTime' | 'activeConnections';

/** What an alert is about, as a label: lets a policy or a silence target one layer. */
export type Component = 'system' | 'backend' | 'database' | 'business' | 'monitoring' | 'security' | 'backup' | 'logs';

/**
 * What Grafana does when the query returns no series (`noDataState`) or fails (`execErrState`) — chosen per
 * alert, never left to the default. Values are Grafana's own enum members.
 */
export type NoDataState = 'NoData' | 'Alerting' | 'OK' | 'KeepLast';
export type ExecErrState = 'Error' | 'Alerting' | 'OK' | 'KeepLast';

/** A panel of one of the app's bundled dashboards that shows an alert's value with its threshold lines. */
export interface PanelRef {
  dashboard: DashboardKey;
  /** The dashboard's uid (`DASHBOARD_UIDS[dashboard]`), spelled out for consumers that only need the link. */
  dashboardUid: string;
  panelId: number;
}

export interface AlertPanel extends PanelRef {
  title: Bilingual;
}

/**
 * Where a threshold or alert comes from in the OpenTruss ops manual (运维手册): a section, or `4.1#n` for
 * problem n of §4.1 (常见问题).
 */
export type ManualSource =
  '2.1.1' | '2.1.2' | '2.1.3' | '3' | '4.1#2' | '4.1#3' | '4.1#4' | '6' | '7' | '7.3' | '8' | '10' | '11.2';

/** Where Grafana evaluates an alert's `expr`: Prometheus (PromQL, also in the Prometheus rule file) or Loki (LogQL). */
export type AlertDatasource = 'prometheus' | 'loki';
