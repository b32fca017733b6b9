/**
 * The demo's periodic incidents. Each one pushes exactly one of the ops manual's API/DB signals over its alert
 * threshold (API P95 > 500 ms, API 5xx ratio > 5 %, database query time > 500 ms, Memgraph query errors) for
 * long enough that a 5-minute rate window plus a 5-minute `for` fires the alert, then traffic returns to normal.
 */
export const EPISODES = ['normal', 'api-latency', 'api-errors', 'db-slow'] as const;

export type Episode = (typeof EPISODES)[number];

/** How an episode changes the traffic model (1 / the normal probabilities = no change). */
export interface EpisodeEffect {
  /** Multiplies the time the backend spends outside Memgraph on each request. */
  appLatencyFactor: number;
  /** Multiplies every Memgraph query's duration. */
  queryLatencyFactor: number;
  /** Probability that a Memgraph query fails (the request then answers 500). */
  queryErrorProbability: number;
  /** Probability that a request fails with a 5xx for reasons other than Memgraph. */
  serverErrorProbability: number;
}

export const EPISODE_EFFECTS: Record<Episode, EpisodeEffect> = {
  normal: { appLatencyFactor: 1, queryLatencyFactor: 1, queryErrorProbability: 0.0005, serverErrorProbability: 0.002 },
  // CPU contention in the backend: every request slows down, Memgraph is fine.
  'api-latency': { appLatencyFactor: 25, queryLatencyFactor: 1, queryErrorProbability: 0.0005, serverErrorProbability: 0.002 },
  // Memgraph rejects a share of queries (e.g. memory limit): query errors and 500s.
  'api-errors': { appLatencyFactor: 1, queryLatencyFactor: 1, queryErrorProbability: 0.12, serverErrorProbability: 0.01 },
  // Slow graph queries (missing index, big traversal): DB time and, through it, API time rise.
  'db-slow': { appLatencyFactor: 1, queryLatencyFactor: 50, queryErrorProbability: 0.0005, serverErrorProbability: 0.002 },
};

/** One cycle, as the fraction of the cycle at which each stretch ends. Episodes last 15 % of a cycle each. */
const CYCLE_PLAN: ReadonlyArray<{ episode: Episode; endsAt: number }> = [
  { episode: 'normal', endsAt: 0.25 },
  { episode: 'api-latency', endsAt: 0.4 },
  { episode: 'normal', endsAt: 0.55 },
  { episode: 'api-errors', endsAt: 0.7 },
  { episode: 'normal', endsAt: 0.8 },
  { episode: 'db-slow', endsAt: 0.95 },
  { episode: 'normal', endsAt: 1 },
];

/** The shortest cycle whose episodes (15 % each) still outlast a 5-minute rate window plus a 5-minute `for`. */
export const MIN_CYCLE_MINUTES = 70;

/** The episode in force at `timeMs` (cycles are aligned to the Unix epoch, so restarts keep the schedule). */
export function episodeAt(timeMs: number, cycleMinutes: number): Episode {
  const cycleMs = cycleMinutes * 60_000;
  const position = (((timeMs % cycleMs) + cycleMs) % cycleMs) / cycleMs;
  return CYCLE_PLAN.find((stretch) => position < stretch.endsAt)?.episode ?? 'normal';
}

export function isEpisode(text: string): text is Episode {
  return (EPISODES as readonly string[]).includes(text);
}
