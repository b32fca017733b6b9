import fs from 'node:fs';
import { LOT_STATUSES, MAX_ROWS } from '@opentruss/opentruss-graph';

export interface ExporterConfig {
  memgraphUrl: string;
  user: string;
  password: string;
  /** Address and port of GET /metrics. */
  host: string;
  port: number;
  /** Pause between the end of one collection and the start of the next (collections never overlap). */
  intervalMs: number;
  /** Per query: sent to Memgraph as the transaction timeout, and enforced by the exporter itself. */
  queryTimeoutMs: number;
  /**
   * At most this many buildings get labelled series; the others are left out with a warning (global figures
   * still count them). Per-building queries return at most 1,000 rows of up to 5 statuses, hence the hard cap.
   */
  maxBuildings: number;
}

/** 1,000 rows per catalogue query ÷ the 5 lot statuses a building can have a row for. */
export const HARD_MAX_BUILDINGS = MAX_ROWS / LOT_STATUSES.length;

export const DEFAULTS = {
  url: 'bolt://memgraph:7687',
  port: 9466,
  intervalSeconds: 120,
  queryTimeoutSeconds: 30,
  maxBuildings: 100,
} as const;

type Env = Record<string, string | undefined>;

function numberFrom(env: Env, name: string, fallback: number, min: number, max: number, integer: boolean): number {
  const text = env[name]?.trim();
  if (!text) {
    return fallback;
  }
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new Error(`${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

/** MEMGRAPH_PASSWORD, or the first line of the file MEMGRAPH_PASSWORD_FILE names (Docker/Kubernetes secrets). */
function passwordFrom(env: Env): string {
  const file = env.MEMGRAPH_PASSWORD_FILE?.trim();
  if (!file) {
    return env.MEMGRAPH_PASSWORD ?? '';
  }
  if (env.MEMGRAPH_PASSWORD) {
    throw new Error('Set MEMGRAPH_PASSWORD or MEMGRAPH_PASSWORD_FILE, not both');
  }
  try {
    return fs.readFileSync(file, 'utf8').split(/\r?\n/)[0];
  } catch (error) {
    throw new Error(`MEMGRAPH_PASSWORD_FILE ${file} cannot be read: ${(error as Error).message}`);
  }
}

/** Reads the exporter's settings from the environment; a bad value is an error naming the variable. */
export function readExporterConfig(env: Env): ExporterConfig {
  const url = env.MEMGRAPH_URL?.trim() || DEFAULTS.url;
  if (!/^bolt(\+s|\+ssc)?:\/\/[^/?#]+$/.test(url)) {
    throw new Error(`MEMGRAPH_URL must look like bolt://host:7687 (no path or query), got "${url}"`);
  }
  const intervalSeconds = numberFrom(env, 'BUSINESS_EXPORTER_INTERVAL_SECONDS', DEFAULTS.intervalSeconds, 1, 86_400, false);
  const timeoutSeconds = numberFrom(
    env,
    'BUSINESS_EXPORTER_QUERY_TIMEOUT_SECONDS',
    DEFAULTS.queryTimeoutSeconds,
    0.1,
    3600,
    false
  );
  return {
    memgraphUrl: url,
    user: env.MEMGRAPH_USER ?? '',
    password: passwordFrom(env),
    host: env.BUSINESS_EXPORTER_HOST?.trim() || '0.0.0.0',
    port: numberFrom(env, 'BUSINESS_EXPORTER_PORT', DEFAULTS.port, 0, 65_535, true),
    intervalMs: Math.round(intervalSeconds * 1000),
    queryTimeoutMs: Math.round(timeoutSeconds * 1000),
    maxBuildings: numberFrom(env, 'BUSINESS_EXPORTER_MAX_BUILDINGS', DEFAULTS.maxBuildings, 1, HARD_MAX_BUILDINGS, true),
  };
}
