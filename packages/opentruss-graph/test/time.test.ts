import neo4j from 'neo4j-driver';
import {
  compareCypher,
  epochMsOf,
  inTimeRange,
  localDateTime,
  pythonIsoString,
  timeBucket,
  zonedDateTime,
} from '../src';

const instant = Date.parse('2025-10-01T08:30:12.123Z');
const micros = instant * 1000 + 456;

describe('timestamp normalisation (the reference twin of the datasource macros)', () => {
  it('reads LocalDateTime as UTC, zoned DateTime by its offset, ISO strings by their shape', () => {
    expect(epochMsOf(localDateTime(micros))).toBe(instant);
    const zoned = zonedDateTime(micros);
    expect(String(zoned)).toBe('2025-10-01T16:30:12.123456000+08:00[Asia/Shanghai]');
    expect(epochMsOf(zoned)).toBe(instant);
    expect(pythonIsoString(micros)).toBe('2025-10-01T08:30:12.123456');
    expect(epochMsOf('2025-10-01T08:30:12.123456')).toBe(instant);
    expect(epochMsOf('2025-10-01T16:30:12.123+08:00')).toBe(instant);
    expect(epochMsOf('2025-10-01T08:30:12.123Z')).toBe(instant);
    expect(epochMsOf('2025-10-01T03:30:12.123-05')).toBe(instant);
    expect(epochMsOf('2025-10-01')).toBe(Date.parse('2025-10-01T00:00:00Z'));
    expect(epochMsOf(new neo4j.types.Date(2025, 10, 1))).toBe(Date.parse('2025-10-01T00:00:00Z'));
    expect(epochMsOf(neo4j.int(instant))).toBe(instant);
    expect(epochMsOf(1.9)).toBe(1);
  });

  it('gives null where the macro gives null: Memgraph-unparseable strings, null, other types', () => {
    expect(epochMsOf('2025-10-01 08:30:12')).toBeNull(); // space instead of T
    expect(epochMsOf('2025-10-01T08:30:12.1')).toBeNull(); // 1 fractional digit
    expect(epochMsOf('yesterday')).toBeNull();
    expect(epochMsOf(null)).toBeNull();
    expect(epochMsOf(undefined)).toBeNull();
    expect(epochMsOf(true)).toBeNull();
    expect(() => epochMsOf('2025-10-01T08:30:12[Asia/Shanghai]')).toThrow(/zone-id-only/);
  });

  it('filters inclusively and buckets by truncating integer division', () => {
    const value = localDateTime(micros);
    expect(inTimeRange(value, instant, instant)).toBe(true);
    expect(inTimeRange(value, instant + 1, instant + 2)).toBe(false);
    expect(inTimeRange('garbage', 0, Number.MAX_SAFE_INTEGER)).toBe(false);
    expect(timeBucket(value, 86_400_000)).toBe(Date.parse('2025-10-01T00:00:00Z'));
    expect(timeBucket(null, 86_400_000)).toBeNull();
  });

  it('orders like Memgraph: UTF-8 bytes for strings, nulls last', () => {
    // U+FF5E sorts before U+1F600 in UTF-8 (and in code points), after it in UTF-16 code units.
    expect(compareCypher('\uFF5E', '\u{1F600}')).toBeLessThan(0);
    expect('\uFF5E' < '\u{1F600}').toBe(false);
    expect(compareCypher(null, 'a')).toBeGreaterThan(0);
    expect(compareCypher(neo4j.int(2), 10)).toBeLessThan(0);
    expect(() => compareCypher('a', 1)).toThrow(/strings against numbers/);
  });
});
