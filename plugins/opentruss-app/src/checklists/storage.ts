// Ticks persist per user in the browser's localStorage: { daily: { key: '2025-12-30', done: [...] }, … }.
// A stored period other than the current one counts as empty; unreadable storage never breaks the page.
import { t } from '@grafana/i18n';
import { PLAIN_TEXT } from '@opentruss/contract';
import { PERIODS, type Period } from './tasks';
import { periodKey } from './periods';

export const STORAGE_PREFIX = 'opentruss-app.checklists.v1';

export type Ticks = Record<Period, ReadonlySet<string>>;

interface StoredPeriod {
  key: string;
  done: string[];
}

export function storageKey(user: string): string {
  return `${STORAGE_PREFIX}.${user}`;
}

function readStored(storage: Storage, user: string): Partial<Record<Period, StoredPeriod>> {
  try {
    const value: unknown = JSON.parse(storage.getItem(storageKey(user)) ?? '{}');
    return value && typeof value === 'object' ? (value as Partial<Record<Period, StoredPeriod>>) : {};
  } catch {
    return {};
  }
}

/** The ticks of the current day, week and month. */
export function loadTicks(storage: Storage, user: string, now: Date): Ticks {
  const stored = readStored(storage, user);
  const ticks = {} as Record<Period, ReadonlySet<string>>;
  for (const period of PERIODS) {
    const entry = stored[period];
    const current = entry && entry.key === periodKey(period, now) && Array.isArray(entry.done);
    ticks[period] = new Set(current ? entry.done.filter((id) => typeof id === 'string') : []);
  }
  return ticks;
}

/** Ticks or unticks one task in its current period; returns the new ticks. Storage failures are reported, not thrown. */
export function setTick(
  storage: Storage,
  user: string,
  now: Date,
  task: { id: string; period: Period },
  done: boolean
): { ticks: Ticks; error?: string } {
  const ticks = loadTicks(storage, user, now);
  const next = new Set(ticks[task.period]);
  done ? next.add(task.id) : next.delete(task.id);
  const updated: Ticks = { ...ticks, [task.period]: next };
  const stored = Object.fromEntries(
    PERIODS.map((period) => [period, { key: periodKey(period, now), done: [...updated[period]] }])
  );
  try {
    storage.setItem(storageKey(user), JSON.stringify(stored));
    return { ticks: updated };
  } catch (error) {
    return {
      ticks: updated,
      error: t('checklists.storage-error', 'Could not save the ticks in this browser: {{reason}}', {
        ...PLAIN_TEXT,
        reason: error instanceof Error ? error.message : String(error),
      }),
    };
  }
}
