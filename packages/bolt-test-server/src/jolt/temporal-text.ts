// ISO 8601 text of Jolt's `T` values ⇄ neo4j-driver temporal values. Writing uses the driver's own
// `toString()` (its canonical ISO form); reading accepts that form and the usual ISO variants.
import neo4j, { Integer } from 'neo4j-driver';
import {
  epochSecondFromLocal,
  floorDiv,
  floorMod,
  NANOS_PER_SECOND,
  zoneOffsetAtInstant,
} from '@opentruss/bolt-protocol';

const { Date: BoltDate, DateTime, Duration, LocalDateTime, LocalTime, Time } = neo4j.types;

export class TemporalSyntaxError extends Error {}

const DATE = String.raw`([+-]?\d{4,})-(\d{2})-(\d{2})`;
const TIME = String.raw`(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?`;
const OFFSET = String.raw`(Z|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)`;
const ZONE = String.raw`\[([^\]]+)\]`;

const patterns = {
  date: new RegExp(`^${DATE}$`),
  time: new RegExp(`^${TIME}${OFFSET}?$`),
  dateTime: new RegExp(`^${DATE}T${TIME}${OFFSET}?(?:${ZONE})?$`),
  duration:
    /^P(?:(-?\d+)Y)?(?:(-?\d+)M)?(?:(-?\d+)W)?(?:(-?\d+)D)?(?:T(?:(-?\d+)H)?(?:(-?\d+)M)?(?:(-?)(\d+)(?:[.,](\d{1,9}))?S)?)?$/,
};

const int = (text: string | bigint) => Integer.fromString(String(text));

function nanosOf(fraction: string | undefined): bigint {
  return fraction ? BigInt(fraction.padEnd(9, '0')) : 0n;
}

function offsetSeconds(text: string): bigint {
  if (text === 'Z') {
    return 0n;
  }
  const sign = text[0] === '-' ? -1n : 1n;
  const digits = text.slice(1).replace(/:/g, '');
  const hours = BigInt(digits.slice(0, 2));
  const minutes = BigInt(digits.slice(2, 4) || '0');
  const seconds = BigInt(digits.slice(4, 6) || '0');
  return sign * (hours * 3600n + minutes * 60n + seconds);
}

function checkRange(text: string, name: string, value: bigint, min: bigint, max: bigint): void {
  if (value < min || value > max) {
    throw new TemporalSyntaxError(`${name} ${value} is out of range in "${text}"`);
  }
}

/** Parses a Jolt `T` string into the matching driver temporal value. */
export function parseTemporal(text: string): unknown {
  if (text.startsWith('P') || text.startsWith('-P')) {
    return parseDuration(text);
  }
  let m = patterns.date.exec(text);
  if (m) {
    const [, year, month, day] = m;
    checkDate(text, BigInt(month), BigInt(day));
    return new BoltDate(int(BigInt(year)), int(month), int(day));
  }
  m = patterns.time.exec(text);
  if (m) {
    const [, hour, minute, second = '0', fraction, offset] = m;
    checkTime(text, BigInt(hour), BigInt(minute), BigInt(second));
    const fields = [int(hour), int(minute), int(second), int(nanosOf(fraction))] as const;
    return offset === undefined ? new LocalTime(...fields) : new Time(...fields, int(offsetSeconds(offset)));
  }
  m = patterns.dateTime.exec(text);
  if (m) {
    return parseDateTime(text, m);
  }
  throw new TemporalSyntaxError(
    `"${text}" is not an ISO 8601 date, time, date-time or duration ` +
      '(e.g. 2024-05-01, 10:00:00, 2024-05-01T10:00:00+08:00[Asia/Shanghai], P1DT2H)'
  );
}

function checkDate(text: string, month: bigint, day: bigint): void {
  checkRange(text, 'month', month, 1n, 12n);
  checkRange(text, 'day', day, 1n, 31n);
}

function checkTime(text: string, hour: bigint, minute: bigint, second: bigint): void {
  checkRange(text, 'hour', hour, 0n, 23n);
  checkRange(text, 'minute', minute, 0n, 59n);
  checkRange(text, 'second', second, 0n, 59n);
}

function parseDateTime(text: string, m: RegExpExecArray): unknown {
  const [, year, month, day, hour, minute, second = '0', fraction, offset, zoneId] = m;
  checkDate(text, BigInt(month), BigInt(day));
  checkTime(text, BigInt(hour), BigInt(minute), BigInt(second));
  const local = [int(BigInt(year)), int(month), int(day), int(hour), int(minute), int(second), int(nanosOf(fraction))] as const;
  if (offset === undefined && zoneId === undefined) {
    return new LocalDateTime(...local);
  }
  const offsetValue = offset === undefined ? undefined : offsetSeconds(offset);
  if (zoneId !== undefined) {
    checkZone(text, zoneId, offsetValue, {
      year: BigInt(year),
      month: BigInt(month),
      day: BigInt(day),
      hour: BigInt(hour),
      minute: BigInt(minute),
      second: BigInt(second),
    });
  }
  return new DateTime(...local, offsetValue === undefined ? undefined : int(offsetValue), zoneId ?? null);
}

/** The zone must exist, and an offset given with it must be one the zone really has at that local time. */
function checkZone(
  text: string,
  zoneId: string,
  offset: bigint | undefined,
  local: Parameters<typeof epochSecondFromLocal>[0]
): void {
  let actual: bigint;
  try {
    actual = zoneOffsetAtInstant(zoneId, epochSecondFromLocal(local) - (offset ?? 0n));
  } catch {
    throw new TemporalSyntaxError(`unknown time zone id "${zoneId}" in "${text}"`);
  }
  if (offset !== undefined && actual !== offset) {
    throw new TemporalSyntaxError(`the offset in "${text}" is not the offset of ${zoneId} at that time`);
  }
}

function parseDuration(text: string): unknown {
  const negated = text.startsWith('-');
  const m = patterns.duration.exec(negated ? text.slice(1) : text);
  const [, years, months, weeks, days, hours, minutes, secondsSign, seconds, fraction] = m ?? [];
  if (!m || [years, months, weeks, days, hours, minutes, seconds].every((g) => g === undefined)) {
    throw new TemporalSyntaxError(`"${text}" is not an ISO 8601 duration (e.g. P1Y2M3DT4H5M6.5S)`);
  }
  const n = (group: string | undefined) => BigInt(group ?? '0');
  const sign = negated ? -1n : 1n;
  const secondsNanos = (secondsSign === '-' ? -1n : 1n) * (n(seconds) * NANOS_PER_SECOND + nanosOf(fraction));
  const totalNanos = sign * ((n(hours) * 3600n + n(minutes) * 60n) * NANOS_PER_SECOND + secondsNanos);
  return new Duration(
    int(sign * (n(years) * 12n + n(months))),
    int(sign * (n(weeks) * 7n + n(days))),
    int(floorDiv(totalNanos, NANOS_PER_SECOND)),
    int(floorMod(totalNanos, NANOS_PER_SECOND))
  );
}
