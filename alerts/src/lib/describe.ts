// Text and panel helpers the alert groups share: template snippets for values and labels, the rule parameters and
// wording a §2.1 threshold dictates, and a panel reference.
import { DASHBOARD_UIDS, type DashboardKey } from '@opentruss/contract';
import type { Threshold } from '../config';
import type { AlertPanel, Bilingual, PromDuration } from '../model';
import { formatValue, sustainedText } from './format';

/** Go-template snippets printing the alert's value (Prometheus and Grafana both provide these functions). */
export const VALUE = {
  percent: '{{ $value | printf "%.1f" }}%',
  duration: '{{ $value | humanizeDuration }}',
  count: '{{ $value | printf "%.0f" }}',
  decimal: '{{ $value | printf "%.1f" }}',
  bytes: '{{ $value | humanize1024 }}B',
} as const;

export const LABEL = {
  instance: '{{ $labels.instance }}',
  device: '{{ $labels.device }}',
  mountpoint: '{{ $labels.mountpoint }}',
} as const;

export function panel(dashboard: DashboardKey, panelId: number, title: Bilingual): AlertPanel {
  return { dashboard, dashboardUid: DASHBOARD_UIDS[dashboard], panelId, title };
}

/**
 * The rule's `for`: the manual's duration, or where it says "-" the caller's (with its reason at the call site):
 * no rule fires on a single scrape.
 */
export function sustainedFor(threshold: Threshold, whereTheManualSaysNone?: PromDuration): PromDuration {
  const duration = threshold.sustained ?? whereTheManualSaysNone;
  if (!duration) {
    throw new Error(`Threshold ${threshold.key} has no duration in the manual: give the alert one`);
  }
  return duration;
}

/** The rule parameters a §2.1 threshold dictates: "> alert threshold", sustained as the manual says (or as given). */
export function enforce(threshold: Threshold, whereTheManualSaysNone?: PromDuration) {
  return {
    source: threshold.source,
    threshold: threshold.key,
    comparator: 'gt' as const,
    value: threshold.alertAbove,
    unit: threshold.unit,
    for: sustainedFor(threshold, whereTheManualSaysNone),
  };
}

/** `持续 5 分钟高于 85%（正常 < 70%）` / `above 85% for 5 min (normal < 70%)`. */
export function breach(threshold: Threshold, whereTheManualSaysNone?: PromDuration): Bilingual {
  const limit = formatValue(threshold.alertAbove, threshold.unit);
  const normal = formatValue(threshold.normalBelow, threshold.unit);
  const sustained = sustainedText(sustainedFor(threshold, whereTheManualSaysNone));
  return {
    zh: `${sustained ? sustained.zh : ''}高于 ${limit}（正常 < ${normal}）`,
    en: `above ${limit}${sustained ? ' ' + sustained.en : ''} (normal < ${normal})`,
  };
}
