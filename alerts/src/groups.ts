// Rule groups: the same four exist in Grafana (inside the folder "OpenTruss") and in the Prometheus rule file.
import type { PromDuration, RuleGroupKey } from './model';

export interface RuleGroup {
  key: RuleGroupKey;
  name: string;
  /** Evaluation interval. Trend alerts look at hours of data, so every 5 minutes is plenty. */
  interval: PromDuration;
}

export const RULE_GROUPS: Record<RuleGroupKey, RuleGroup> = {
  system: { key: 'system', name: 'opentruss-system', interval: '1m' },
  apiDatabase: { key: 'apiDatabase', name: 'opentruss-api-database', interval: '1m' },
  trends: { key: 'trends', name: 'opentruss-trends', interval: '5m' },
  business: { key: 'business', name: 'opentruss-business', interval: '1m' },
  backup: { key: 'backup', name: 'opentruss-backup', interval: '1m' },
  logs: { key: 'logs', name: 'opentruss-logs', interval: '1m' },
};

/** The Grafana folder holding every provisioned rule (created by Grafana if missing). */
export const GRAFANA_FOLDER = 'OpenTruss';

/** The alerts of each group, in group order (both rule files list groups and rules in this order). */
export function alertsByGroup<T extends { group: RuleGroupKey }>(
  alerts: readonly T[]
): Array<{ group: RuleGroup; alerts: T[] }> {
  return (Object.keys(RULE_GROUPS) as RuleGroupKey[]).map((key) => ({
    group: RULE_GROUPS[key],
    alerts: alerts.filter((a) => a.group === key),
  }));
}
