// The backup alerts at their boundaries, under the real promtool: not firing one evaluation before the threshold
// plus `for` has passed, firing at it, and resolved by the next good backup. (Labels and texts of the firing
// alerts: test/promtool/backup-scenarios.ts.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { BACKUP_THRESHOLDS, alertByName, durationSeconds, type BackupAlertName } from '../src';
import { PROMETHEUS_RULES_FILE } from '../src/generate/outputs';
import { runCommand } from './support/commands';
import { repoPath } from './support/repo';
import { backupSeries, type InputSeries } from './promtool/backup-scenarios';

/** Firing (and, separately, pending) instances of the alert at `minute`, as a single number. */
function expectCount(alert: BackupAlertName, minute: number, firing: number, pending = 0) {
  const count = (state: string) => `count(ALERTS{alertname="${alert}",alertstate="${state}"}) or vector(0)`;
  return [
    { expr: count('firing'), eval_time: `${minute}m`, exp_samples: [{ labels: '{}', value: firing }] },
    { expr: count('pending'), eval_time: `${minute}m`, exp_samples: [{ labels: '{}', value: pending }] },
  ];
}

interface Boundary {
  alert: BackupAlertName;
  name: string;
  series: InputSeries[];
  checks: Array<{ minute: number; firing: number; pending?: number }>;
}

const forMinutes = (alert: BackupAlertName) => durationSeconds(alertByName(alert).for) / 60;

/**
 * The last success exactly `hours` before time 0 (a negative time: promtool need not evaluate all those hours),
 * a good backup at `goodAt` minutes: above the threshold strictly after time 0, firing `for` later, then resolved.
 */
function freshness(alert: BackupAlertName, metric: string, labels: Record<string, string>, hours: number): Boundary {
  const exceededAt = 1; // at time 0 the age equals the threshold: not above it
  const firesAt = exceededAt + forMinutes(alert);
  const goodAt = firesAt + 20;
  return {
    alert,
    name: `last success ${hours} h before time 0, then at ${goodAt} min`,
    series: [backupSeries(metric, labels, `${-hours * 3600}x${goodAt - 1} ${goodAt * 60}x10`)],
    checks: [
      { minute: exceededAt - 1, firing: 0 },
      { minute: exceededAt, firing: 0, pending: 1 },
      { minute: firesAt - 1, firing: 0, pending: 1 },
      { minute: firesAt, firing: 1 },
      { minute: goodAt, firing: 0 },
    ],
  };
}

/** Never reported at all (the service missing from the start): the fallback value fires once `for` has passed. */
function neverReported(alert: BackupAlertName): Boundary {
  return {
    alert,
    name: 'no backup series at all, not even a scrape target',
    series: [{ series: 'up{job="node-exporter",instance="host:9100"}', values: '1x30' }],
    checks: [
      { minute: forMinutes(alert) - 1, firing: 0, pending: 1 },
      { minute: forMinutes(alert), firing: 1 },
    ],
  };
}

/** A 0/1 gauge: 1, then 0 from 10 min for `zeroMinutes`, then 1 again. */
function status(alert: BackupAlertName, metric: string, labels: Record<string, string>, zeroMinutes: number): Boundary {
  const firesAt = 10 + forMinutes(alert);
  const backAt = 10 + zeroMinutes;
  return {
    alert,
    name: `${metric} 0 from 10 to ${backAt} min`,
    series: [backupSeries('up', {}, '1x60'), backupSeries(metric, labels, `1x9 0x${zeroMinutes - 1} 1x30`)],
    checks: [
      { minute: firesAt - 1, firing: 0, pending: forMinutes(alert) > 0 ? 1 : 0 },
      { minute: firesAt, firing: 1 },
      { minute: backAt, firing: 0 },
    ],
  };
}

const SUCCESS = 'opentruss_backup_last_success_timestamp_seconds';
const VERIFIED = 'opentruss_backup_verification_last_success_timestamp_seconds';
const t = BACKUP_THRESHOLDS;

const BOUNDARIES: Boundary[] = [
  freshness('NoRecentFullBackup', SUCCESS, { kind: 'full' }, t.fullHours),
  neverReported('NoRecentFullBackup'),
  freshness('NoRecentBackup', SUCCESS, { kind: 'incremental' }, t.anyBackupHours),
  neverReported('NoRecentBackup'),
  freshness('BackupVerificationOverdue', VERIFIED, {}, t.verificationHours),
  neverReported('BackupVerificationOverdue'),
  status('BackupFailed', 'opentruss_backup_last_status', { kind: 'full' }, 10),
  status('BackupVerificationFailed', 'opentruss_backup_verification_last_status', {}, 10),
  status('BackupTargetMissing', 'opentruss_backup_target_up', { target: 's3' }, 15),
  neverReported('BackupTargetMissing'),
];

let workDir: string;
beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opentruss-backup-alerts-'));
});
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

it.each(BOUNDARIES.map((b) => [`${b.alert}: ${b.name}`, b] as const))('%s', (_title, boundary) => {
  const file = path.join(workDir, `${boundary.alert}-${boundary.name.replace(/\W+/g, '-')}.test.yml`);
  const tests = {
    rule_files: [repoPath(PROMETHEUS_RULES_FILE)],
    evaluation_interval: '1m',
    tests: [
      {
        name: `${boundary.alert}: ${boundary.name}`,
        interval: '1m',
        input_series: boundary.series,
        promql_expr_test: boundary.checks.flatMap((c) => expectCount(boundary.alert, c.minute, c.firing, c.pending)),
      },
    ],
  };
  fs.writeFileSync(file, stringify(tests, { lineWidth: 0 }));
  const result = runCommand('promtool', ['test', 'rules', file], { timeoutMs: 120_000 });
  if (result.status !== 0) {
    throw new Error(`promtool test rules failed:\n${result.output}`);
  }
  expect(result.output).toContain('SUCCESS');
}, 150_000);
