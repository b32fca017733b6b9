// Links from the app's pages to Grafana pages, with Grafana's sub-path (`root_url` with a path) applied.
import { locationUtil } from '@grafana/data';
import { PLUGIN_IDS } from '@opentruss/contract';

export function grafanaHref(path: string): string {
  return locationUtil.assureBaseUrl(path);
}

/** Grafana's page for a Grafana-managed alert rule. */
export function alertRulePath(ruleUid: string): string {
  return `/alerting/grafana/${encodeURIComponent(ruleUid)}/view`;
}

/** The app's Configuration page (Grafana's plugin page of the app). */
export const CONFIGURATION_PATH = `/plugins/${PLUGIN_IDS.app}`;
