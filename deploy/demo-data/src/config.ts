import fs from 'node:fs';
import { DEMO_GRAPH_PRESETS, DEFAULT_DEMO_SEED, type DemoGraphPreset } from '@opentruss/opentruss-graph';

export interface DemoDataConfig {
  memgraphUrl: string;
  user: string;
  password: string;
  preset: DemoGraphPreset;
  seed: number;
  /** When the demo graph ends, used only for its first load (later runs reuse the recorded one). */
  now: Date;
  batchSize: number;
  /** Connection attempts before giving up, and the pause between them. */
  waitAttempts: number;
  waitIntervalMs: number;
}

type Env = Record<string, string | undefined>;

function integerFrom(env: Env, name: string, fallback: number, min: number): number {
  const text = env[name]?.trim();
  if (!text) {
    return fallback;
  }
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) {
    throw new Error(`${name} must be an integer ≥ ${min}, got "${text}"`);
  }
  return value;
}

/** MEMGRAPH_PASSWORD, or the first line of the file MEMGRAPH_PASSWORD_FILE names (the stack's secrets volume). */
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

/** Reads the loader's settings from the environment; a bad value is an error naming the variable. */
export function readDemoDataConfig(env: Env, now: Date = new Date()): DemoDataConfig {
  const preset = env.DEMO_DATA_SIZE?.trim() || 'small';
  if (!(preset in DEMO_GRAPH_PRESETS)) {
    throw new Error(`DEMO_DATA_SIZE must be one of ${Object.keys(DEMO_GRAPH_PRESETS).join(', ')}; got "${preset}"`);
  }
  const url = env.MEMGRAPH_URL?.trim() || 'bolt://memgraph:7687';
  if (!/^bolt(\+s|\+ssc)?:\/\/[^/?#]+$/.test(url)) {
    throw new Error(`MEMGRAPH_URL must look like bolt://host:7687 (no path or query), got "${url}"`);
  }
  return {
    memgraphUrl: url,
    user: env.MEMGRAPH_USER ?? '',
    password: passwordFrom(env),
    preset: preset as DemoGraphPreset,
    seed: integerFrom(env, 'DEMO_DATA_SEED', DEFAULT_DEMO_SEED, 0),
    now,
    batchSize: integerFrom(env, 'DEMO_DATA_BATCH_SIZE', 1000, 1),
    waitAttempts: integerFrom(env, 'MEMGRAPH_WAIT_ATTEMPTS', 60, 1),
    waitIntervalMs: integerFrom(env, 'MEMGRAPH_WAIT_INTERVAL_MS', 2000, 0),
  };
}
