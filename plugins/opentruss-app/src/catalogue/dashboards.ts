// The dashboards the app bundles: one list, read by the pages (links, kiosk mode, playlist) and by the
// generator in dashboards-as-code/ (titles, uids). Browser-safe data only.
// The titles here are the provisioned dashboards' own, which Grafana cannot translate: they stay "中文 / English"
// by design (docs/i18n.md). The app's pages show dashboardTexts.ts's, in the viewer's language.
/* eslint-disable no-restricted-syntax */
import { DASHBOARD_UIDS, type DashboardKey } from '@opentruss/contract';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface DashboardInfo {
  key: DashboardKey;
  uid: string;
  title: Bilingual;
  /** One sentence: what the dashboard answers. */
  summary: string;
  /** Shown in the wall playlist (the capacity dashboard changes too slowly to rotate on a screen). */
  onWall: boolean;
}

export const DASHBOARDS: readonly DashboardInfo[] = [
  {
    key: 'wall',
    uid: DASHBOARD_UIDS.wall,
    title: { zh: '运维总览', en: 'Wall overview' },
    summary: 'Firing alerts, API latency and errors, host load and the approval backlog, readable across a room.',
    onWall: true,
  },
  {
    key: 'system',
    uid: DASHBOARD_UIDS.system,
    title: { zh: '系统资源', en: 'System resources' },
    summary:
      'CPU, memory, disk, disk I/O and network of the OpenTruss host (node-exporter) with the manual’s thresholds.',
    onWall: true,
  },
  {
    key: 'apiDatabase',
    uid: DASHBOARD_UIDS.apiDatabase,
    title: { zh: 'API 与数据库', en: 'API and database' },
    summary: 'API P95, error rate and request rate by endpoint; Memgraph query time by query type; connections.',
    onWall: true,
  },
  {
    key: 'business',
    uid: DASHBOARD_UIDS.business,
    title: { zh: '业务指标', en: 'Business' },
    summary:
      'Inspection lots, elements, approvals and division acceptance progress from Memgraph, by project and building; the business alerts and their history from the business exporter.',
    onWall: true,
  },
  {
    key: 'capacity',
    uid: DASHBOARD_UIDS.capacity,
    title: { zh: '容量规划', en: 'Capacity planning' },
    summary:
      'Projects, elements and inspection lots now against the ops manual’s §8.1 forecast, with the growth trend.',
    onWall: false,
  },
  {
    key: 'logs',
    uid: DASHBOARD_UIDS.logs,
    title: { zh: '日志', en: 'Logs' },
    summary:
      'Every service’s log lines (Loki, 30 days) by service and level: volume, error lines, a searchable log panel and the log alerts.',
    onWall: false,
  },
];

/** `OpenTruss · 运维总览 / Wall overview`: the title Grafana shows and searches. */
export function dashboardTitle(dashboard: DashboardInfo): string {
  return `OpenTruss · ${dashboard.title.zh} / ${dashboard.title.en}`;
}

export function dashboardByKey(key: DashboardKey): DashboardInfo {
  const found = DASHBOARDS.find((d) => d.key === key);
  if (!found) {
    throw new Error(`No dashboard "${key}"`);
  }
  return found;
}

/** Query-string parameters, in order; `undefined` values are left out, `''` becomes a bare flag (`?kiosk`). */
export type UrlParams = Array<[string, string | undefined]>;

export function pathWithParams(path: string, params: UrlParams): string {
  const parts = params
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => (value === '' ? name : `${name}=${encodeURIComponent(value)}`));
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

/** A dashboard's path relative to Grafana's root, e.g. `/d/opentruss-wall?var-prometheus=prom-2`. */
export function dashboardPath(uid: string, params: UrlParams = []): string {
  return pathWithParams(`/d/${uid}`, params);
}

/** One panel on its own (Grafana accepts the numeric panel id in `viewPanel`). */
export function panelPath(uid: string, panelId: number, params: UrlParams = []): string {
  return dashboardPath(uid, [...params, ['viewPanel', String(panelId)]]);
}

/**
 * Kiosk mode for wall screens: no menu or navbar, the dashboard's controls hidden (Grafana 11+ shows them in
 * kiosk unless told not to), panels scaled to the screen.
 */
export const KIOSK_PARAMS: UrlParams = [
  ['kiosk', ''],
  ['autofitpanels', ''],
  ['_dash.hideTimePicker', ''],
  ['_dash.hideVariables', ''],
  ['_dash.hideLinks', ''],
];

export function kioskPath(uid: string, params: UrlParams = []): string {
  return dashboardPath(uid, [...params, ...KIOSK_PARAMS]);
}
