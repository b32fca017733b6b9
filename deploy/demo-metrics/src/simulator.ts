import { ENDPOINTS, type EndpointProfile, type QueryType } from './endpoints';
import { EPISODE_EFFECTS, type Episode } from './episodes';
import type { Random } from './random';

export interface SimulatedQuery {
  queryType: QueryType;
  status: 'success' | 'error';
  durationSeconds: number;
}

export interface SimulatedRequest {
  method: string;
  endpoint: string;
  status: number;
  durationSeconds: number;
  queries: SimulatedQuery[];
}

/** Median and spread of one Memgraph query in normal operation (log-normal). */
const QUERY_MEDIAN_SECONDS = 0.006;
const QUERY_SIGMA = 0.6;
const APP_SIGMA = 0.5;

/**
 * Requests per second follow the working day in China (UTC+8): busiest around 10:00 and 15:00, quiet at night,
 * so the dashboards show a recognisable daily shape.
 */
export function workdayLoadFactor(timeMs: number): number {
  const hour = (new Date(timeMs).getUTCHours() + 8 + new Date(timeMs).getUTCMinutes() / 60) % 24;
  const daytime = Math.max(0, Math.sin(((hour - 6) / 14) * Math.PI)); // 06:00–20:00
  return 0.25 + 0.75 * daytime;
}

/** Generates the backend's requests for a stretch of time; pure apart from the random source. */
export class TrafficSimulator {
  constructor(
    private readonly random: Random,
    private readonly requestsPerSecond: number
  ) {}

  simulate(seconds: number, episode: Episode, timeMs: number): SimulatedRequest[] {
    const count = this.random.poisson(this.requestsPerSecond * workdayLoadFactor(timeMs) * seconds);
    return Array.from({ length: count }, () =>
      this.request(
        this.random.pickWeighted(ENDPOINTS, (e) => e.share),
        episode
      )
    );
  }

  private request(profile: EndpointProfile, episode: Episode): SimulatedRequest {
    const effect = EPISODE_EFFECTS[episode];
    const queries: SimulatedQuery[] = [];
    for (const queryType of profile.queries) {
      const failed = this.random.chance(effect.queryErrorProbability);
      queries.push({
        queryType,
        status: failed ? 'error' : 'success',
        durationSeconds: this.random.logNormal(QUERY_MEDIAN_SECONDS * effect.queryLatencyFactor, QUERY_SIGMA),
      });
      if (failed) {
        break; // the backend gives up on the request at the first failed query
      }
    }
    const appSeconds = this.random.logNormal(profile.appMedianSeconds * effect.appLatencyFactor, APP_SIGMA);
    return {
      method: profile.method,
      endpoint: profile.endpoint,
      status: this.status(profile, queries, effect.serverErrorProbability),
      durationSeconds: appSeconds + queries.reduce((sum, q) => sum + q.durationSeconds, 0),
      queries,
    };
  }

  private status(profile: EndpointProfile, queries: SimulatedQuery[], serverErrorProbability: number): number {
    if (queries.some((q) => q.status === 'error')) {
      return 500;
    }
    if (this.random.chance(serverErrorProbability)) {
      return this.random.chance(0.8) ? 500 : 503;
    }
    if (profile.clientError && this.random.chance(profile.clientError.probability)) {
      return profile.clientError.status;
    }
    return profile.method === 'POST' && profile.endpoint !== '/api/v1/auth/login' ? 201 : 200;
  }
}
