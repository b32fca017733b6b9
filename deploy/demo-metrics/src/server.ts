import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { episodeAt, type Episode } from './episodes';
import { createDemoMetrics, type DemoMetrics } from './metrics';
import { Random } from './random';
import { TrafficSimulator } from './simulator';

export interface DemoMetricsOptions {
  /** Default 127.0.0.1; the container listens on 0.0.0.0. */
  host?: string;
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Length of one normal/episode cycle (see episodes.ts). */
  cycleMinutes: number;
  /** Pins one episode instead of following the cycle. */
  episode?: Episode;
  /** Mean request rate at the busiest time of day. */
  requestsPerSecond?: number;
  /** How often simulated traffic is recorded, in ms. */
  tickMs?: number;
  seed?: number;
  /** Clock (tests pin it). */
  now?: () => number;
}

export interface DemoMetricsServer {
  port: number;
  url: string;
  metrics: DemoMetrics;
  /** The episode in force now. */
  currentEpisode(): Episode;
  stop(): Promise<void>;
}

const DEFAULT_REQUESTS_PER_SECOND = 25;

/** Serves GET /metrics (Prometheus text format) and keeps simulated traffic flowing until stopped. */
export async function startDemoMetricsServer(options: DemoMetricsOptions): Promise<DemoMetricsServer> {
  const now = options.now ?? Date.now;
  const tickMs = options.tickMs ?? 1000;
  const metrics = createDemoMetrics({ duplicateMemgraphObservations: true });
  const simulator = new TrafficSimulator(
    Random.seeded(options.seed ?? now()),
    options.requestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND
  );
  const currentEpisode = () => options.episode ?? episodeAt(now(), options.cycleMinutes);
  const tick = () => {
    const episode = currentEpisode();
    metrics.setEpisode(episode);
    metrics.record(simulator.simulate(tickMs / 1000, episode, now()), tickMs / 1000);
  };
  tick(); // series exist from the first scrape on
  const timer = setInterval(tick, tickMs);

  const server = http.createServer((request, response) => {
    if (request.method === 'GET' && request.url?.split('?')[0] === '/metrics') {
      metrics.registry.metrics().then(
        (text) => response.writeHead(200, { 'Content-Type': metrics.registry.contentType }).end(text),
        (error: unknown) => response.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error))
      );
      return;
    }
    response
      .writeHead(request.url === '/' ? 200 : 404, { 'Content-Type': 'text/plain; charset=utf-8' })
      .end('OpenTruss DEMO metrics (simulated, not a real OpenTruss backend): GET /metrics\n');
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
    });
  } catch (error) {
    clearInterval(timer);
    throw error;
  }
  const { port, address } = server.address() as AddressInfo;
  return {
    port,
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    metrics,
    currentEpisode,
    stop: () => {
      clearInterval(timer);
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
