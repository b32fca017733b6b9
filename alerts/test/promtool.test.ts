// The Prometheus rule file checked by the real promtool: `promtool check rules`, then `promtool test rules` with
// one unit test per alert (scenarios in ./promtool/scenarios.ts):
//   - below the threshold → no alert at all, not even pending;
//   - above it for less than `for` → pending (the ALERTS series says so) and not firing;
//   - above it for `for` → firing with exactly the expected labels and annotations.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { runbookPath } from '@opentruss/contract';
import {
  ALERTS,
  COMMON_LABELS,
  LINK_CAPACITY,
  TREND_RECORDINGS,
  alertByName,
  durationSeconds,
  isPrometheusAlert,
  type AlertDefinition,
} from '../src';
import { recordedSettings } from '../src/generate/document';
import { PROMETHEUS_RULES_FILE, TREND_RULES_FILE } from '../src/generate/outputs';
import { runCommand } from './support/commands';
import { readRepoFile, repoPath } from './support/repo';
import { SCENARIOS, type AlertScenario, type FiringAlert } from './promtool/scenarios';

/** The rule file holds the PromQL alerts only (log alerts are Grafana-managed, on Loki). */
const PROMETHEUS_ALERTS = ALERTS.filter(isPrometheusAlert);

const settings = recordedSettings(readRepoFile(PROMETHEUS_RULES_FILE));
let workDir: string;

const minutes = (time: string) => durationSeconds(time as `${number}m`);

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opentruss-promtool-'));
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

function alertLabels(alert: AlertDefinition, expected: FiringAlert): Record<string, string> {
  return { ...expected.labels, ...COMMON_LABELS, component: alert.component };
}

function annotations(alert: AlertDefinition, expected: FiringAlert): Record<string, string> {
  // Without the grafana_url external label, the links are paths under Grafana's root (test/root-url-links.test.ts
  // covers the label).
  return {
    summary: `${alert.summary.zh} / ${alert.summary.en}`,
    description: expected.description.join('\n'),
    runbook_url: runbookPath(alert.name),
    dashboard_url: `/d/${alert.panel.dashboardUid}`,
  };
}

/** An `ALERTS{...}` series as promtool prints expected samples. */
function alertsSeries(alert: AlertDefinition, state: 'pending' | 'firing', expected: FiringAlert): string {
  const labels = { alertname: alert.name, alertstate: state, ...alertLabels(alert, expected) };
  return `ALERTS{${Object.entries(labels)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(',')}}`;
}

function unitTests(scenario: AlertScenario) {
  const alert = alertByName(scenario.alert);
  const alertsOf = `ALERTS{alertname="${alert.name}"}`;
  const calm = scenario.calm.map((c) => ({
    name: `${alert.name}: ${c.name} → silent`,
    interval: scenario.interval,
    input_series: c.series,
    // Never pending or firing at any evaluation so far, not just quiet at the end.
    promql_expr_test: [
      { expr: `max_over_time(${alertsOf}[${scenario.firingAt}])`, eval_time: scenario.firingAt, exp_samples: [] },
    ],
    alert_rule_test: [{ alertname: alert.name, eval_time: scenario.firingAt, exp_alerts: [] }],
  }));
  const busy = scenario.busy.map((b) => ({
    name: `${alert.name}: ${b.name} → ${scenario.pendingAt ? 'pending, then ' : ''}firing`,
    interval: scenario.interval,
    input_series: b.series,
    promql_expr_test: scenario.pendingAt
      ? [
          {
            expr: alertsOf,
            eval_time: scenario.pendingAt,
            exp_samples: b.alerts.map((a) => ({ labels: alertsSeries(alert, 'pending', a), value: 1 })),
          },
        ]
      : [],
    alert_rule_test: [
      ...(scenario.pendingAt ? [{ alertname: alert.name, eval_time: scenario.pendingAt, exp_alerts: [] }] : []),
      {
        alertname: alert.name,
        eval_time: scenario.firingAt,
        exp_alerts: b.alerts.map((a) => ({
          exp_labels: alertLabels(alert, a),
          exp_annotations: annotations(alert, a),
        })),
      },
    ],
  }));
  return {
    // The operator's link-capacity rule is evaluated as Prometheus would, next to the generated rules.
    rule_files: [repoPath(PROMETHEUS_RULES_FILE), repoPath(LINK_CAPACITY.file)],
    evaluation_interval: '1m',
    tests: [...calm, ...busy],
  };
}

describe('Prometheus rule file', () => {
  it('records the settings it was generated with', () => {
    expect(settings).toEqual({
      business: expect.objectContaining({ approvalBacklogHours: expect.any(Number) }),
    });
  });

  it('passes promtool check rules', () => {
    const result = runCommand('promtool', ['check', 'rules', repoPath(PROMETHEUS_RULES_FILE)]);
    expect(result.output).toContain(`SUCCESS: ${PROMETHEUS_ALERTS.length} rules found`);
    expect(result.status).toBe(0);
  });

  it('has one unit-test scenario per alert', () => {
    expect(SCENARIOS.map((s) => s.alert).sort()).toEqual(PROMETHEUS_ALERTS.map((a) => a.name).sort());
  });

  it.each(SCENARIOS.map((s) => [s.alert, s] as const))(
    '%s behaves as specified under promtool test rules',
    (name, scenario) => {
      const alert = alertByName(name);
      // A pending phase exists exactly when the rule has a `for`; the series start at 0, so nothing can fire before
      // `for` has elapsed.
      const forSeconds = durationSeconds(alert.for);
      expect(Boolean(scenario.pendingAt)).toBe(forSeconds > 0);
      expect(minutes(scenario.firingAt)).toBeGreaterThanOrEqual(forSeconds);
      const file = path.join(workDir, `${name}.test.yml`);
      fs.writeFileSync(file, stringify(unitTests(scenario), { lineWidth: 0 }));
      const result = runCommand('promtool', ['test', 'rules', file]);
      if (result.status !== 0) {
        throw new Error(`promtool test rules failed for ${name}:\n${result.output}`);
      }
      expect(result.output).toContain('SUCCESS');
    }
  );
});

