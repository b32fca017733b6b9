// Every threshold of ops manual §2.1 has its alert, in both generated rule files, with the manual's value and
// duration. The manual's two tables are copied here verbatim as the independent reference.
import { ALERTS, THRESHOLDS, THRESHOLD_LIST } from '../src';
import { PROMETHEUS_RULES_FILE } from '../src/generate/outputs';
import { parsePromDuration } from './support/durations';
import { readRepoYaml } from './support/repo';

// 运维手册 §2.1.1 系统指标 and §2.1.2 应用指标 (columns: 指标 | 正常范围 | 告警阈值 | 说明).
const MANUAL_TABLES = `
| CPU 使用率 | < 70% | > 85% | 持续 5 分钟 |
| 内存使用率 | < 80% | > 90% | 持续 5 分钟 |
| 磁盘使用率 | < 80% | > 90% | - |
| 磁盘 I/O | < 80% | > 90% | 持续 5 分钟 |
| 网络带宽 | < 80% | > 90% | 持续 5 分钟 |
| API 响应时间 (P95) | < 200ms | > 500ms | 持续 5 分钟 |
| API 错误率 | < 1% | > 5% | 持续 5 分钟 |
| 数据库查询时间 | < 100ms | > 500ms | 持续 5 分钟 |
| 活跃连接数 | < 1000 | > 2000 | - |
`;

/** The alert that enforces each manual row (three names are the manual's own, §2.3). */
const ALERT_FOR_METRIC: Record<string, string> = {
  'CPU 使用率': 'HighCPUUsage',
  内存使用率: 'HighMemoryUsage',
  磁盘使用率: 'HighDiskUsage',
  '磁盘 I/O': 'HighDiskIOUtilization',
  网络带宽: 'HighNetworkBandwidthUsage',
  'API 响应时间 (P95)': 'HighAPILatency',
  'API 错误率': 'HighAPIErrorRate',
  数据库查询时间: 'DatabaseSlowQuery',
  活跃连接数: 'HighActiveConnections',
};

interface ManualRow {
  metric: string;
  normal: number;
  alert: number;
  /** Seconds; 0 where the manual says "-". */
  sustained: number | null;
}

/** "85%" → 85 (rules use 0–100), "500ms" → 0.5 (rules use seconds), "2000" → 2000. */
function manualValue(text: string): number {
  const match = /^([<>]) (\d+)(%|ms)?$/.exec(text.trim());
  if (!match) {
    throw new Error(`Unexpected manual value: ${text}`);
  }
  return match[3] === 'ms' ? Number(match[2]) / 1000 : Number(match[2]);
}

const MANUAL: ManualRow[] = MANUAL_TABLES.trim()
  .split('\n')
  .map((line) =>
    line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim())
  )
  .map(([metric, normal, alert, note]) => ({
    metric,
    normal: manualValue(normal),
    alert: manualValue(alert),
    // `null` where the manual says "-": the rule then has a duration of its own, never none (one scrape never fires).
    sustained: note === '-' ? null : Number(/^持续 (\d+) 分钟$/.exec(note)![1]) * 60,
  }));

const grafanaRules = readRepoYaml<{
  groups: Array<{
    rules: Array<{
      title: string;
      for: string;
      data: Array<{
        refId: string;
        model: { type?: string; conditions?: Array<{ evaluator: { type: string; params: number[] } }> };
      }>;
    }>;
  }>;
}>('provisioning/alerting/rules.yaml').groups.flatMap((g) => g.rules);
const prometheusRules = readRepoYaml<{
  groups: Array<{ rules: Array<{ alert: string; expr: string; for?: string }> }>;
}>(PROMETHEUS_RULES_FILE).groups.flatMap((g) => g.rules);

describe('ops manual §2.1 thresholds', () => {
  it('are all nine transcribed, each enforced by exactly one alert', () => {
    expect(MANUAL).toHaveLength(9);
    expect(THRESHOLD_LIST).toHaveLength(9);
    expect(new Set(ALERTS.filter((a) => a.threshold).map((a) => a.threshold)).size).toBe(9);
  });

  it('keep the manual’s alert names HighCPUUsage, HighAPIErrorRate and DatabaseSlowQuery', () => {
    expect(ALERTS.map((a) => a.name)).toEqual(
      expect.arrayContaining(['HighCPUUsage', 'HighAPIErrorRate', 'DatabaseSlowQuery'])
    );
  });

  describe.each(MANUAL.map((row) => [row.metric, row] as const))('%s', (metric, row) => {
    const name = ALERT_FOR_METRIC[metric];
    const alertFor = parsePromDuration(ALERTS.find((a) => a.name === name)!.for);
    // The manual's duration, or where it says "-" the alert's own, which must be at least a minute.
    const expectedFor = row.sustained ?? alertFor;
    if (row.sustained === null) {
      it('has a duration of its own where the manual says "-"', () => expect(alertFor).toBeGreaterThanOrEqual(60));
    }

    it(`is in the catalogue with the manual's normal range, threshold and duration`, () => {
      const alert = ALERTS.find((a) => a.name === name)!;
      const threshold = THRESHOLDS[alert.threshold!];
      expect(threshold.metric.zh).toBe(metric);
      expect([threshold.normalBelow, threshold.alertAbove]).toEqual([row.normal, row.alert]);
      expect(parsePromDuration(alert.for)).toBe(expectedFor);
    });

    it('is a Grafana rule firing above the manual’s value after the manual’s duration', () => {
      const rule = grafanaRules.find((r) => r.title === name)!;
      const threshold = rule.data.find((q) => q.model.type === 'threshold')!;
      expect(threshold.model.conditions).toEqual([{ evaluator: { type: 'gt', params: [row.alert] } }]);
      expect(parsePromDuration(rule.for)).toBe(expectedFor);
    });

    it('is a Prometheus rule firing above the manual’s value after the manual’s duration', () => {
      const rule = prometheusRules.find((r) => r.alert === name)!;
      expect(rule.expr).toMatch(new RegExp(`\\) > ${String(row.alert).replace('.', '\\.')}$`));
      expect(rule.for === undefined ? 0 : parsePromDuration(rule.for)).toBe(expectedFor);
    });
  });
});
