// The benchmark history's one schema: a recorded run is the JSON `npm run bench` writes (report/report.ts), kept in
// bench/results/ with a note. Runs recorded before the JSON existed (from the old README journal) fill what they
// knew: a median without its quartiles, one load average, no total run time. What is required is what a row of
// docs/performance.md needs: when, which commit, which profile, each figure's measurements with units.
import fs from 'node:fs';
import path from 'node:path';

import { z } from 'zod';

import type { BenchReport } from '../report/report';

const spreadSchema = z.strictObject({
  median: z.number(),
  min: z.number().optional(),
  max: z.number().optional(),
  q1: z.number().optional(),
  q3: z.number().optional(),
  n: z.number().int().positive().optional(),
});

const measurementSchema = z
  .strictObject({
    label: z.string().min(1),
    unit: z.string(),
    spread: spreadSchema.optional(),
    value: z.union([z.number(), z.string()]).optional(),
  })
  .refine((m) => (m.spread === undefined) !== (m.value === undefined), {
    message: 'a measurement has either a spread (repeated runs) or a value (one measurement), not both or neither',
  });

const targetSchema = z.strictObject({
  target: z.string().min(1),
  actual: z.number(),
  limit: z.number(),
  unit: z.string(),
  met: z.boolean(),
});

const figureSchema = z.strictObject({
  id: z.number().int().min(1),
  title: z.string().min(1),
  measurements: z.array(measurementSchema).min(1),
  targets: z.array(targetSchema),
  notes: z.array(z.string()),
});

/** An ISO 8601 date-time in UTC, or a date alone where the journal did not record the time. */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z)?$/, 'an ISO 8601 date or UTC date-time');

const environmentSchema = z.strictObject({
  date: isoDate,
  /** Short or full hash of the commit measured. */
  commit: z.string().regex(/^[0-9a-f]{7,40}$/, 'a git commit hash'),
  pluginsModified: z.boolean().optional(),
  os: z.string().optional(),
  cpus: z.number().int().positive().optional(),
  cpuModel: z.string().optional(),
  node: z.string().optional(),
  /** 1-, 5- and 15-minute load averages (the journal's older runs recorded the 1-minute one only). */
  loadAtStart: z.array(z.number()).min(1).max(3).optional(),
  loadAtEnd: z.array(z.number()).min(1).max(3).optional(),
});

export const recordedRunSchema = z.strictObject({
  environment: environmentSchema,
  /** The profile's name and whatever of its sizes the run recorded (`npm run bench` records them all). */
  profile: z.object({ name: z.enum(['quick', 'standard', 'long']) }), // sizes allowed, not needed to render
  serverPlacement: z.enum(['child-process', 'in-process']).optional(),
  /** The command as typed, when it was more than `npm run bench` (`--only`, `--baseline`, …). */
  command: z.string().optional(),
  /** Why the run was recorded, what changed since the one before, how to read it. */
  note: z.string().optional(),
  figures: z.array(figureSchema).min(1),
  unhandledRejections: z.number().int().min(0).optional(),
  totalSeconds: z.number().min(0).optional(),
});

export type RecordedRun = z.infer<typeof recordedRunSchema>;

// What `npm run bench` writes is a recorded run as it stands: this line stops compiling if the two drift apart.
export const benchReportIsARecordedRun = (report: BenchReport): RecordedRun => report;

/** The folder of recorded runs. `latest.json` there is the last run's scratch output (git-ignored), not a record. */
export const RESULTS_DIR = path.resolve(__dirname, '../../results');
export const SCRATCH_FILE = 'latest.json';

/**
 * `2026-12-03T1402-21b9726.json`: the run's UTC date, hour and minute, and the commit (what `--record` writes).
 * Runs the old journal knew only the day of are `<date>-<n>-<commit>.json`, n in the order they ran.
 */
export function recordedRunFileName(run: Pick<RecordedRun, 'environment'>): string {
  const { date, commit } = run.environment;
  return `${date.slice(0, 10)}T${date.slice(11, 13)}${date.slice(14, 16)}-${commit.slice(0, 7)}.json`;
}

/** Oldest first; a run known only by its day after that day's timed runs, then by file name. */
const chronological = (a: { file: string; run: RecordedRun }, b: { file: string; run: RecordedRun }) => {
  const key = (entry: { file: string; run: RecordedRun }) => {
    const { date } = entry.run.environment;
    return `${date.length > 10 ? date : `${date}~`} ${entry.file}`; // '~' sorts after 'T…' in code-point order
  };
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
};

export class RecordedRunError extends Error {}

/** A recorded run from its JSON text, or an error naming the file and every field that is wrong. */
export function parseRecordedRun(file: string, text: string): RecordedRun {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RecordedRunError(`${file}: not JSON (${(error as Error).message})`);
  }
  const result = recordedRunSchema.safeParse(json);
  if (!result.success) {
    throw new RecordedRunError(`${file}: not a recorded benchmark run:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}

/** Every recorded run in `dir`, oldest first. */
export function readRecordedRuns(dir: string = RESULTS_DIR): Array<{ file: string; run: RecordedRun }> {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json') && name !== SCRATCH_FILE)
    .sort()
    .map((name) => ({ file: name, run: parseRecordedRun(name, fs.readFileSync(path.join(dir, name), 'utf8')) }))
    .sort(chronological);
}
