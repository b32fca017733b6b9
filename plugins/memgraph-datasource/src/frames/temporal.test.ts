import neo4j from 'neo4j-driver';

import { durationToMs, instantToEpochMs, isoStringToEpochMs, wallClockToEpochMs } from './temporal';

const { Date: CypherDate, LocalDateTime, DateTime, Duration } = neo4j.types;
const int = neo4j.int;

describe('temporal values → epoch ms', () => {
  it('reads zone-less values in the configured zone', () => {
    const ldt = new LocalDateTime(int(2024), int(5), int(1), int(10), int(30), int(15), int(123_456_789));
    expect(instantToEpochMs(ldt, 'UTC')).toBe(Date.UTC(2024, 4, 1, 10, 30, 15, 123));
    expect(instantToEpochMs(ldt, 'Asia/Shanghai')).toBe(Date.UTC(2024, 4, 1, 2, 30, 15, 123));
    expect(instantToEpochMs(new CypherDate(int(2024), int(5), int(1)), 'Asia/Shanghai')).toBe(
      Date.UTC(2024, 3, 30, 16)
    );
  });

  it('follows daylight saving time in the configured zone', () => {
    const winter = new LocalDateTime(int(2024), int(1), int(15), int(12), int(0), int(0), int(0));
    const summer = new LocalDateTime(int(2024), int(7), int(15), int(12), int(0), int(0), int(0));
    expect(instantToEpochMs(winter, 'Europe/Berlin')).toBe(Date.UTC(2024, 0, 15, 11));
    expect(instantToEpochMs(summer, 'Europe/Berlin')).toBe(Date.UTC(2024, 6, 15, 10));
  });

  it('uses the offset a DateTime carries, or its zone id, never the configured zone', () => {
    const withOffset = new DateTime(int(2024), int(5), int(1), int(10), int(0), int(0), int(0), int(8 * 3600));
    expect(instantToEpochMs(withOffset, 'Europe/Berlin')).toBe(Date.UTC(2024, 4, 1, 2));
    const zoneOnly = new DateTime(int(2024), int(5), int(1), int(10), int(0), int(0), int(0), undefined, 'Asia/Tokyo');
    expect(instantToEpochMs(zoneOnly, 'UTC')).toBe(Date.UTC(2024, 4, 1, 1));
  });

  it('keeps years before 100 as written', () => {
    expect(wallClockToEpochMs({ year: 50, month: 1, day: 1 }, 'UTC')).toBe(-60589296000000);
  });

  it('converts durations to milliseconds', () => {
    expect(durationToMs(new Duration(int(0), int(1), int(30), int(500_000_000)))).toBe(86_400_000 + 30_500);
    expect(durationToMs(new Duration(int(1), int(0), int(0), int(0)))).toBe(2_629_746_000);
  });
});

describe('ISO strings → epoch ms', () => {
  it.each([
    ['2024-05-01T10:00:00Z', Date.UTC(2024, 4, 1, 10)],
    ['2024-05-01T10:00:00.123+08:00', Date.UTC(2024, 4, 1, 2, 0, 0, 123)],
    ['2024-05-01T10:00:00.123456+0800', Date.UTC(2024, 4, 1, 2, 0, 0, 123)],
    ['2024-05-01T10:00:00-05', Date.UTC(2024, 4, 1, 15)],
    ['2024-05-01T10:00:00[Asia/Shanghai]', Date.UTC(2024, 4, 1, 2)],
    ['2024-05-01T10:00:00+08:00[Asia/Shanghai]', Date.UTC(2024, 4, 1, 2)],
    ['2024-05-01T10:00:00.123456789Z', Date.UTC(2024, 4, 1, 10, 0, 0, 123)],
    ['2024-05-01 10:00:00', Date.UTC(2024, 4, 1, 2)],
    ['2024-05-01T10:00', Date.UTC(2024, 4, 1, 2)],
    ['2024-05-01', Date.UTC(2024, 3, 30, 16)],
  ])('%s (zone-less read in Asia/Shanghai) → %i', (text, ms) => {
    expect(isoStringToEpochMs(text, 'Asia/Shanghai')).toBe(ms);
  });

  it.each(['yesterday', '2024-13-01', '1714557600000', '10:00:00', ''])('%j is not a time', (text) => {
    expect(isoStringToEpochMs(text, 'UTC')).toBeNull();
  });
});
