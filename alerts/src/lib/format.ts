// Human-readable thresholds and durations, in both languages, for the alert table (docs/alerts.md), the runbook
// index and the alerts' descriptions.
import type { Bilingual, Comparator, PromDuration, ValueUnit } from '../model';

const PROM_DURATION = /^(\d+(?:\.\d+)?)(s|m|h)$/;

/** Seconds in a Prometheus duration such as `5m`. */
export function durationSeconds(duration: PromDuration): number {
  const match = PROM_DURATION.exec(duration);
  if (!match) {
    throw new Error(`Not a Prometheus duration (expected e.g. 30s, 5m, 1h): ${duration}`);
  }
  return Number(match[1]) * { s: 1, m: 60, h: 3600 }[match[2] as 's' | 'm' | 'h'];
}

/** `5m` → 持续 5 分钟 / for 5 min; no text for `0s` (the alert fires on the first evaluation). */
export function sustainedText(duration: PromDuration): Bilingual | null {
  const seconds = durationSeconds(duration);
  if (seconds === 0) {
    return null;
  }
  if (seconds % 3600 === 0) {
    return { zh: `持续 ${seconds / 3600} 小时`, en: `for ${seconds / 3600} h` };
  }
  if (seconds % 60 === 0) {
    return { zh: `持续 ${seconds / 60} 分钟`, en: `for ${seconds / 60} min` };
  }
  return { zh: `持续 ${seconds} 秒`, en: `for ${seconds} s` };
}

/** A threshold value in its unit: `85%`, `500 ms`, `2000`, `24 h`. */
export function formatValue(value: number, unit: ValueUnit): string {
  switch (unit) {
    case 'percent':
      return `${value}%`;
    case 'percentPerHour':
      return `${value}%/h`;
    case 'seconds':
      // Rounded to whole microseconds so that 0.1 s prints as 100 ms, not 100.00000000000001 ms.
      return value < 1 ? `${Math.round(value * 1e6) / 1e3} ms` : `${value} s`;
    case 'minutes':
      return `${value} min`;
    case 'hours':
      return `${value} h`;
    case 'days':
      return `${value} d`;
    case 'count':
    case 'up':
      return String(value);
  }
}

const COMPARATOR_SYMBOL: Record<Comparator, string> = { gt: '>', lt: '<' };

export function comparatorSymbol(comparator: Comparator): string {
  return COMPARATOR_SYMBOL[comparator];
}

/** `> 85%，持续 5 分钟` / `> 85% for 5 min`. */
export function conditionText(
  comparator: Comparator,
  value: number,
  unit: ValueUnit,
  duration: PromDuration
): Bilingual {
  const base = `${comparatorSymbol(comparator)} ${formatValue(value, unit)}`;
  const sustained = sustainedText(duration);
  return sustained ? { zh: `${base}，${sustained.zh}`, en: `${base} ${sustained.en}` } : { zh: base, en: base };
}
