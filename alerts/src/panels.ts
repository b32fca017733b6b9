// What the app's dashboards need to show each alert: the panel's place (dashboard uid + panel id, which the
// alert links to), what to plot, and the amber/red lines. The dashboards are built from this list.
import { ALERTS, type AlertDefinition, type AlertName } from './alerts';
import { THRESHOLDS } from './config';
import { alertDatasource } from './lib/define';
import type { AlertDatasource, AlertPanel, Comparator, ValueUnit } from './model';

/** Grafana unit ids for each value unit (`suffix:` is Grafana's custom-suffix unit). */
export const GRAFANA_UNITS: Record<ValueUnit, string> = {
  percent: 'percent',
  seconds: 's',
  count: 'short',
  minutes: 'm',
  hours: 'h',
  days: 'd',
  percentPerHour: 'suffix:%/h',
  up: 'none',
};

export interface AlertPanelSpec extends AlertPanel {
  alert: AlertName;
  /** PromQL or LogQL to plot: the alert's own value expression, so the panel shows exactly what the rule evaluates. */
  expr: string;
  /** Which datasource the expression is for. */
  datasource: AlertDatasource;
  unit: ValueUnit;
  grafanaUnit: string;
  comparator: Comparator;
  /** Red line: the alert threshold. */
  alertAt: number;
  /** Amber line: the upper end of the manual's normal range (only for the §2.1 thresholds). */
  normalBelow: number | null;
}

export function alertPanelSpec(alert: AlertDefinition): AlertPanelSpec {
  return {
    ...alert.panel,
    alert: alert.name,
    expr: alert.expr,
    datasource: alertDatasource(alert),
    unit: alert.unit,
    grafanaUnit: GRAFANA_UNITS[alert.unit],
    comparator: alert.comparator,
    alertAt: alert.value,
    normalBelow: alert.threshold ? THRESHOLDS[alert.threshold].normalBelow : null,
  };
}

/** One panel per alert. Panel ids are unique within each dashboard (a test checks it). */
export const ALERT_PANELS: readonly AlertPanelSpec[] = ALERTS.map(alertPanelSpec);
