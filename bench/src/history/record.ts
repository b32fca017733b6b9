// `npm run bench -- --record`: the run's report, with the command and a note, as a recorded run in bench/results.
import fs from 'node:fs';
import path from 'node:path';

import type { BenchReport } from '../report/report';
import { benchReportIsARecordedRun, recordedRunFileName, RESULTS_DIR, type RecordedRun } from './recordedRun';

/** Options that only say where the run is filed, not what was measured. */
const FILING = new Set(['--record', '--note', '--out']);
const TAKES_VALUE = new Set(['--note', '--out']);

/** The command that measured: `npm run bench` and its options, without --record, --note and --out. */
export function commandLine(argv: string[]): string {
  const measuring = argv.filter(
    (arg, i) => !FILING.has(arg) && !TAKES_VALUE.has(argv[i - 1]) && !/^--(note|out)=/.test(arg)
  );
  const quoted = measuring.map((arg) => (/^[\w,./:=@~^-]+$/.test(arg) ? arg : JSON.stringify(arg)));
  return ['npm run bench', ...(quoted.length > 0 ? ['--', ...quoted] : [])].join(' ');
}

/** Writes the recorded run next to the others and returns its path; never overwrites one. */
export function recordRun(report: BenchReport, extra: { command: string; note: string }, dir: string = RESULTS_DIR): string {
  const run: RecordedRun = {
    ...benchReportIsARecordedRun(report),
    command: extra.command,
    ...(extra.note ? { note: extra.note } : {}),
  };
  const file = path.join(dir, recordedRunFileName(run));
  fs.writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`, { flag: 'wx' });
  return file;
}
