import type { Integer } from 'neo4j-driver';

type Whole = number | Integer;

/** Calendar fields as neo4j-driver's temporal classes carry them (Integers) or as parsed (numbers). */
export interface WallClock {
  year: Whole;
  month: Whole; // 1-12
  day: Whole;
  hour?: Whole;
  minute?: Whole;
  second?: Whole;
  nanosecond?: Whole;
}

// ISO 8601 as people store it: `T` or a space, any number of fractional digits, `Z` / `±hh[:mm]` and/or `[Zone/Id]`.
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?(?:\[([^\]]+)\])?$/i;

interface IsoDateTime {
  clock: WallClock;
  /** `Z` or `±hh[:mm]`, when the text has one. */
  offset?: string;
  /** `[Zone/Id]`, when the text has one. */
  zoneId?: string;
}

/** An ISO 8601 date or date-time as people store it, or null if the text is not one. Needs no zone. */
export function parseIsoDateTime(text: string): IsoDateTime | null {
  const match = ISO.exec(text.trim());
  if (!match) {
    return null;
  }
  const [, year, month, day, hour, minute, second, fraction, offset, zoneId] = match;
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31 || Number(hour ?? 0) > 24) {
    return null;
  }
  const clock: WallClock = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    nanosecond: Number((fraction ?? '').padEnd(9, '0')),
  };
  return { clock, offset, zoneId };
}

/** Whether a string is an ISO 8601 date or date-time (so a column named `time` may read it as a time). */
export function isIsoDateTime(text: string): boolean {
  return parseIsoDateTime(text) !== null;
}
