// Bodies of GET /api/prometheus/grafana/api/v1/rules as Grafana returns them for the OpenTruss rules.
import { ALERTS, COMMON_LABELS, RULE_GROUPS, alertByName, type AlertName } from '@opentruss/alerts';

export interface RuleOverride {
  state?: string;
  health?: string;
  lastError?: string;
  alerts?: Array<{ labels?: Record<string, string>; state: string; activeAt?: string; value?: string }>;
}

/** Every OpenTruss rule (inactive unless overridden), grouped as Grafana groups them, plus an unrelated rule. */
export function rulesResponse(
  overrides: Partial<Record<AlertName, RuleOverride>> = {},
  options: { only?: AlertName[] } = {}
) {
  const names = options.only ?? ALERTS.map((alert) => alert.name);
  const rule = (name: AlertName) => {
    const alert = alertByName(name);
    const override = overrides[name] ?? {};
    const labels = { severity: alert.severity, ...COMMON_LABELS, component: alert.component };
    return {
      name,
      type: 'alerting',
      state: override.state ?? 'inactive',
      health: override.health ?? 'ok',
      ...(override.lastError ? { lastError: override.lastError } : {}),
      labels,
      alerts: (override.alerts ?? []).map((instance) => ({
        labels: { ...labels, alertname: name, ...instance.labels },
        annotations: { summary: `${alert.summary.zh} / ${alert.summary.en}` },
        state: instance.state,
        activeAt: instance.activeAt,
        value: instance.value,
      })),
    };
  };
  return {
    status: 'success',
    data: {
      groups: [
        ...Object.values(RULE_GROUPS).map((group) => ({
          name: group.name,
          file: 'OpenTruss',
          rules: ALERTS.filter((alert) => alert.group === group.key && names.includes(alert.name)).map((alert) =>
            rule(alert.name)
          ),
        })),
        // A rule of another team with a clashing name must not count.
        {
          name: 'other',
          file: 'Other',
          rules: [
            {
              name: 'HighCPUUsage',
              type: 'alerting',
              state: 'firing',
              health: 'ok',
              labels: { service: 'billing' },
              alerts: [],
            },
          ],
        },
      ],
    },
  };
}
