// The business alerts fire and resolve again under promtool: each breaches, fires, then the situation clears
// (the lot is approved, rejections drop, an approval arrives, the exporter collects again) and the alert is gone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { BUSINESS_ALERT_NAMES, type BusinessAlertName } from '../src';
import { PROMETHEUS_RULES_FILE } from '../src/generate/outputs';
import { runCommand } from './support/commands';
import { repoPath } from './support/repo';

const JOB = 'job="opentruss-business",instance="business-exporter:9466"';
const A = 'project="project_001",building="building_001_01"';

interface Resolution {
  series: Array<{ series: string; values: string }>;
  firingAt: string;
  resolvedAt: string;
  labels: Record<string, string>;
}

const CASES: Record<BusinessAlertName, Resolution> = {
  // 80 h waiting; the lot is approved at 30 min, so its series ends (stale 5 min later).
  ApprovalBacklogAgeing: {
    series: [{ series: `opentruss_business_oldest_awaiting_approval_age_seconds{${JOB},${A}}`, values: '288000+60x30' }],
    firingAt: '20m',
    resolvedAt: '45m',
    labels: { project: 'project_001', building: 'building_001_01', severity: 'warning' },
  },
  // 4 of 10 decisions rejected for an hour, then 1 of 10.
  ApprovalRejectionRateHigh: {
    series: [
      { series: `opentruss_business_approval_events_24h{${JOB},${A},action="APPROVE"}`, values: '6+0x60 9+0x30' },
      { series: `opentruss_business_approval_events_24h{${JOB},${A},action="REJECT"}`, values: '4+0x60 1+0x30' },
    ],
    firingAt: '45m',
    resolvedAt: '70m',
    labels: { project: 'project_001', severity: 'warning' },
  },
  // No approval for 8 days while a lot waits 9 days; an approval arrives at 90 min (5,400 s).
  AcceptanceStalled: {
    series: [
      { series: `opentruss_business_oldest_awaiting_approval_age_seconds{${JOB},${A}}`, values: '777600+60x130' },
      { series: `opentruss_business_last_approval_timestamp_seconds{${JOB},${A}}`, values: '-691200+0x90 5400+0x40' },
    ],
    firingAt: '80m',
    resolvedAt: '100m',
    labels: { project: 'project_001', building: 'building_001_01', severity: 'critical' },
  },
  // Collections fail from 10 min on and succeed again from 40 min on.
  BusinessMetricsStale: {
    series: [{ series: `opentruss_business_last_success_timestamp_seconds{${JOB}}`, values: '0+60x10 600+0x30 2400+60x20' }],
    firingAt: '35m',
    resolvedAt: '45m',
    labels: { severity: 'warning' },
  },
};

let workDir: string;
beforeAll(() => (workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opentruss-business-promtool-'))));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

describe('business alerts under promtool', () => {
  it('cover every business alert', () => {
    expect(Object.keys(CASES).sort()).toEqual([...BUSINESS_ALERT_NAMES].sort());
  });

  it.each(BUSINESS_ALERT_NAMES.map((name) => [name, CASES[name]] as const))('%s fires, then resolves', (name, c) => {
    const firing = `ALERTS{alertname="${name}",alertstate="firing"}`;
    const labels = {
      alertname: name,
      alertstate: 'firing',
      ...c.labels,
      team: 'opentruss-ops',
      service: 'opentruss',
      component: 'business',
    };
    const file = path.join(workDir, `${name}.test.yml`);
    fs.writeFileSync(
      file,
      stringify(
        {
          rule_files: [repoPath(PROMETHEUS_RULES_FILE)],
          evaluation_interval: '1m',
          tests: [
            {
              name: `${name}: fires, then resolves`,
              interval: '1m',
              input_series: c.series,
              promql_expr_test: [
                {
                  expr: firing,
                  eval_time: c.firingAt,
                  exp_samples: [
                    {
                      labels: `ALERTS{${Object.entries(labels)
                        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
                        .join(',')}}`,
                      value: 1,
                    },
                  ],
                },
                { expr: `ALERTS{alertname="${name}"}`, eval_time: c.resolvedAt, exp_samples: [] },
              ],
            },
          ],
        },
        { lineWidth: 0 }
      )
    );
    const result = runCommand('promtool', ['test', 'rules', file]);
    if (result.status !== 0) {
      throw new Error(`promtool test rules failed for ${name}:\n${result.output}`);
    }
    expect(result.output).toContain('SUCCESS');
  });
});
