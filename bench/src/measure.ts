/** One timed run: wall-clock time and the CPU time this (client) process spent meanwhile. */
export interface Sample {
  wallMs: number;
  cpuMs: number;
}

/** Median and spread of repeated measurements. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  /** Quartiles (linear interpolation, like numpy's default). */
  q1: number;
  q3: number;
  n: number;
}

export function spread(values: number[]): Spread {
  if (values.length === 0) {
    throw new Error('spread() of no values');
  }
  const sorted = [...values].sort((a, b) => a - b);
  const quantile = (q: number) => {
    const position = (sorted.length - 1) * q;
    const below = Math.floor(position);
    const above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
  };
  return {
    median: quantile(0.5),
    min: sorted[0],
    max: sorted.at(-1)!,
    q1: quantile(0.25),
    q3: quantile(0.75),
    n: values.length,
  };
}

/** Collects garbage if the process was started with --expose-gc (npm run bench does), so one path's garbage is not collected on another's time. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export async function timed(run: () => Promise<void>): Promise<Sample> {
  collectGarbage();
  const cpu = process.cpuUsage();
  const start = performance.now();
  await run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/**
 * Runs every path `warmups` times unmeasured, then `runs` rounds of every path in turn: a burst of load from
 * elsewhere on the machine lands on one round of all paths rather than on all runs of one path.
 */
export async function interleaved<K extends string>(
  paths: Record<K, () => Promise<void>>,
  options: { runs: number; warmups: number }
): Promise<Record<K, Sample[]>> {
  const names = Object.keys(paths) as K[];
  for (let i = 0; i < options.warmups; i++) {
    for (const name of names) {
      await paths[name]();
    }
  }
  const samples = Object.fromEntries(names.map((name) => [name, [] as Sample[]])) as Record<K, Sample[]>;
  for (let round = 0; round < options.runs; round++) {
    for (const name of names) {
      samples[name].push(await timed(paths[name]));
    }
  }
  return samples;
}

/** Per-round ratios a[i] / b[i]: rounds ran back to back, so they shared the machine's conditions. */
export function ratios(a: number[], b: number[]): number[] {
  return a.map((value, i) => value / b[i]);
}
