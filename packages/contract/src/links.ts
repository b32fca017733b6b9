import { PLUGIN_IDS } from './ids';

/** Path of the app, relative to Grafana's root. */
export const APP_BASE_PATH = `/a/${PLUGIN_IDS.app}`;

/**
 * Path of a runbook page, relative to Grafana's root: `/a/opentruss-app/runbooks/<name>`. Alert rules put
 * Grafana's root URL in front of it when they fire (alerts/src/rules/links.ts).
 */
export function runbookPath(runbookName: string): string {
  return `${APP_BASE_PATH}/runbooks/${encodeURIComponent(runbookName)}`;
}
