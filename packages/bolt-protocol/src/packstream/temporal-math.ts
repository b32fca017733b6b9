// Calendar arithmetic for Bolt's temporal structures, in bigint so dates far from 1970 stay exact.
// Proleptic Gregorian calendar, as Bolt and neo4j-driver use (days_from_civil, H. Hinnant).
import { Integer } from 'neo4j-driver-core';

export type IntegerLike = number | bigint | Integer;

export function toBigInt(value: IntegerLike): bigint {
  if (typeof value === 'bigint') {
    return value;
  }
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) {
      throw new RangeError(`expected an integer, got ${value}`);
    }
    return BigInt(value);
  }
  return BigInt(value.toString());
}

const SECONDS_PER_DAY = 86400n;
export const NANOS_PER_SECOND = 1_000_000_000n;

/** Floor division and modulo (bigint `/` and `%` truncate towards zero). */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

export function floorMod(a: bigint, b: bigint): bigint {
  return a - floorDiv(a, b) * b;
}

export function epochDayFromDate(year: bigint, month: bigint, day: bigint): bigint {
  const y = month <= 2n ? year - 1n : year;
  const era = floorDiv(y, 400n);
  const yearOfEra = y - era * 400n;
  const monthIndex = month > 2n ? month - 3n : month + 9n;
  const dayOfYear = (153n * monthIndex + 2n) / 5n + day - 1n;
  const dayOfEra = yearOfEra * 365n + yearOfEra / 4n - yearOfEra / 100n + dayOfYear;
  return era * 146097n + dayOfEra - 719468n;
}

export interface CivilDate {
  year: bigint;
  month: bigint;
  day: bigint;
}

export function dateFromEpochDay(epochDay: bigint): CivilDate {
  const z = epochDay + 719468n;
  const era = floorDiv(z, 146097n);
  const dayOfEra = z - era * 146097n;
  const yearOfEra = (dayOfEra - dayOfEra / 1460n + dayOfEra / 36524n - dayOfEra / 146096n) / 365n;
  const dayOfYear = dayOfEra - (365n * yearOfEra + yearOfEra / 4n - yearOfEra / 100n);
  const monthIndex = (5n * dayOfYear + 2n) / 153n;
  const day = dayOfYear - (153n * monthIndex + 2n) / 5n + 1n;
  const month = monthIndex < 10n ? monthIndex + 3n : monthIndex - 9n;
  return { year: yearOfEra + era * 400n + (month <= 2n ? 1n : 0n), month, day };
}

export interface CivilDateTime extends CivilDate {
  hour: bigint;
  minute: bigint;
  second: bigint;
}

export function epochSecondFromLocal(t: CivilDateTime): bigint {
  return epochDayFromDate(t.year, t.month, t.day) * SECONDS_PER_DAY + t.hour * 3600n + t.minute * 60n + t.second;
}

export function localFromEpochSecond(epochSecond: bigint): CivilDateTime {
  const secondOfDay = floorMod(epochSecond, SECONDS_PER_DAY);
  return {
    ...dateFromEpochDay(floorDiv(epochSecond, SECONDS_PER_DAY)),
    hour: secondOfDay / 3600n,
    minute: (secondOfDay % 3600n) / 60n,
    second: secondOfDay % 60n,
  };
}

export function nanoOfDay(hour: bigint, minute: bigint, second: bigint, nanosecond: bigint): bigint {
  return ((hour * 60n + minute) * 60n + second) * NANOS_PER_SECOND + nanosecond;
}

export function timeFromNanoOfDay(nanos: bigint): { hour: bigint; minute: bigint; second: bigint; nanosecond: bigint } {
  const seconds = nanos / NANOS_PER_SECOND;
  return {
    hour: seconds / 3600n,
    minute: (seconds % 3600n) / 60n,
    second: seconds % 60n,
    nanosecond: nanos % NANOS_PER_SECOND,
  };
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(zoneId: string): Intl.DateTimeFormat {
  let formatter = zoneFormatters.get(zoneId);
  if (!formatter) {
    // Throws RangeError for an unknown zone id, which callers report.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zoneId,
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    zoneFormatters.set(zoneId, formatter);
  }
  return formatter;
}

/** The zone's UTC offset in seconds at a UTC instant (from the tz database of Node's ICU). */
export function zoneOffsetAtInstant(zoneId: string, utcEpochSecond: bigint): bigint {
  const parts = zoneFormatter(zoneId).formatToParts(Number(utcEpochSecond) * 1000);
  const field = (type: string) => BigInt(parts.find((p) => p.type === type)!.value);
  const era = parts.find((p) => p.type === 'era')!.value;
  const year = field('year');
  const local = epochSecondFromLocal({
    year: era === 'BC' || era === 'B' ? 1n - year : year,
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
  });
  return local - utcEpochSecond;
}

/**
 * The zone's offset for a local date-time: the offset in force at the instant that local time names.
 * Guess with the offset at "local read as UTC", then correct once (what neo4j-driver does too); in a
 * DST gap or overlap this picks one of the candidates.
 */
export function zoneOffsetForLocal(zoneId: string, localEpochSecond: bigint): bigint {
  const guess = zoneOffsetAtInstant(zoneId, localEpochSecond);
  return zoneOffsetAtInstant(zoneId, localEpochSecond - guess);
}
