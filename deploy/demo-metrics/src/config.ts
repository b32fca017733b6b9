import { EPISODES, isEpisode, MIN_CYCLE_MINUTES, type Episode } from './episodes';

export interface DemoMetricsConfig {
  host: string;
  port: number;
  cycleMinutes: number;
  episode?: Episode;
  requestsPerSecond: number;
}

type Env = Record<string, string | undefined>;

function numberFrom(env: Env, name: string, fallback: number, isValid: (n: number) => boolean, expected: string): number {
  const text = env[name]?.trim();
  if (!text) {
    return fallback;
  }
  const value = Number(text);
  if (!Number.isFinite(value) || !isValid(value)) {
    throw new Error(`${name} must be ${expected}, got "${text}"`);
  }
  return value;
}

/** Reads the service's settings from environment variables; a bad value is an error naming the variable. */
export function readDemoMetricsConfig(env: Env): DemoMetricsConfig {
  const episodeText = env.DEMO_METRICS_EPISODE?.trim() || undefined;
  if (episodeText !== undefined && !isEpisode(episodeText)) {
    throw new Error(`DEMO_METRICS_EPISODE must be empty (follow the cycle) or one of ${EPISODES.join(', ')}; got "${episodeText}"`);
  }
  return {
    host: env.DEMO_METRICS_HOST?.trim() || '0.0.0.0',
    port: numberFrom(env, 'DEMO_METRICS_PORT', 8000, (n) => Number.isInteger(n) && n > 0 && n < 65536, 'a port number (1-65535)'),
    cycleMinutes: numberFrom(
      env,
      'DEMO_METRICS_CYCLE_MINUTES',
      90,
      (n) => n >= MIN_CYCLE_MINUTES,
      `at least ${MIN_CYCLE_MINUTES} (shorter episodes end before a 5-minute alert can fire)`
    ),
    episode: episodeText,
    requestsPerSecond: numberFrom(env, 'DEMO_METRICS_REQUESTS_PER_SECOND', 25, (n) => n > 0 && n <= 10_000, 'a number in (0, 10000]'),
  };
}
