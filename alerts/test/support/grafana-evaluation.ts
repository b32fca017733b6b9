// What Grafana's alerting engine makes of one series of a generated rule (query A → reduce B → threshold C), restated
// from Grafana's source so tests can feed it real Prometheus values:
// - reduce (pkg/expr/mathexp/reduce.go): mode `dropNN` drops NaN, +Inf and -Inf before reducing; a series left
//   empty reduces to NaN, which `dropNN` turns into "no value" (nil). Without a mode, the value passes unchanged.
// - threshold (pkg/expr/threshold.go): nil stays nil; otherwise 1 when the predicate holds, else 0 (NaN → 0).
// - eval (pkg/services/ngalert/eval/eval.go, buildResult): nil → NoData, 0 → Normal, anything else → Alerting.
// - state (pkg/services/ngalert/state): a NoData result takes the rule's `noDataState` (NoData, Alerting, OK →
//   Normal, KeepLast). An instance in NoData is sent to the Alertmanager as a firing `DatasourceNoData` alert.

export interface GrafanaRuleData {
  refId: string;
  model: Record<string, unknown>;
}

export interface GrafanaRuleForEvaluation {
  title: string;
  condition: string;
  noDataState: string;
  data: GrafanaRuleData[];
}

export type InstanceState = "Normal" | "Alerting" | "NoData" | "KeepLast";

function reduceLast(value: number, mode: string | undefined): number | null {
  if (mode === "dropNN") {
    return Number.isFinite(value) ? value : null;
  }
  if (mode === "replaceNN") {
    throw new Error(
      "replaceNN is not modelled: add its replacement value here before using it",
    );
  }
  return value;
}

const PREDICATES: Record<string, (value: number, limit: number) => boolean> = {
  gt: (v, l) => v > l,
  lt: (v, l) => v < l,
  gte: (v, l) => v >= l,
  lte: (v, l) => v <= l,
  eq: (v, l) => v === l,
  ne: (v, l) => v !== l,
};

function expression(
  rule: GrafanaRuleForEvaluation,
  type: string,
): Record<string, unknown> {
  const found = rule.data.find((q) => q.model.type === type);
  if (!found) {
    throw new Error(`${rule.title}: no ${type} expression`);
  }
  return found.model;
}

/** State of one alert instance whose query A returned `value` (an instant query: one sample per series). */
export function grafanaInstanceState(
  rule: GrafanaRuleForEvaluation,
  value: number,
): InstanceState {
  const reduce = expression(rule, "reduce");
  const threshold = expression(rule, "threshold");
  if (reduce.reducer !== "last" || threshold.refId !== rule.condition) {
    throw new Error(
      `${rule.title}: only "A → reduce(last) → threshold = condition" is modelled`,
    );
  }
  const reduced = reduceLast(
    value,
    (reduce.settings as { mode?: string } | undefined)?.mode,
  );
  if (reduced === null) {
    const mapped: Record<string, InstanceState> = {
      NoData: "NoData",
      Alerting: "Alerting",
      OK: "Normal",
      KeepLast: "KeepLast",
    };
    return mapped[rule.noDataState];
  }
  const [condition] = threshold.conditions as Array<{
    evaluator: { type: string; params: number[] };
  }>;
  const predicate = PREDICATES[condition.evaluator.type];
  if (!predicate) {
    throw new Error(
      `${rule.title}: evaluator ${condition.evaluator.type} is not modelled`,
    );
  }
  return predicate(reduced, condition.evaluator.params[0])
    ? "Alerting"
    : "Normal";
}
