// Current state of the OpenTruss alert rules, from Grafana's Prometheus-compatible rules API for
// Grafana-managed rules (GET /api/prometheus/grafana/api/v1/rules).
import { ALERT_NAMES, COMMON_LABELS, type AlertName } from '@opentruss/alerts';
import { grafanaRequest } from './grafana';

export const RULES_URL = '/api/prometheus/grafana/api/v1/rules';

/** One alert instance (a label set) of a rule; `state` is Alerting, Pending, Normal, NoData or Error. */
export interface AlertInstance {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: string;
  activeAt?: string;
  value?: string;
}

export interface RuleState {
  name: AlertName;
  /** Rule state: firing, pending, inactive (or recovering in newer Grafana). */
  state: string;
  /** ok, unknown or error (the query failed). */
  health: string;
  lastError?: string;
  instances: AlertInstance[];
}

interface RulesResponse {
  status?: string;
  data?: { groups?: Array<{ rules?: Array<Record<string, unknown>> }> };
}

const ALERT_NAME_SET: ReadonlySet<string> = new Set(ALERT_NAMES);

/** OpenTruss rules by alert name; a rule that is not installed is absent from the map. */
export function parseRuleStates(response: RulesResponse): Map<AlertName, RuleState> {
  if (response.status && response.status !== 'success') {
    throw new Error(`Grafana's rules API answered status "${response.status}"`);
  }
  const states = new Map<AlertName, RuleState>();
  for (const group of response.data?.groups ?? []) {
    for (const rule of group.rules ?? []) {
      const labels = (rule.labels ?? {}) as Record<string, string>;
      const name = String(rule.name ?? '');
      if (rule.type === 'alerting' && ALERT_NAME_SET.has(name) && labels.service === COMMON_LABELS.service) {
        states.set(name as AlertName, {
          name: name as AlertName,
          state: String(rule.state ?? 'unknown'),
          health: String(rule.health ?? 'unknown'),
          lastError: typeof rule.lastError === 'string' && rule.lastError ? rule.lastError : undefined,
          instances: Array.isArray(rule.alerts) ? (rule.alerts as AlertInstance[]) : [],
        });
      }
    }
  }
  return states;
}

export async function fetchRuleStates(): Promise<Map<AlertName, RuleState>> {
  return parseRuleStates(await grafanaRequest<RulesResponse>({ url: RULES_URL }));
}

/** Instances that are firing now (Grafana writes `Alerting`, or `Alerting (NoData)` / `Alerting (Error)`). */
export function firingInstances(
  states: Map<AlertName, RuleState>
): Array<{ rule: RuleState; instance: AlertInstance }> {
  return [...states.values()].flatMap((rule) =>
    rule.instances.filter((instance) => instance.state.startsWith('Alerting')).map((instance) => ({ rule, instance }))
  );
}
