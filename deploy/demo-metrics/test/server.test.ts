import { startDemoMetricsServer, type DemoMetricsServer } from '../src';

describe('demo-metrics HTTP server', () => {
  let server: DemoMetricsServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('serves simulated OpenTruss metrics on an ephemeral loopback port from the first scrape on', async () => {
    server = await startDemoMetricsServer({ cycleMinutes: 90, episode: 'api-errors', requestsPerSecond: 500, seed: 1 });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/^opentruss_api_requests_total\{method="[A-Z]+",endpoint="[^"]+",status="500"\} \d+$/m);
    expect(text).toMatch(/^opentruss_memgraph_queries_total\{query_type="[A-Z]+",status="error"\} \d+$/m);
    expect(text).toContain('opentruss_demo_episode{episode="api-errors"} 1');
  });

  it('keeps traffic flowing: counters grow between scrapes', async () => {
    server = await startDemoMetricsServer({ cycleMinutes: 90, episode: 'normal', requestsPerSecond: 200, tickMs: 20, seed: 2 });
    const total = async () =>
      [...(await (await fetch(`${server!.url}/metrics`)).text()).matchAll(/^opentruss_api_requests_total\{[^}]*\} (\d+)$/gm)].reduce(
        (sum, m) => sum + Number(m[1]),
        0
      );
    const first = await total();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await total()).toBeGreaterThan(first);
  });

  it('follows the cycle when no episode is pinned', async () => {
    const cycleStart = Date.UTC(2026, 0, 1) - (Date.UTC(2026, 0, 1) % (90 * 60_000));
    const clock = { now: cycleStart + 30 * 60_000 }; // 33 % into the cycle: api-latency
    server = await startDemoMetricsServer({ cycleMinutes: 90, now: () => clock.now, seed: 3 });
    expect(server.currentEpisode()).toBe('api-latency');
    clock.now = cycleStart + 80 * 60_000; // 89 %: db-slow
    expect(server.currentEpisode()).toBe('db-slow');
  });

  it('answers 404 outside /metrics and /', async () => {
    server = await startDemoMetricsServer({ cycleMinutes: 90, seed: 4 });
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
    expect(await (await fetch(`${server.url}/`)).text()).toMatch(/DEMO/);
  });

  it('reports a port that is already taken instead of hanging', async () => {
    server = await startDemoMetricsServer({ cycleMinutes: 90, seed: 5 });
    await expect(startDemoMetricsServer({ cycleMinutes: 90, port: server.port })).rejects.toThrow(/EADDRINUSE/);
  });
});
