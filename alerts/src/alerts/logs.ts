// The log alerts: Grafana-managed rules on Loki (LogQL metric queries: count of lines per window → reduce →
// threshold), for what the ops manual's §3 asks operators to watch in the logs, plus the log pipeline itself
// (Loki and Alloy down, from Prometheus's scrape). Labels the queries use are the ones Alloy sets
// (deploy/alloy/config.alloy; a test reads both). Gateway refusals are not here: BoltGatewayRefusalSpike already
// counts them from the gateway's own metric, which is exact where a log count would only repeat it.
import { PROMETHEUS_JOBS } from '@opentruss/contract';
import { alertGroup } from '../lib/define';
import { panel as dashboardPanel } from '../lib/describe';
import { LOG_SELECTORS, MEMGRAPH_BENIGN_ERROR, countOverTime } from '../lib/logql';

const panel = (panelId: number, zh: string, en: string) => dashboardPanel('logs', panelId, { zh, en });

/** Lines the log alerts count: no matching line in the window is no series at all, which is the quiet normal. */
const NO_LINES_IS_QUIET = {
  noDataState: 'OK',
  noDataReason: {
    zh: '窗口内没有匹配的日志行时 Loki 不返回任何序列，这正是正常情况；Loki 或 Alloy 停止工作时由 LokiDown / AlloyDown 报告，查询失败则以 Error 状态报告。',
    en: 'With no matching line in the window Loki returns no series at all, which is the normal, quiet case; Loki or Alloy not working is what LokiDown / AlloyDown report, and a failing query shows as Error.',
  },
} as const;

const upOrAbsent = (job: string) => `up{job="${job}"} or absent(up{job="${job}"}) - 1`;

const MISSING_TARGET = (job: string) =>
  ({
    noDataState: 'Alerting',
    noDataReason: {
      zh: `表达式在 job="${job}" 缺失时本身返回 0；若仍无数据，说明 Prometheus 查询异常，按告警处理。`,
      en: `The expression itself returns 0 when job="${job}" is missing; no data at all means Prometheus is not answering, treated as alerting.`,
    },
  }) as const;

