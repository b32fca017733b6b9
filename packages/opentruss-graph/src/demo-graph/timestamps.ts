import neo4j, { type DateTime, type LocalDateTime } from 'neo4j-driver';

/**
 * The three timestamp types real OpenTruss data holds, built from an instant in epoch microseconds
 * (Memgraph's temporal precision):
 * - LocalDateTime: Pydantic models sent with naive `datetime.now()`; wall-clock UTC, which is what Memgraph's
 *   `timestamp()` reads with its default instance timezone (UTC).
 * - zoned DateTime: every later `SET x.updated_at = datetime()`. The demo uses Asia/Shanghai (+08:00, no DST)
 *   so a query that ignores the zone gets visibly wrong answers.
 * - ISO strings: lots created by the rule engine store `datetime.now().isoformat()`: no offset, and either no
 *   fraction or exactly six fractional digits (Python omits `.000000`).
 */
export type TimestampKind = 'local' | 'zoned' | 'iso';

const DEMO_ZONE = { id: 'Asia/Shanghai', offsetSeconds: 8 * 3600 } as const;

export type DemoTimestamp = LocalDateTime<number> | DateTime<number> | string;

const MICROS_PER_SECOND = 1_000_000;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  microsecond: number;
}

function wallClock(epochMicros: number, offsetSeconds: number): WallClock {
  const shifted = epochMicros + offsetSeconds * MICROS_PER_SECOND;
  const microsecond = ((shifted % MICROS_PER_SECOND) + MICROS_PER_SECOND) % MICROS_PER_SECOND;
  const date = new Date((shifted - microsecond) / 1000);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    microsecond,
  };
}

export function localDateTime(epochMicros: number): LocalDateTime<number> {
  const c = wallClock(epochMicros, 0);
  return new neo4j.types.LocalDateTime(c.year, c.month, c.day, c.hour, c.minute, c.second, c.microsecond * 1000);
}

/** A DateTime with both zone id and offset, as neo4j-driver decodes Memgraph's DateTimeZoneId values. */
export function zonedDateTime(epochMicros: number): DateTime<number> {
  const c = wallClock(epochMicros, DEMO_ZONE.offsetSeconds);
  return new neo4j.types.DateTime(
    c.year,
    c.month,
    c.day,
    c.hour,
    c.minute,
    c.second,
    c.microsecond * 1000,
    DEMO_ZONE.offsetSeconds,
    DEMO_ZONE.id
  );
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Python's naive `datetime.isoformat()`: `2025-10-01T08:30:12.123456`, or `2025-10-01T08:30:12` when µs = 0. */
export function pythonIsoString(epochMicros: number): string {
  const c = wallClock(epochMicros, 0);
  const base = `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`;
  return c.microsecond === 0 ? base : `${base}.${pad(c.microsecond, 6)}`;
}

export function kindOfTimestamp(value: unknown): TimestampKind | undefined {
  if (typeof value === 'string') {
    return 'iso';
  }
  if (neo4j.isLocalDateTime(value as object)) {
    return 'local';
  }
  if (neo4j.isDateTime(value as object)) {
    return 'zoned';
  }
  return undefined;
}
