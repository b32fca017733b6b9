// Which day, ISO week or month a tick belongs to, in the browser's local time: ticks of an earlier period no
// longer count, so every list starts empty each day, each Monday and on the 1st of each month.
import { dateTime } from '@grafana/data';
import type { Period } from './tasks';

const FORMATS: Record<Period, string> = {
  daily: 'YYYY-MM-DD',
  // ISO week-numbering year and week (weeks start on Monday; 2025-12-29 is in 2026-W01).
  weekly: 'GGGG-[W]WW',
  monthly: 'YYYY-MM',
};

export function periodKey(period: Period, now: Date): string {
  return dateTime(now).format(FORMATS[period]);
}
