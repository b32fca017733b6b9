// Threshold steps from the alert catalogue: green below the normal range, amber from the end of the normal range,
// red from the alert threshold (for "less than" alerts, red below the threshold).
import { ThresholdsConfigBuilder, ThresholdsMode, type Threshold } from '@grafana/grafana-foundation-sdk/dashboard';
import type { AlertPanelSpec } from '@opentruss/alerts';

export const COLORS = { ok: 'green', amber: 'orange', alert: 'red', neutral: 'blue' } as const;

export function alertThresholdSteps(spec: Pick<AlertPanelSpec, 'comparator' | 'alertAt' | 'normalBelow'>): Threshold[] {
  if (spec.comparator === 'lt') {
    return [
      { value: null, color: COLORS.alert },
      { value: spec.alertAt, color: COLORS.ok },
    ];
  }
  return [
    { value: null, color: COLORS.ok },
    ...(spec.normalBelow !== null ? [{ value: spec.normalBelow, color: COLORS.amber }] : []),
    { value: spec.alertAt, color: COLORS.alert },
  ];
}

export function thresholds(steps: Threshold[]): ThresholdsConfigBuilder {
  return new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps(steps);
}

/** One colour whatever the value (counts that have no good or bad). */
export function neutralThresholds(): ThresholdsConfigBuilder {
  return thresholds([{ value: null, color: COLORS.neutral }]);
}
