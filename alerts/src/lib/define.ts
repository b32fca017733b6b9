// What an alert group file writes: a group (name, evaluation interval) and its alerts, built from the config.
// The catalogue (alerts/index.ts) combines the groups and adds what every alert shares in one pass.
import type { AlertsConfig } from '../config';
import type {
  AlertDatasource,
  AlertPanel,
  Bilingual,
  Comparator,
  Component,
  ExecErrState,
  ManualSource,
  NoDataState,
  PromDuration,
  Severity,
  ThresholdKey,
  ValueUnit,
} from '../model';

/** One alert as its group file defines it. */
export interface AlertSpec<Name extends string = string> {
  name: Name;
  /** Where the manual asks for it. */
  source: ManualSource;
  /** The §2.1 threshold this alert enforces, if any. */
  threshold?: ThresholdKey;
  /**
   * PromQL whose value is compared with `value`: Grafana's query A (then reduce → threshold), and the Prometheus
   * rule's `(expr) <comparator> value`. Its labels become the alert's labels.
   */
  expr: string;
  /** Where `expr` runs; absent means Prometheus. Loki alerts are Grafana-managed only (no Prometheus rule). */
  datasource?: AlertDatasource;
  comparator: Comparator;
  value: number;
  unit: ValueUnit;
  for: PromDuration;
  severity: Severity;
  component: Component;
  summary: Bilingual;
  /**
   * Prometheus template syntax (`{{ $value }}`, `{{ $labels.instance }}`). Grafana's copy reads the reduced
   * value `$values.B.Value` where this says `$value` (Grafana's `$value` is a text listing every query's value).
   */
  description: Bilingual;
  panel: AlertPanel;
  /** Grafana `noDataState`: what "the query returned no series" means for this alert. */
  noDataState: NoDataState;
  /** Why `noDataState` is what it is (shown in docs and the app). */
  noDataReason: Bilingual;
  /** Only to override the catalogue's default (`Error`). */
  execErrState?: ExecErrState;
}

/** A rule group: the same groups exist in Grafana (folder "OpenTruss") and in the Prometheus rule file. */
export interface RuleGroup<Key extends string = string> {
  key: Key;
  name: string;
  /** Evaluation interval. Trend alerts look at hours of data, so every 5 minutes is plenty. */
  interval: PromDuration;
}

export interface AlertGroupSpec<Key extends string = string, Name extends string = string> extends RuleGroup<Key> {
  alerts: (config: AlertsConfig) => ReadonlyArray<AlertSpec<Name>>;
}

/** Declares a group; the `const` type parameters keep its key and alert names as literal types. */
export function alertGroup<const Key extends string, const Name extends string>(
  group: AlertGroupSpec<Key, Name>,
): AlertGroupSpec<Key, Name> {
  return group;
}

/** The alert names of a group, as a union type. */
export type AlertNameOf<Group> = Group extends AlertGroupSpec<string, infer Name> ? Name : never;

/** The datasource Grafana evaluates an alert on: absent means Prometheus. */
export function alertDatasource(alert: Pick<AlertSpec, 'datasource'>): AlertDatasource {
  return alert.datasource ?? 'prometheus';
}

/** Alerts Prometheus can evaluate too (PromQL): the Prometheus rule file holds exactly these. */
export function isPrometheusAlert(alert: Pick<AlertSpec, 'datasource'>): boolean {
  return alertDatasource(alert) === 'prometheus';
}
