import { EPISODES, Random, TrafficSimulator, workdayLoadFactor, type Episode, type SimulatedRequest } from '../src';

// The ops manual's alert thresholds (§2.1.2) and normal ranges the demo must respect.
const API_P95_ALERT_SECONDS = 0.5;
const API_P95_NORMAL_SECONDS = 0.2;
const ERROR_RATIO_ALERT = 0.05;
const ERROR_RATIO_NORMAL = 0.01;
const DB_P95_ALERT_SECONDS = 0.5;
const DB_P95_NORMAL_SECONDS = 0.1;

const BUSY_HOUR = Date.UTC(2026, 2, 3, 2, 0, 0); // 10:00 in China (UTC+8)
const NIGHT = Date.UTC(2026, 2, 3, 18, 0, 0); // 02:00 in China

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.95)];
}

interface Figures {
  requestsPerSecond: number;
  apiP95: number;
  errorRatio: number;
  dbP95: number;
  queryErrorsPerSecond: number;
}

function figures(requests: SimulatedRequest[], seconds: number): Figures {
  const queries = requests.flatMap((r) => r.queries);
  return {
    requestsPerSecond: requests.length / seconds,
    apiP95: p95(requests.map((r) => r.durationSeconds)),
    errorRatio: requests.filter((r) => r.status >= 500).length / requests.length,
    dbP95: p95(queries.map((q) => q.durationSeconds)),
    queryErrorsPerSecond: queries.filter((q) => q.status === 'error').length / seconds,
  };
}

/** Five minutes of traffic — one alert rate window. */
function fiveMinutes(episode: Episode, timeMs: number, seed = 7): Figures {
  return figures(new TrafficSimulator(Random.seeded(seed), 25).simulate(300, episode, timeMs), 300);
}

describe('traffic simulator', () => {
  it.each([BUSY_HOUR, NIGHT])('stays inside the normal ranges in normal operation (t=%s)', (time) => {
    const f = fiveMinutes('normal', time);
    expect(f.apiP95).toBeLessThan(API_P95_NORMAL_SECONDS);
    expect(f.errorRatio).toBeLessThan(ERROR_RATIO_NORMAL);
    expect(f.dbP95).toBeLessThan(DB_P95_NORMAL_SECONDS);
    expect(f.apiP95).toBeGreaterThan(0.01); // plausible, not instant
  });

  it.each([BUSY_HOUR, NIGHT])('api-latency crosses only the API P95 threshold (t=%s)', (time) => {
    const f = fiveMinutes('api-latency', time);
    expect(f.apiP95).toBeGreaterThan(API_P95_ALERT_SECONDS * 1.3);
    expect(f.errorRatio).toBeLessThan(ERROR_RATIO_ALERT);
    expect(f.dbP95).toBeLessThan(DB_P95_NORMAL_SECONDS);
  });

  it.each([BUSY_HOUR, NIGHT])('api-errors crosses the 5xx ratio and produces Memgraph query errors (t=%s)', (time) => {
    const f = fiveMinutes('api-errors', time);
    expect(f.errorRatio).toBeGreaterThan(ERROR_RATIO_ALERT * 1.5);
    expect(f.queryErrorsPerSecond).toBeGreaterThan(0.2);
    expect(f.apiP95).toBeLessThan(API_P95_NORMAL_SECONDS);
  });

  it.each([BUSY_HOUR, NIGHT])('db-slow crosses the database query time threshold (t=%s)', (time) => {
    const f = fiveMinutes('db-slow', time);
    expect(f.dbP95).toBeGreaterThan(DB_P95_ALERT_SECONDS * 1.3);
    expect(f.errorRatio).toBeLessThan(ERROR_RATIO_ALERT);
  });

  it('follows the working day: busier at 10:00 than at 02:00 China time', () => {
    expect(fiveMinutes('normal', BUSY_HOUR).requestsPerSecond).toBeGreaterThan(20);
    expect(fiveMinutes('normal', NIGHT).requestsPerSecond).toBeLessThan(10);
    expect(workdayLoadFactor(BUSY_HOUR)).toBeGreaterThan(workdayLoadFactor(NIGHT));
  });

  it('gives up on a request at its first failed query and answers 500', () => {
    const requests = new TrafficSimulator(Random.seeded(3), 25).simulate(300, 'api-errors', BUSY_HOUR);
    const failed = requests.filter((r) => r.queries.some((q) => q.status === 'error'));
    expect(failed.length).toBeGreaterThan(10);
    for (const request of failed) {
      expect(request.status).toBe(500);
      expect(request.queries[request.queries.length - 1].status).toBe('error');
    }
  });

  it('is reproducible from its seed', () => {
    const run = (seed: number) => new TrafficSimulator(Random.seeded(seed), 25).simulate(10, 'normal', BUSY_HOUR);
    expect(run(11)).toEqual(run(11));
    expect(run(11)).not.toEqual(run(12));
  });
});
