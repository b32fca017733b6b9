import { TIME_STRING_PATTERNS } from '@opentruss/cypher';
import neo4j, { type Integer } from 'neo4j-driver';

const n = (value: number | Integer | bigint) => neo4j.integer.toNumber(value);

/** The macros' Cypher regexes (single-quoted Cypher literals, so `\\[` means the regex `\[`) as full-match RegExps. */
function fullMatch(cypherLiteralPattern: string): RegExp {
  return new RegExp(`^(?:${cypherLiteralPattern.replace(/\\\\/g, '\\')})$`);
}

const ZONED = fullMatch(TIME_STRING_PATTERNS.zoned);
const LOCAL = fullMatch(TIME_STRING_PATTERNS.local);
const DATE = fullMatch(TIME_STRING_PATTERNS.date);

const FIELDS = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{3,6}))?)?)?(.*)$/;

/** Epoch ms of a wall-clock reading at UTC, with the fraction truncated to whole milliseconds. */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, nanosecond = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute, second) + Math.floor(nanosecond / 1_000_000);
}

function stringEpochMs(text: string): number | null {
  const isZoned = ZONED.test(text);
  if (!isZoned && !LOCAL.test(text) && !DATE.test(text)) {
    return null;
  }
  const [, y, mo, d, h, mi, s, fraction, zone] = FIELDS.exec(text)!;
  const nanosecond = fraction ? Number(fraction.padEnd(9, '0')) : 0;
  const wall = utcMs(+y, +mo, +d, +(h ?? 0), +(mi ?? 0), +(s ?? 0), nanosecond);
  if (!isZoned) {
    // localDateTime(): the instance time zone; date(): the datasource's; both UTC in the demo.
    return wall;
  }
  const offset = /^(Z|([+-])(\d{2}):?(\d{2})?)/.exec(zone);
  if (!offset) {
    throw new Error(`The reference evaluator does not resolve zone-id-only timestamps such as ${text}`);
  }
  const sign = offset[2] === '-' ? -1 : 1;
  const offsetMs = offset[1] === 'Z' ? 0 : sign * (Number(offset[3]) * 60 + Number(offset[4] ?? 0)) * 60_000;
  return wall - offsetMs;
}

/**
 * What `$__epochMs(x)` (@opentruss/cypher) evaluates to in Memgraph: epoch milliseconds as an integer, or null.
 * INTEGER as is; FLOAT truncated; LocalDateTime at the instance time zone (UTC); zoned DateTime its instant; Date
 * midnight in the datasource's time zone (UTC in the demo); ISO strings by shape; anything else null.
 */
export function epochMsOf(value: unknown): number | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (neo4j.isInt(value)) {
    return value.toNumber();
  }
  if (typeof value === 'number') {
    return Math.trunc(value);
  }
  if (typeof value === 'string') {
    return stringEpochMs(value);
  }
  if (neo4j.isLocalDateTime(value as object)) {
    const v = value as InstanceType<typeof neo4j.types.LocalDateTime>;
    return utcMs(n(v.year), n(v.month), n(v.day), n(v.hour), n(v.minute), n(v.second), n(v.nanosecond));
  }
  if (neo4j.isDateTime(value as object)) {
    const v = value as InstanceType<typeof neo4j.types.DateTime>;
    if (v.timeZoneOffsetSeconds === undefined) {
      throw new Error('The reference evaluator needs DateTime values with their offset');
    }
    const wall = utcMs(n(v.year), n(v.month), n(v.day), n(v.hour), n(v.minute), n(v.second), n(v.nanosecond));
    return wall - n(v.timeZoneOffsetSeconds) * 1000;
  }
  if (neo4j.isDate(value as object)) {
    const v = value as InstanceType<typeof neo4j.types.Date>;
    return utcMs(n(v.year), n(v.month), n(v.day));
  }
  return null;
}

/** `$__timeFilter(x)`: inclusive on both ends. */
export function inTimeRange(value: unknown, from: number, to: number): boolean {
  const ms = epochMsOf(value);
  return ms !== null && ms >= from && ms <= to;
}

/** `$__timeGroup(x, interval)`: integer division truncating toward zero, like Memgraph's `/` on integers. */
export function timeBucket(value: unknown, intervalMs: number): number | null {
  const ms = epochMsOf(value);
  return ms === null ? null : Math.trunc(ms / intervalMs) * intervalMs;
}
