import { periodKey } from './periods';
import { loadTicks, setTick, storageKey } from './storage';

class MemoryStorage implements Storage {
  private values = new Map<string, string>();
  failWrites = false;
  get length() {
    return this.values.size;
  }
  clear() {
    this.values.clear();
  }
  getItem(key: string) {
    return this.values.get(key) ?? null;
  }
  key(index: number) {
    return [...this.values.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.values.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.failWrites) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    this.values.set(key, value);
  }
}

// Local time (the suite runs with TZ=UTC): Tuesday 30 December 2025, 10:00.
const TUESDAY = new Date(2025, 11, 30, 10, 0);
const daily = { id: 'daily-backup', period: 'daily' as const };
const weekly = { id: 'weekly-docs', period: 'weekly' as const };
const monthly = { id: 'monthly-capacity-review', period: 'monthly' as const };

describe('period keys', () => {
  it('are the local day, the ISO week (Monday first, week-numbering year) and the month', () => {
    expect(periodKey('daily', TUESDAY)).toBe('2025-12-30');
    expect(periodKey('weekly', TUESDAY)).toBe('2026-W01');
    expect(periodKey('weekly', new Date(2025, 11, 28, 23, 59))).toBe('2025-W52'); // Sunday
    expect(periodKey('weekly', new Date(2025, 11, 29, 0, 0))).toBe('2026-W01'); // Monday
    expect(periodKey('monthly', TUESDAY)).toBe('2025-12');
  });
});

describe('checklist ticks', () => {
  it('persist per user and per period', () => {
    const storage = new MemoryStorage();
    setTick(storage, 'user-1', TUESDAY, daily, true);
    setTick(storage, 'user-1', TUESDAY, weekly, true);
    setTick(storage, 'user-1', TUESDAY, monthly, true);
    const ticks = loadTicks(storage, 'user-1', TUESDAY);
    expect([...ticks.daily]).toEqual(['daily-backup']);
    expect([...ticks.weekly]).toEqual(['weekly-docs']);
    expect([...ticks.monthly]).toEqual(['monthly-capacity-review']);
    expect([...loadTicks(storage, 'user-2', TUESDAY).daily]).toEqual([]);
    expect(JSON.parse(storage.getItem(storageKey('user-1'))!)).toEqual({
      daily: { key: '2025-12-30', done: ['daily-backup'] },
      weekly: { key: '2026-W01', done: ['weekly-docs'] },
      monthly: { key: '2025-12', done: ['monthly-capacity-review'] },
    });
  });

  it('reset each day, each Monday and on the 1st', () => {
    const storage = new MemoryStorage();
    for (const task of [daily, weekly, monthly]) {
      setTick(storage, 'u', TUESDAY, task, true);
    }
    const wednesday = loadTicks(storage, 'u', new Date(2025, 11, 31, 9, 0));
    expect([wednesday.daily.size, wednesday.weekly.size, wednesday.monthly.size]).toEqual([0, 1, 1]);
    const newYear = loadTicks(storage, 'u', new Date(2026, 0, 1, 9, 0));
    expect([newYear.daily.size, newYear.weekly.size, newYear.monthly.size]).toEqual([0, 1, 0]);
    const nextMonday = loadTicks(storage, 'u', new Date(2026, 0, 5, 9, 0));
    expect([nextMonday.daily.size, nextMonday.weekly.size, nextMonday.monthly.size]).toEqual([0, 0, 0]);
  });

  it('unticks, and a tick in a new period drops the old period’s ticks', () => {
    const storage = new MemoryStorage();
    setTick(storage, 'u', TUESDAY, daily, true);
    expect(setTick(storage, 'u', TUESDAY, daily, false).ticks.daily.size).toBe(0);
    setTick(storage, 'u', TUESDAY, daily, true);
    const next = setTick(storage, 'u', new Date(2025, 11, 31, 9, 0), { id: 'daily-alerts', period: 'daily' }, true);
    expect([...next.ticks.daily]).toEqual(['daily-alerts']);
  });

  it('reads unreadable storage as no ticks and reports a failed write without throwing', () => {
    const storage = new MemoryStorage();
    storage.setItem(storageKey('u'), '{not json');
    expect(loadTicks(storage, 'u', TUESDAY).daily.size).toBe(0);
    storage.setItem(storageKey('u'), JSON.stringify({ daily: { key: '2025-12-30', done: 'daily-backup' } }));
    expect(loadTicks(storage, 'u', TUESDAY).daily.size).toBe(0);
    storage.failWrites = true;
    const result = setTick(storage, 'u', TUESDAY, daily, true);
    expect(result.error).toBe('Could not save the ticks in this browser: The quota has been exceeded.');
    expect([...result.ticks.daily]).toEqual(['daily-backup']);
  });
});
