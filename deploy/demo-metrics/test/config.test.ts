import { readDemoMetricsConfig } from '../src';

describe('demo-metrics configuration from the environment', () => {
  it('defaults to the container setup: 0.0.0.0:8000, a 90-minute cycle, no pinned episode', () => {
    expect(readDemoMetricsConfig({})).toEqual({ host: '0.0.0.0', port: 8000, cycleMinutes: 90, episode: undefined, requestsPerSecond: 25 });
  });

  it('reads every variable; an empty episode follows the cycle', () => {
    expect(
      readDemoMetricsConfig({
        DEMO_METRICS_HOST: '127.0.0.1',
        DEMO_METRICS_PORT: '9123',
        DEMO_METRICS_CYCLE_MINUTES: '120',
        DEMO_METRICS_EPISODE: 'api-errors',
        DEMO_METRICS_REQUESTS_PER_SECOND: '5',
      })
    ).toEqual({ host: '127.0.0.1', port: 9123, cycleMinutes: 120, episode: 'api-errors', requestsPerSecond: 5 });
    expect(readDemoMetricsConfig({ DEMO_METRICS_EPISODE: '  ' }).episode).toBeUndefined();
  });

  it.each([
    [{ DEMO_METRICS_PORT: 'eighty' }, /DEMO_METRICS_PORT must be a port number.*"eighty"/],
    [{ DEMO_METRICS_PORT: '70000' }, /DEMO_METRICS_PORT/],
    [{ DEMO_METRICS_CYCLE_MINUTES: '10' }, /DEMO_METRICS_CYCLE_MINUTES must be at least 70/],
    [{ DEMO_METRICS_EPISODE: 'outage' }, /DEMO_METRICS_EPISODE must be empty .* normal, api-latency, api-errors, db-slow; got "outage"/],
    [{ DEMO_METRICS_REQUESTS_PER_SECOND: '-1' }, /DEMO_METRICS_REQUESTS_PER_SECOND/],
  ])('rejects %p with an error naming the variable', (env, message) => {
    expect(() => readDemoMetricsConfig(env)).toThrow(message);
  });
});
