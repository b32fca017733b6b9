// The benchmark history: every recorded run in bench/results fits the one schema, docs/performance.md shows exactly
// what they hold (regenerate with `npm run generate -w bench`), and a run written by `npm run bench -- --record`
// becomes a row of it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { spread } from '../src/measure';
import { PROFILES } from '../src/profile';
import type { BenchReport } from '../src/report/report';
import { historyDocument } from '../src/history/document';
import { commandLine, recordRun } from '../src/history/record';
import { parseRecordedRun, readRecordedRuns, RecordedRunError, RESULTS_DIR } from '../src/history/recordedRun';
import { historyMarkdown } from '../src/history/render';

/** A report as `npm run bench` builds it (report/report.ts), figure 7 only. */
function benchReport(date: string): BenchReport {
  return {
    environment: {
      date,
      commit: 'abc1234',
      pluginsModified: false,
      os: 'Debian GNU/Linux 12 (bookworm) (linux 6.1.0, x64)',
      cpus: 2,
      cpuModel: 'AMD EPYC 7B13',
      node: 'v22.23.3',
      loadAtStart: [0.42, 0.5, 0.61],
      loadAtEnd: [1.234, 0.9, 0.7],
    },
    profile: PROFILES.quick,
    serverPlacement: 'child-process',
    figures: [
      {
        id: 7,
        title: 'Bolt gateway: the datasource through the gateway ÷ straight to the server, same workloads',
        measurements: [
          { label: 'conversion: gateway ÷ direct', unit: '×', spread: spread([1.01, 1.06, 1.12]) },
          { label: 'soak: upstream sessions left open after the clients closed', unit: 'count', value: 0 },
        ],
        targets: [{ target: 'conversion through the gateway ≤ 1.10× direct', actual: 1.06, limit: 1.1, unit: '×', met: true }],
        notes: ['a | pipe stays inside its cell'],
      },
    ],
    unhandledRejections: 0,
    totalSeconds: 41.5,
  };
}

describe('recorded benchmark runs', () => {
  const runs = readRecordedRuns();

  it('are found in bench/results, each fitting the schema (reading them throws otherwise)', () => {
    expect(runs.length).toBeGreaterThanOrEqual(10);
    expect(new Set(runs.flatMap(({ run }) => run.figures.map((f) => f.id)))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8]));
  });

  it('are rendered into docs/performance.md, which is current (regenerate with `npm run generate -w bench`)', () => {
    const document = historyDocument();
    expect(document.committed).toBe(document.expected);
    expect(document.committed).toContain('| 2026-11-26 08:24 `6e11ee5` | datasource ÷ raw driver, wall | 1.14 | 1.07–1.24 | × |');
  });

  it('refuse a file that does not fit, naming the file and the field', () => {
    const [{ run }] = runs;
    expect(() => parseRecordedRun('broken.json', '{"environment":')).toThrow(/broken\.json: not JSON/);
    const withoutUnit = { ...run, figures: [{ ...run.figures[0], measurements: [{ label: 'x', spread: { median: 1 } }] }] };
    expect(() => parseRecordedRun('no-unit.json', JSON.stringify(withoutUnit))).toThrow(RecordedRunError);
    expect(() => parseRecordedRun('no-unit.json', JSON.stringify(withoutUnit))).toThrow(/no-unit\.json: .*\n[^]*unit/);
    const badCommit = { ...run, environment: { ...run.environment, commit: 'HEAD' } };
    expect(() => parseRecordedRun('bad-commit.json', JSON.stringify(badCommit))).toThrow(/a git commit hash/);
    const both = { ...run, figures: [{ ...run.figures[0], measurements: [{ label: 'x', unit: 'ms', value: 1, spread: { median: 1 } }] }] };
    expect(() => parseRecordedRun('both.json', JSON.stringify(both))).toThrow(/either a spread .* or a value/);
  });

  it('gain a new run as new rows when `npm run bench -- --record` writes one (and it never overwrites)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-results-'));
    try {
      for (const file of fs.readdirSync(RESULTS_DIR).filter((f) => f.endsWith('.json')).slice(0, 2)) {
        fs.copyFileSync(path.join(RESULTS_DIR, file), path.join(dir, file));
      }
      fs.writeFileSync(path.join(dir, 'latest.json'), '{"scratch": true}');
      const before = historyMarkdown(readRecordedRuns(dir));
      const report = benchReport('2026-12-08T03:05:09.123Z');
      const command = commandLine(['--profile', 'quick', '--only', '7', '--out', 'mine.json', '--record', '--note', 'after the shared core', '--baseline', 'main~1']);
      expect(command).toBe('npm run bench -- --profile quick --only 7 --baseline main~1');
      const written = recordRun(report, { command, note: 'after the shared core' }, dir);
      expect(path.basename(written)).toBe('2026-12-08T0305-abc1234.json');
      expect(() => recordRun(report, { command, note: '' }, dir)).toThrow(/EEXIST/);

      const after = historyMarkdown(readRecordedRuns(dir));
      // Rows are added, none changed: every line of the history before is still there.
      expect(before.split('\n').filter((line) => !after.split('\n').includes(line))).toEqual([]);
      expect(after).toContain(
        '| 2026-12-08 03:05 | `abc1234` | quick | `npm run bench -- --profile quick --only 7 --baseline main~1` | 7 | 2 × AMD EPYC 7B13, Debian GNU/Linux 12 (bookworm) (linux 6.1.0, x64), Node 22.23.3 | 0.42 → 1.23 | [2026-12-08T0305-abc1234.json](../bench/results/2026-12-08T0305-abc1234.json) |'
      );
      expect(after).toContain('- **2026-12-08 03:05 `abc1234`**: after the shared core');
      expect(after).toContain('| 2026-12-08 03:05 `abc1234` | conversion: gateway ÷ direct | 1.06 | 1.01–1.12 | × |');
      expect(after).toContain('| 2026-12-08 03:05 `abc1234` | soak: upstream sessions left open after the clients closed | 0 |  | count |');
      expect(after).toContain('| 2026-12-08 03:05 `abc1234` | conversion through the gateway ≤ 1.10× direct | 1.06 × | 1.10 × | met |');
      expect(after).toContain('- 2026-12-08 03:05 `abc1234`: a \\| pipe stays inside its cell');
      expect(after).not.toContain('scratch');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
