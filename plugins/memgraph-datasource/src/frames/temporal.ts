import { dateTimeForTimeZone } from '@grafana/data';
import type { Date as Neo4jDate, DateTime, Duration, Integer, LocalDateTime } from 'neo4j-driver';

import { parseIsoDateTime, type WallClock } from '../model/isoDateTime';
import { kindOf } from '../model/valueKinds';

// Not Number(value): Integer.valueOf goes through a BigInt, which costs more than the rest of a conversion.
const n = (value: number | Integer | undefined): number =>
  value === undefined ? 0 : typeof value === 'number' ? value : value.toNumber();

/** A wall-clock reading in `zone` (IANA or UTC) → epoch ms; DST gaps resolve as moment-timezone does (forward). */
export function wallClockToEpochMs(clock: WallClock, zone: string): number {
  const ms = Math.floor(n(clock.nanosecond) / 1_000_000);
  const fields = [n(clock.year), n(clock.month) - 1, n(clock.day), n(clock.hour), n(clock.minute), n(clock.second), ms];
  if (zone.toUpperCase() === 'UTC') {
    const [y, mo, d, h, mi, s] = fields;
    if (y < 0 || y > 99) {
      return Date.UTC(y, mo, d, h, mi, s, ms);
    }
    // Date.UTC maps years 0-99 to 1900+; setUTCFullYear does not.
    const date = new Date(Date.UTC(2000, mo, d, h, mi, s, ms));
    date.setUTCFullYear(y);
    return date.getTime();
  }
  return dateTimeForTimeZone(zone, fields).valueOf();
}

/**
 * Date, LocalDateTime and DateTime → epoch ms. Zone-less values (Date, LocalDateTime) are read in `zone`, which
 * should be Memgraph's `--timezone`; a DateTime carries its own offset (or zone id).
 */
export function instantToEpochMs(value: unknown, zone: string): number | null {
  switch (kindOf(value)) {
    case 'date':
      return wallClockToEpochMs(value as Neo4jDate<Integer>, zone);
    case 'localDateTime':
      return wallClockToEpochMs(value as LocalDateTime<Integer>, zone);
    case 'dateTime': {
      const dateTime = value as DateTime<Integer>;
      if (dateTime.timeZoneOffsetSeconds !== undefined && dateTime.timeZoneOffsetSeconds !== null) {
        return wallClockToEpochMs(dateTime, 'UTC') - n(dateTime.timeZoneOffsetSeconds) * 1000;
      }
      return wallClockToEpochMs(dateTime, dateTime.timeZoneId ?? zone);
    }
    default:
      return null;
  }
}

/** Average Gregorian month, for Durations that carry months (Memgraph's never do; Neo4j's may). */
const MS_PER_MONTH = 2_629_746_000;

export function durationToMs(duration: Duration<Integer>): number {
  return (
    n(duration.months) * MS_PER_MONTH +
    n(duration.days) * 86_400_000 +
    n(duration.seconds) * 1000 +
    n(duration.nanoseconds) / 1_000_000
  );
}

/** An ISO 8601 string → epoch ms (a string without offset or zone id is read in `zone`); null if not ISO. */
export function isoStringToEpochMs(text: string, zone: string): number | null {
  const parsed = parseIsoDateTime(text);
  if (!parsed) {
    return null;
  }
  if (parsed.offset) {
    return wallClockToEpochMs(parsed.clock, 'UTC') - offsetMinutes(parsed.offset) * 60_000;
  }
  return wallClockToEpochMs(parsed.clock, parsed.zoneId ?? zone);
}

function offsetMinutes(offset: string): number {
  if (offset.toUpperCase() === 'Z') {
    return 0;
  }
  const digits = offset.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0);
  return offset.startsWith('-') ? -minutes : minutes;
}
