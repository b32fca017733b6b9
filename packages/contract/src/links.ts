import { PLUGIN_IDS } from './ids';

/** Grafana's root URL when none is configured (the compose stack publishes Grafana here). */
export const DEFAULT_GRAFANA_ROOT_URL = 'http://localhost:3000';

/** Path of the app, relative to Grafana's root. */
export const APP_BASE_PATH = `/a/${PLUGIN_IDS.app}`;

/** Path of a runbook page inside Grafana: `/a/opentruss-app/runbooks/<name>`. */
export function runbookPath(runbookName: string): string {
  return `${APP_BASE_PATH}/runbooks/${encodeURIComponent(runbookName)}`;
}

/** Absolute runbook URL, as alert annotations carry it (`runbook_url`). */
export function runbookUrl(runbookName: string, grafanaRootUrl: string = DEFAULT_GRAFANA_ROOT_URL): string {
  return grafanaRootUrl.replace(/\/+$/, '') + runbookPath(runbookName);
}
