// Labels and annotations of an alert, shared by the Grafana and the Prometheus rules so both notify alike.
import { COMMON_LABELS, type AlertDefinition } from '../alerts';
import type { Bilingual } from '../model';
import { dashboardLink, grafanaLink, type RuleTarget } from './links';

export function alertLabels(alert: AlertDefinition): Record<string, string> {
  return { severity: alert.severity, ...COMMON_LABELS, component: alert.component };
}

/** One line holding both languages, Chinese first. */
export function bilingualLine({ zh, en }: Bilingual): string {
  return `${zh} / ${en}`;
}

/**
 * The description template for a rule engine. In Prometheus `$value` is the sample's value; in Grafana it is a
 * text listing every query's value, and the reduced number is `$values.B.Value`.
 */
export function descriptionTemplate({ zh, en }: Bilingual, target: RuleTarget): string {
  const text = `${zh}\n${en}`;
  return target === 'grafana' ? text.replace(/\$value\b/g, '$values.B.Value') : text;
}

export function alertAnnotations(alert: AlertDefinition, target: RuleTarget): Record<string, string> {
  return {
    summary: bilingualLine(alert.summary),
    description: descriptionTemplate(alert.description, target),
    runbook_url: grafanaLink(alert.runbook, target),
    // Grafana links the panel itself (__dashboardUid__/__panelId__); Alertmanager users get the dashboard URL.
    ...(target === 'prometheus' ? { dashboard_url: dashboardLink(alert.panel.dashboardUid, target) } : {}),
  };
}
