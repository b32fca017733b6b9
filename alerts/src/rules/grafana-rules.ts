// Grafana-managed alert rules in Grafana's file-provisioning format (pkg/services/provisioning/alerting,
// AlertRuleGroupV1): every alert as query A (Prometheus or Loki, instant) → B (reduce: last) → C (threshold).
import type { Query, Rule } from '@grafana/grafana-foundation-sdk/alerting';
import type { TypeReduce, TypeThreshold } from '@grafana/grafana-foundation-sdk/expr';
import type { dataquery as LokiQuery } from '@grafana/grafana-foundation-sdk/loki';
import type { Dataquery as PrometheusQuery } from '@grafana/grafana-foundation-sdk/prometheus';
import { DATASOURCE_UIDS } from '@opentruss/contract';
import { GRAFANA_FOLDER, alertsByGroup, type AlertDefinition } from '../alerts';
import { alertDatasource } from '../lib/define';
import { durationSeconds } from '../lib/format';
import type { PromDuration } from '../model';
import { alertAnnotations, alertLabels } from './annotations';

/** Builder-only members of the foundation SDK's query types (never serialised). */
type Model<T> = Omit<T, '_implementsDataqueryVariant'>;

const EXPRESSION_DATASOURCE = { type: '__expr__', uid: '__expr__' } as const;
const REF = { query: 'A', reduced: 'B', condition: 'C' } as const;

/** The rule fields of the file format; the enums are the foundation SDK's (which models Grafana's HTTP API). */
export interface GrafanaRuleV1 {
  uid: string;
  title: string;
  condition: string;
  data: Array<Required<Pick<Query, 'refId' | 'datasourceUid'>> & Pick<Query, 'relativeTimeRange'> & { model: object }>;
  dashboardUid: string;
  panelId: number;
  noDataState: Rule['noDataState'];
  execErrState: Rule['execErrState'];
  for: PromDuration;
  isPaused: boolean;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export interface GrafanaRuleGroupV1 {
  orgId: number;
  name: string;
  folder: string;
  interval: PromDuration;
  rules: GrafanaRuleV1[];
}

/** Stable rule uid (Grafana allows at most 40 characters of [a-zA-Z0-9-_]). */
export function grafanaRuleUid(alertName: string): string {
  return `opentruss-${alertName.toLowerCase()}`;
}

/** The longest range selector (`[6h]`) in an expression, in seconds. */
function longestRangeSeconds(expr: string): number {
  const ranges = [...expr.matchAll(/\[(\d+[smh])\]/g)].map((m) => durationSeconds(m[1] as PromDuration));
  return Math.max(0, ...ranges);
}

/** LogQL metric query, evaluated at "now" like the PromQL ones (its `[5m]` windows end at evaluation time). */
function lokiQuery(alert: AlertDefinition): GrafanaRuleV1['data'][number] {
  const model: Model<LokiQuery> = {
    refId: REF.query,
    datasource: { type: 'loki', uid: DATASOURCE_UIDS.loki },
    editorMode: 'code' as LokiQuery['editorMode'],
    expr: alert.expr,
    queryType: 'instant',
    legendFormat: '__auto',
  };
  return {
    refId: REF.query,
    relativeTimeRange: { from: Math.max(600, longestRangeSeconds(alert.expr)), to: 0 },
    datasourceUid: DATASOURCE_UIDS.loki,
    model,
  };
}

function prometheusQuery(alert: AlertDefinition): GrafanaRuleV1['data'][number] {
  const model: Model<PrometheusQuery> = {
    refId: REF.query,
    datasource: { type: 'prometheus', uid: DATASOURCE_UIDS.prometheus },
    editorMode: 'code' as PrometheusQuery['editorMode'],
    expr: alert.expr,
    // One value per series at evaluation time: the rule needs "now", not a graph.
    instant: true,
    range: false,
    legendFormat: '__auto',
    intervalMs: 15000,
    maxDataPoints: 43200,
  };
  return {
    refId: REF.query,
    // Instant queries only need "now", but a non-zero window is mandatory (Grafana refuses [0s, 0s] at start-up)
    // and makes the rule editor's preview cover the expression's own range selectors.
    relativeTimeRange: { from: Math.max(600, longestRangeSeconds(alert.expr)), to: 0 },
    datasourceUid: DATASOURCE_UIDS.prometheus,
    model,
  };
}

function reduceExpression(): GrafanaRuleV1['data'][number] {
  const model: Model<TypeReduce> = {
    refId: REF.reduced,
    type: 'reduce',
    datasource: EXPRESSION_DATASOURCE,
    expression: REF.query,
    reducer: 'last',
    // NaN (e.g. a ratio over zero requests) is dropped rather than compared.
    settings: { mode: 'dropNN' },
  };
  return { refId: REF.reduced, datasourceUid: EXPRESSION_DATASOURCE.uid, model };
}

function thresholdExpression(alert: AlertDefinition): GrafanaRuleV1['data'][number] {
  const model: Model<TypeThreshold> = {
    refId: REF.condition,
    type: 'threshold',
    datasource: EXPRESSION_DATASOURCE,
    expression: REF.reduced,
    conditions: [{ evaluator: { type: alert.comparator, params: [alert.value] } }],
  };
  return { refId: REF.condition, datasourceUid: EXPRESSION_DATASOURCE.uid, model };
}

export function grafanaRule(alert: AlertDefinition): GrafanaRuleV1 {
  return {
    uid: grafanaRuleUid(alert.name),
    title: alert.name,
    condition: REF.condition,
    data: [
      alertDatasource(alert) === 'loki' ? lokiQuery(alert) : prometheusQuery(alert),
      reduceExpression(),
      thresholdExpression(alert),
    ],
    dashboardUid: alert.panel.dashboardUid,
    panelId: alert.panel.panelId,
    noDataState: alert.noDataState,
    execErrState: alert.execErrState,
    for: alert.for,
    isPaused: false,
    labels: alertLabels(alert),
    annotations: {
      ...alertAnnotations(alert, 'grafana'),
      __dashboardUid__: alert.panel.dashboardUid,
      __panelId__: String(alert.panel.panelId),
    },
  };
}

/** The rules file: one group per `RuleGroupKey`, in the folder "OpenTruss". */
export function grafanaRulesFile(alerts: readonly AlertDefinition[]) {
  const groups: GrafanaRuleGroupV1[] = alertsByGroup(alerts).map(({ group, alerts: members }) => ({
    orgId: 1,
    name: group.name,
    folder: GRAFANA_FOLDER,
    interval: group.interval,
    rules: members.map((a) => grafanaRule(a)),
  }));
  return { apiVersion: 1, groups };
}
