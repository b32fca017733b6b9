// Panels that show an alert's value: the alert's own PromQL, its amber/red lines, a link to its runbook, and a
// description saying when it fires. The alert decides where its panel lives ({ dashboardUid, panelId }).
import {
  BigValueColorMode,
  BigValueGraphMode,
  GraphThresholdsStyleConfigBuilder,
  GraphThresholdsStyleMode,
  ReduceDataOptionsBuilder,
} from '@grafana/grafana-foundation-sdk/common';
import type { Builder } from '@grafana/grafana-foundation-sdk/cog';
import type { DashboardLink } from '@grafana/grafana-foundation-sdk/dashboard';
import { PanelBuilder as StatPanelBuilder } from '@grafana/grafana-foundation-sdk/stat';
import type { PanelBuilder as TimeseriesPanelBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import {
  alertByName,
  alertPanelSpec,
  conditionText,
  formatValue,
  type AlertDefinition,
  type AlertName,
  type AlertPanelSpec,
} from '@opentruss/alerts';
import { lokiTarget } from '../queries/loki';
import { promTarget } from '../queries/prometheus';
import { panelLink, runbookLink } from './links';
import { bilingual, describe } from './text';
import { alertThresholdSteps, thresholds } from './thresholds';
import { timeseries } from './timeseries';

export interface AlertPanelParts {
  alert: AlertDefinition;
  spec: AlertPanelSpec;
}

export function alertParts(name: AlertName): AlertPanelParts {
  const alert = alertByName(name);
  return { alert, spec: alertPanelSpec(alert) };
}

function manualSection(alert: AlertDefinition): string {
  return alert.source.replace(/^4\.1#(\d)$/, '4.1 problem $1');
}

/** A target of the alert's own datasource (PromQL on Prometheus, LogQL on Loki). */
function alertTarget(spec: AlertPanelSpec, expr: string, legend: string) {
  return spec.datasource === 'loki' ? lokiTarget(expr, legend) : promTarget(expr, legend);
}

/** When the alert fires and what the lines mean, in both languages. */
export function alertDescription({ alert, spec }: AlertPanelParts, what: string): string {
  const condition = conditionText(alert.comparator, alert.value, alert.unit, alert.for);
  const normal = spec.normalBelow === null ? null : formatValue(spec.normalBelow, spec.unit);
  const lines = normal
    ? {
        en: `Amber line: end of the normal range (< ${normal}); red line: the alert threshold.`,
        zh: `琥珀线：正常范围上限（< ${normal}）；红线：告警阈值。`,
      }
    : { en: 'Red: the alert threshold.', zh: '红色：告警阈值。' };
  return describe(
    `${what} Alert ${alert.name} (${alert.severity}, ops manual §${manualSection(alert)}) fires at ${condition.en}. ${lines.en} ` +
      'The runbook is in the panel’s links.',
    `告警 ${alert.name}（${alert.severity}）：${spec.title.zh} ${condition.zh}。${lines.zh}运行手册见面板链接。`
  );
}

/** The alert's amber/red steps, drawn as lines (and a faint area) on a time series. */
function withAlertLines(panel: TimeseriesPanelBuilder, spec: AlertPanelSpec): TimeseriesPanelBuilder {
  return panel
    .thresholds(thresholds(alertThresholdSteps(spec)))
    .thresholdsStyle(new GraphThresholdsStyleConfigBuilder().mode(GraphThresholdsStyleMode.LineAndArea));
}

/** The alert's home panel: its value over time with the threshold lines. */
export function alertTimeseries(name: AlertName, options: { legend: string; what: string }): TimeseriesPanelBuilder {
  const parts = alertParts(name);
  const { spec } = parts;
  const panel = withAlertLines(
    timeseries()
      .id(spec.panelId)
      .title(bilingual(spec.title))
      .description(alertDescription(parts, options.what))
      .withTarget(alertTarget(spec, spec.expr, options.legend))
      .unit(spec.grafanaUnit)
      .links([runbookLink(name)]),
    spec
  );
  // Keep the red line in view even while the value is far below it.
  return spec.comparator === 'gt'
    ? panel.axisSoftMin(0).axisSoftMax(Number((spec.alertAt * 1.1).toPrecision(6)))
    : panel;
}

/**
 * A time series that breaks an alert's value down (by endpoint, by query type) or shows it away from its home
 * panel: the alert's lines and a link to its runbook, so reading it needs no second look elsewhere.
 */
export function alertContextTimeseries(
  name: AlertName,
  options: { id: number; title: string; description: string; expr: string; legend: string }
): TimeseriesPanelBuilder {
  const { spec } = alertParts(name);
  return withAlertLines(timeseries(), spec)
    .id(options.id)
    .title(options.title)
    .description(options.description)
    .withTarget(alertTarget(spec, options.expr, options.legend))
    .unit(spec.grafanaUnit)
    .links([runbookLink(name)]);
}

/** A stat's number: the latest value of each series (not a blank from a missed scrape). */
export function latestValue(): ReduceDataOptionsBuilder {
  return new ReduceDataOptionsBuilder().values(false).calcs(['lastNotNull']);
}

/**
 * A large wall stat of the alert's value, coloured by its thresholds. `aggregate` folds several series (hosts,
 * filesystems) into the worst one so a screen shows one number.
 */
export function alertStat(
  name: AlertName,
  options: { id: number; title: string; what: string; aggregate?: 'max' | 'min' }
): StatPanelBuilder {
  const parts = alertParts(name);
  const { spec } = parts;
  const expr = options.aggregate ? `${options.aggregate}(${spec.expr})` : spec.expr;
  const links: Array<Builder<DashboardLink>> = [
    panelLink('详细面板 / Full panel', spec.dashboardUid, spec.panelId),
    runbookLink(name),
  ];
  return new StatPanelBuilder()
    .id(options.id)
    .title(options.title)
    .description(alertDescription(parts, options.what))
    .withTarget(alertTarget(spec, expr, options.title))
    .unit(spec.grafanaUnit)
    .thresholds(thresholds(alertThresholdSteps(spec)))
    .reduceOptions(latestValue())
    .colorMode(BigValueColorMode.Background)
    .graphMode(BigValueGraphMode.Area)
    .links(links);
}