/** Runs one promtool unit test of the trend rules: input series every minute, rules evaluated every 5 minutes. */
function testTrendRules(name: string, inputSeries: unknown[], exprTests: unknown[]): void {
  const file = path.join(workDir, `${name}.test.yml`);
  fs.writeFileSync(
    file,
    stringify({
      rule_files: [repoPath(TREND_RULES_FILE)],
      evaluation_interval: '5m',
      tests: [{ interval: '1m', input_series: inputSeries, promql_expr_test: exprTests }],
    })
  );
  const result = runCommand('promtool', ['test', 'rules', file]);
  if (result.status !== 0) {
    throw new Error(result.output);
  }
  expect(result.output).toContain('SUCCESS');
}

describe('capacity trend recording rules (alerts/prometheus/opentruss-trends.rules.yml)', () => {
  it('pass promtool check rules', () => {
    const result = runCommand('promtool', ['check', 'rules', repoPath(TREND_RULES_FILE)]);
    expect(result.output).toContain(`SUCCESS: ${TREND_RECORDINGS.length} rules found`);
    expect(result.status).toBe(0);
  });

  it('record the hourly figures from node-exporter series (worked out by hand)', () => {
    const node = (metric: string, labels: string, values: string) => ({
      series: `${metric}{job="node-exporter",instance="host:9100"${labels}}`,
      values,
    });
    const rootFs = ',device="/dev/vda",fstype="ext4",mountpoint="/"';
    const eth0 = ',device="eth0"';
    testTrendRules(
      'node-trends',
      [
        // Idle 45 s of every 60 s: 25% busy. 2 GiB of 8 GiB available: 75% used. 60 of 100 GB used.
        node('node_cpu_seconds_total', ',cpu="0",mode="idle"', '1000000+45x120'),
        node('node_memory_MemAvailable_bytes', '', '2147483648x120'),
        node('node_memory_MemTotal_bytes', '', '8589934592x120'),
        node('node_filesystem_size_bytes', rootFs, '100000000000x120'),
        node('node_filesystem_avail_bytes', rootFs, '40000000000x120'),
        // Receives 1 MB/s, sends 0.5 MB/s: the busier direction is 1 MB/s.
        node('node_network_receive_bytes_total', eth0, '1000000000+60000000x120'),
        node('node_network_transmit_bytes_total', eth0, '1000000000+30000000x120'),
      ],
      [
        { expr: 'instance:opentruss_cpu_usage_percent:avg1h', eval_time: '90m', exp_samples: [{ labels: 'instance:opentruss_cpu_usage_percent:avg1h{instance="host:9100"}', value: 25 }] },
        {
          expr: 'instance:opentruss_memory_used_percent:avg1h',
          eval_time: '90m',
          exp_samples: [{ labels: 'instance:opentruss_memory_used_percent:avg1h{instance="host:9100",job="node-exporter"}', value: 75 }],
        },
        {
          expr: 'instance_mountpoint:opentruss_filesystem_used_bytes:avg1h',
          eval_time: '90m',
          exp_samples: [
            {
              labels: 'instance_mountpoint:opentruss_filesystem_used_bytes:avg1h{device="/dev/vda",fstype="ext4",instance="host:9100",job="node-exporter",mountpoint="/"}',
              value: 60000000000,
            },
          ],
        },
        {
          expr: 'instance_device:opentruss_network_bytes_per_second:avg1h',
          eval_time: '90m',
          exp_samples: [{ labels: 'instance_device:opentruss_network_bytes_per_second:avg1h{device="eth0",instance="host:9100"}', value: 1000000 }],
        },
      ]
    );
  });

  it('record the hour’s highest of Memgraph’s figures from the business exporter (worked out by hand)', () => {
    const exporter = (metric: string, values: string) => ({
      series: `${metric}{job="opentruss-business",instance="business-exporter:9466"}`,
      values,
    });
    const at90m = (record: string, value: number) => ({
      expr: record,
      eval_time: '90m',
      exp_samples: [{ labels: `${record}{job="opentruss-business"}`, value }],
    });
    testTrendRules(
      'memgraph-trends',
      [
        // Tracked memory climbs 10 MB a minute from 1 GB: the highest of the hour before 90 min is 1.9 GB.
        exporter('opentruss_memgraph_memory_tracked_bytes', '1000000000+10000000x120'),
        // Resident memory peaks at 3 GB at 70 min, then falls back to 2 GB: the hour's highest is the peak.
        exporter('opentruss_memgraph_memory_resident_bytes', '2000000000x69 3000000000 2000000000x50'),
        exporter('opentruss_memgraph_disk_usage_bytes', '300000000x120'),
        exporter('opentruss_memgraph_vertices', '400000x120'),
        exporter('opentruss_memgraph_edges', '900000x120'),
      ],
      [
        at90m('job:opentruss_memgraph_memory_tracked_bytes:max1h', 1_900_000_000),
        at90m('job:opentruss_memgraph_memory_resident_bytes:max1h', 3_000_000_000),
        at90m('job:opentruss_memgraph_disk_usage_bytes:max1h', 300_000_000),
        at90m('job:opentruss_memgraph_vertices:max1h', 400_000),
        at90m('job:opentruss_memgraph_edges:max1h', 900_000),
      ]
    );
  });
});
