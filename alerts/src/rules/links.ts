// Where an alert's links point. A rule file cannot know the address Grafana is served at (any GF_SERVER_ROOT_URL,
// sub-path included), so `runbook_url` and `dashboard_url` start with a template that the rule engine expands when
// the alert fires. Both engines use Prometheus's template expander (github.com/prometheus/prometheus/template):
//   - Grafana passes its own root URL (cfg.AppURL, always ending in `/`) as `externalURL`;
//   - Prometheus knows only its own URL, so it reads Grafana's from the external label `grafana_url`, and without
//     that label the link stays a path relative to Grafana's root.
// Grafana's rule pages show the annotation as written (a path or a template is not a link there); alert instances
// and notifications carry the expanded, absolute URL.
import { runbookPath } from '@opentruss/contract';

export type RuleTarget = 'grafana' | 'prometheus';

/** External label giving Prometheus the Grafana root URL (deploy/prometheus/prometheus.yml sets it). */
export const GRAFANA_URL_LABEL = 'grafana_url';

/** Go-template text that expands to Grafana's root URL without a trailing slash (empty when unknown). */
export const GRAFANA_ROOT_TEMPLATE: Record<RuleTarget, string> = {
  grafana: '{{ reReplaceAll "/+$" "" externalURL }}',
  prometheus: `{{ with $externalLabels.${GRAFANA_URL_LABEL} }}{{ reReplaceAll "/+$" "" . }}{{ end }}`,
};

/** A link to a page of Grafana (`path` starts with `/`), as a rule annotation of `target` carries it. */
export function grafanaLink(path: string, target: RuleTarget): string {
  return GRAFANA_ROOT_TEMPLATE[target] + path;
}

export function runbookLink(alertName: string, target: RuleTarget): string {
  return grafanaLink(runbookPath(alertName), target);
}

export function dashboardLink(dashboardUid: string, target: RuleTarget): string {
  return grafanaLink(`/d/${encodeURIComponent(dashboardUid)}`, target);
}

/** The Grafana path a link made by `grafanaLink` opens, or `undefined` when it is not such a link. */
export function grafanaLinkPath(link: string): string | undefined {
  const root = Object.values(GRAFANA_ROOT_TEMPLATE).find((template) => link.startsWith(`${template}/`));
  return root === undefined ? undefined : link.slice(root.length);
}
