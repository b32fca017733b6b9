import { TIME_PARAMETERS } from '@opentruss/cypher';
import neo4j, { type Integer } from 'neo4j-driver';

export interface TimeWindow {
  fromMs: number;
  toMs: number;
  intervalMs?: number;
}

/** Without a panel (variable queries, health checks) the interval falls back to a minute. */
const DEFAULT_INTERVAL_MS = 60_000;

/**
 * `$__from`, `$__to` (epoch ms) and `$__interval_ms` as Bolt INTEGERs: neo4j-driver packs a JS number as a FLOAT,
 * and the macros need integers (`E / $__interval_ms * $__interval_ms` is exact integer bucketing only for integers).
 * `$__datasource_timezone` is the datasource's time-zone setting, in which the macros read a Date — the zone the
 * frames show it in, so a Date row shown at midnight is exactly what `$__timeFilter` compares.
 */
export function timeParameters(window: TimeWindow, timeZone: string): Record<string, Integer | string> {
  const interval = Math.max(1, Math.round(window.intervalMs ?? DEFAULT_INTERVAL_MS));
  return {
    [TIME_PARAMETERS.from]: neo4j.int(Math.round(window.fromMs)),
    [TIME_PARAMETERS.to]: neo4j.int(Math.round(window.toMs)),
    [TIME_PARAMETERS.intervalMs]: neo4j.int(interval),
    [TIME_PARAMETERS.timeZone]: timeZone,
  };
}