export const logsGroup = alertGroup({
  key: 'logs',
  name: 'opentruss-logs',
  interval: '1m',
  alerts: ({ logs: t }) => {
    const common = { source: '3' } as const;
    const loki = { ...common, datasource: 'loki' } as const;
    return [
      {
        ...loki,
        name: 'BackendErrorLogBurst',
        // ERROR and CRITICAL lines of the OpenTruss backend per 5 minutes (manual §3.3: `logs backend | grep ERROR`).
        expr: countOverTime(LOG_SELECTORS.backendErrors, '5m'),
        comparator: 'gt',
        value: t.backendErrorLinesPer5m,
        unit: 'count',
        for: '2m',
        severity: 'warning',
        component: 'backend',
        summary: { zh: '后端错误日志激增', en: 'Burst of backend error logs' },
        description: {
          zh: `OpenTruss 后端过去 5 分钟写了 {{ $value | printf "%.0f" }} 行 ERROR/CRITICAL 日志，持续 2 分钟多于 ${t.backendErrorLinesPer5m} 行。`,
          en: `The OpenTruss backend wrote {{ $value | printf "%.0f" }} ERROR/CRITICAL log lines in the last 5 min, more than ${t.backendErrorLinesPer5m} for 2 min.`,
        },
        panel: panel(10, '后端错误日志（每 5 分钟）', 'Backend error log lines (per 5 min)'),
        ...NO_LINES_IS_QUIET,
      },
      {
        ...loki,
        name: 'CriticalLogged',
        // Any service, any CRITICAL line (manual §3.1: 严重错误): one is enough. Not split by service: the rule's own
        // label `service="opentruss"` would clash with Loki's; the panel and the runbook's link show which service.
        expr: countOverTime(LOG_SELECTORS.critical, '5m'),
        comparator: 'gt',
        value: 0,
        unit: 'count',
        // A line stays in the 5-minute window for 5 minutes, so one line still pages after the minute every critical
        // rule waits (no page from a single evaluation).
        for: '1m',
        severity: 'critical',
        component: 'logs',
        summary: {
          zh: '出现 CRITICAL 日志',
          en: 'A CRITICAL log line was written',
        },
        description: {
          zh: '过去 5 分钟共写了 {{ $value | printf "%.0f" }} 行 CRITICAL 日志（手册 §3.1：严重错误）；日志仪表盘按服务列出。',
          en: '{{ $value | printf "%.0f" }} CRITICAL log lines were written in the last 5 min (manual §3.1: critical errors); the Logs dashboard lists them by service.',
        },
        panel: panel(11, 'CRITICAL 日志（每 5 分钟）', 'CRITICAL log lines (per 5 min)'),
        ...NO_LINES_IS_QUIET,
      },
      {
        ...loki,
        name: 'MemgraphErrorLogged',
        // Memgraph's own ERROR/CRITICAL records (its log files; manual §4.1 problem 2: `logs memgraph`), without the
        // message every Community replica logs harmlessly.
        expr: countOverTime(`${LOG_SELECTORS.memgraphErrors} != "${MEMGRAPH_BENIGN_ERROR}"`, '5m'),
        comparator: 'gt',
        value: 0,
        unit: 'count',
        for: '0s',
        severity: 'warning',
        component: 'database',
        summary: { zh: 'Memgraph 记录了错误', en: 'Memgraph logged errors' },
        description: {
          zh: 'Memgraph 过去 5 分钟写了 {{ $value | printf "%.0f" }} 行 ERROR/CRITICAL 日志。',
          en: 'Memgraph wrote {{ $value | printf "%.0f" }} ERROR/CRITICAL log lines in the last 5 min.',
        },
        panel: panel(12, 'Memgraph 错误日志（每 5 分钟）', 'Memgraph error log lines (per 5 min)'),
        ...NO_LINES_IS_QUIET,
      },
      {
        ...common,
        name: 'LokiDown',
        expr: upOrAbsent(PROMETHEUS_JOBS.loki),
        comparator: 'lt',
        value: 1,
        unit: 'up',
        for: '5m',
        severity: 'warning',
        component: 'logs',
        summary: { zh: 'Loki 不可用', en: 'Loki is down' },
        description: {
          zh: `{{ if $labels.instance }}Prometheus 已连续 5 分钟无法抓取 Loki {{ $labels.instance }} 的 /metrics：日志无法写入或查询，日志告警失明。{{ else }}Prometheus 中没有 job="${PROMETHEUS_JOBS.loki}" 的抓取目标：Loki 没有被监控。{{ end }}`,
          en: `{{ if $labels.instance }}Prometheus has failed to scrape /metrics of Loki {{ $labels.instance }} for 5 min: logs can be neither stored nor searched, and the log alerts are blind.{{ else }}Prometheus has no scrape target with job="${PROMETHEUS_JOBS.loki}": Loki is not monitored.{{ end }}`,
        },
        panel: panel(13, 'Loki 在线状态', 'Loki up'),
        ...MISSING_TARGET(PROMETHEUS_JOBS.loki),
      },
      {
        ...common,
        name: 'AlloyDown',
        expr: upOrAbsent(PROMETHEUS_JOBS.alloy),
        comparator: 'lt',
        value: 1,
        unit: 'up',
        for: '5m',
        severity: 'warning',
        component: 'logs',
        summary: { zh: 'Alloy 不可用', en: 'Alloy is down' },
        description: {
          zh: `{{ if $labels.instance }}Prometheus 已连续 5 分钟无法抓取 Alloy {{ $labels.instance }} 的 /metrics：新日志不再进入 Loki（仍留在 Docker 的日志文件里，直到轮转），日志告警失明。{{ else }}Prometheus 中没有 job="${PROMETHEUS_JOBS.alloy}" 的抓取目标：Alloy 没有被监控。{{ end }}`,
          en: `{{ if $labels.instance }}Prometheus has failed to scrape /metrics of Alloy {{ $labels.instance }} for 5 min: new log lines no longer reach Loki (they wait in Docker's log files until rotated away), and the log alerts are blind.{{ else }}Prometheus has no scrape target with job="${PROMETHEUS_JOBS.alloy}": Alloy is not monitored.{{ end }}`,
        },
        panel: panel(14, 'Alloy 在线状态', 'Alloy up'),
        ...MISSING_TARGET(PROMETHEUS_JOBS.alloy),
      },
    ];
  },
});
