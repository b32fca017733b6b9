// Links on panels and dashboards. Grafana prefixes root-relative links with its sub-path itself.
import type { Builder } from '@grafana/grafana-foundation-sdk/cog';
import { DashboardLinkBuilder, DashboardLinkType, type DashboardLink } from '@grafana/grafana-foundation-sdk/dashboard';
import { DASHBOARD_UIDS, runbookPath } from '@opentruss/contract';
import { panelPath } from '../../src/catalogue/dashboards';
import { ROUTES, prefixRoute } from '../../src/constants';

/**
 * The SDK's link and annotation builders default `placement` to the controls menu (a Grafana 12.4 option);
 * leaving it out keeps Grafana's usual placement: links and annotation toggles in the dashboard header, panel
 * links in the panel's link menu.
 */
export function withoutPlacement<T extends { placement?: unknown }>(builder: Builder<T>): Builder<T> {
  return {
    build: () => {
      const { placement: _placement, ...rest } = builder.build();
      return rest as T;
    },
  };
}

function urlLink(title: string, url: string): Builder<DashboardLink> {
  return withoutPlacement(new DashboardLinkBuilder(title).type(DashboardLinkType.Link).url(url));
}

/** The runbook page of an alert in the app: `/a/opentruss-app/runbooks/<Alert>`. */
export function runbookLink(alertName: string): Builder<DashboardLink> {
  return urlLink(`运行手册 / Runbook: ${alertName}`, runbookPath(alertName));
}

/** A panel of another dashboard on its own, keeping the datasource variables. */
export function panelLink(title: string, dashboardUid: string, panelId: number): Builder<DashboardLink> {
  return withoutPlacement(
    new DashboardLinkBuilder(title)
      .type(DashboardLinkType.Link)
      .url(panelPath(dashboardUid, panelId))
      .includeVars(true)
      .keepTime(true)
  );
}

/** The dashboards' shared header: a dropdown of every OpenTruss dashboard (by tag) and the app's runbooks. */
export function dashboardHeaderLinks(tag: string): Array<Builder<DashboardLink>> {
  return [
    withoutPlacement(
      new DashboardLinkBuilder('OpenTruss')
        .type(DashboardLinkType.Dashboards)
        .tags([tag])
        .asDropdown(true)
        .includeVars(true)
        .keepTime(true)
    ),
    urlLink('运行手册 / Runbooks', prefixRoute(ROUTES.Runbooks)),
  ];
}

/** The Logs dashboard, keeping the time range and the datasource variables (a header link). */
export function logsDashboardLink(): Builder<DashboardLink> {
  return withoutPlacement(
    new DashboardLinkBuilder('日志 / Logs')
      .type(DashboardLinkType.Link)
      .url(`/d/${DASHBOARD_UIDS.logs}`)
      .includeVars(true)
      .keepTime(true)
      .icon('doc')
  );
}

/** A panel data link's fields as Grafana stores them (fieldConfig.defaults.links). */
interface DataLinkModel {
  title: string;
  url: string;
}

/** Ten minutes around the point clicked (Grafana's `time` / `time.window` URL parameters, in ms). */
export const LOGS_WINDOW_MS = 600_000;

/**
 * A data link from a graph's point to the Logs dashboard at the minutes around it, with the given variable
 * values (`service`, `level`): "what did the logs say when this went up?".
 */
export function logsDataLink(title: string, variables: Array<[name: string, value: string]>): Builder<DashboardLink> {
  // Grafana fills ${__value.time} with the clicked point's time; `time` and `time.window` then set the range.
  const params = [
    'time=${__value.time}',
    `time.window=${LOGS_WINDOW_MS}`,
    ...variables.map(([name, value]) => `var-${name}=${encodeURIComponent(value)}`),
  ];
  const link: DataLinkModel = { title, url: `/d/${DASHBOARD_UIDS.logs}?${params.join('&')}` };
  // Data links are { title, url }; the SDK types them with its dashboard-link builder.
  return { build: () => link as unknown as DashboardLink };
}
