// The app's settings (plugin jsonData), written by the Configuration page and read by every page.
import type { UrlParams } from './catalogue/dashboards';
import { DATASOURCE_VARIABLES, type DatasourceRole } from './catalogue/datasources';

export interface AppSettings {
  /** Uid of the Memgraph datasource the pages and dashboard links use; default: the provisioned one. */
  memgraphDatasourceUid?: string;
  /** Uid of the Prometheus datasource the pages, dashboard links and installed alert rules use. */
  prometheusDatasourceUid?: string;
  /** Uid of the Loki datasource the Logs dashboard links and installed log alert rules use. */
  lokiDatasourceUid?: string;
}

export type ResolvedAppSettings = Required<AppSettings>;

/** The setting that holds each role's datasource uid. */
export const SETTING_OF_ROLE = {
  memgraph: 'memgraphDatasourceUid',
  prometheus: 'prometheusDatasourceUid',
  loki: 'lokiDatasourceUid',
} as const satisfies Record<DatasourceRole, keyof AppSettings>;

/** Settings with the provisioned uids for whatever is unset or blank. */
export function resolveAppSettings(jsonData: AppSettings | undefined | null): ResolvedAppSettings {
  const pick = (role: DatasourceRole) =>
    jsonData?.[SETTING_OF_ROLE[role]]?.trim() || DATASOURCE_VARIABLES[role].defaultUid;
  return {
    memgraphDatasourceUid: pick('memgraph'),
    prometheusDatasourceUid: pick('prometheus'),
    lokiDatasourceUid: pick('loki'),
  };
}

export function datasourceUidFor(settings: ResolvedAppSettings, role: DatasourceRole): string {
  return settings[SETTING_OF_ROLE[role]];
}

/**
 * `var-memgraph=…&var-prometheus=…&var-loki=…` for dashboard links, only for datasources that differ from the dashboards'
 * defaults (so links stay short and a later change of default still applies).
 */
export function datasourceUrlParams(settings: ResolvedAppSettings): UrlParams {
  return (Object.keys(DATASOURCE_VARIABLES) as DatasourceRole[])
    .filter((role) => datasourceUidFor(settings, role) !== DATASOURCE_VARIABLES[role].defaultUid)
    .map((role) => [`var-${DATASOURCE_VARIABLES[role].name}`, datasourceUidFor(settings, role)]);
}
