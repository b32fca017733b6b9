// The same alerts as a Prometheus rule file (alerts/prometheus/opentruss.rules.yml), for teams that route
// through Alertmanager (ops manual §2.2) or want Prometheus to evaluate them next to Grafana.
import { alertsByGroup, type AlertDefinition } from '../alerts';
import { isPrometheusAlert } from '../lib/define';
import { comparatorSymbol, durationSeconds } from '../lib/format';
import type { PromDuration } from '../model';
import { alertAnnotations, alertLabels } from './annotations';

export interface PrometheusAlertingRule {
  alert: string;
  expr: string;
  for?: PromDuration;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** `(value expression) > threshold`; parenthesised because value expressions may use `or`, `and` or `>`. */
export function alertExpression(alert: AlertDefinition): string {
  const nested = alert.expr.includes('\n') ? `(\n  ${alert.expr.replace(/\n/g, '\n  ')}\n)` : `(${alert.expr})`;
  return `${nested} ${comparatorSymbol(alert.comparator)} ${alert.value}`;
}

export function prometheusRule(alert: AlertDefinition): PrometheusAlertingRule {
  return {
    alert: alert.name,
    expr: alertExpression(alert),
    // Prometheus's default `for` is 0; leaving it out keeps the file idiomatic.
    ...(durationSeconds(alert.for) > 0 ? { for: alert.for } : {}),
    labels: alertLabels(alert),
    annotations: alertAnnotations(alert, 'prometheus'),
  };
}

/** The PromQL alerts only (log alerts are Grafana-managed: Prometheus cannot run LogQL). */
export function prometheusRulesFile(alerts: readonly AlertDefinition[]) {
  return {
    groups: alertsByGroup(alerts.filter(isPrometheusAlert)).map(({ group, alerts: members }) => ({
      name: group.name,
      interval: group.interval,
      rules: members.map((a) => prometheusRule(a)),
    })),
  };
}
