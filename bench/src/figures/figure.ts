import type { Spread } from '../measure';
import type { Profile } from '../profile';
import type { BenchServer } from '../server/benchServer';
import type { BenchWorkloads } from '../workloads';

/** One line of a figure: a repeated measurement (median and spread) or a single value. */
export interface Measurement {
  label: string;
  unit: string;
  spread?: Spread;
  value?: number | string;
}

/** A figure's target (bench/README.md lists them), checked against the measured median (or value). */
export interface TargetCheck {
  target: string;
  actual: number;
  limit: number;
  unit: string;
  met: boolean;
}

export interface FigureResult {
  id: number;
  title: string;
  measurements: Measurement[];
  targets: TargetCheck[];
  /** What the reader must know to read the figure (setup, anything skipped). */
  notes: string[];
}

export interface BenchContext {
  profile: Profile;
  workloads: BenchWorkloads;
  server: BenchServer;
  /** Progress lines (stderr), so the table on stdout stays clean. */
  log: (line: string) => void;
}

export function atMost(target: string, actual: number, limit: number, unit: string): TargetCheck {
  return { target, actual, limit, unit, met: actual <= limit };
}

/** A timed run that did not do the whole job must not count: the benchmark stops instead. */
export function expectEqual<T>(what: string, actual: T, expected: T): void {
  if (actual !== expected) {
    throw new Error(`${what}: expected ${String(expected)}, got ${String(actual)}`);
  }
}
