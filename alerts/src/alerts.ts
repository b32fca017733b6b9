// The alert catalogue: the nine thresholds of ops manual §2.1 plus the troubleshooting problems of §4.1 (and the
// health check of §11.2) as alerts. Every generated file — Grafana provisioning, the Prometheus rule file, the
// README table, the runbook index — is derived from this list.
import { DASHBOARD_UIDS, gatewayMetrics, PROMETHEUS_JOBS, type DashboardKey } from '@opentruss/contract';
import { BACKUP_ALERT_NAMES, buildBackupAlerts } from './backup-alerts';
import { BUSINESS_ALERT_NAMES, buildBusinessAlerts } from './business-alerts';
import { LOG_ALERT_NAMES, buildLogAlerts } from './log-alerts';
import { REPLICATION_ALERT_NAMES, buildReplicationAlerts } from './replication-alerts';
import { formatValue, sustainedText } from './format';
import type {
  AlertDatasource,
  Bilingual,
  Comparator,
  ExecErrState,
  ManualSource,
  NoDataState,
  PanelRef,
  PromDuration,
  RuleGroupKey,
  Severity,
  ValueUnit,
} from './model';
import {
  SELECTORS,
  busiestDirectionBytesPerSecond,
  errorPercentage,
  indent,
  linkCapacityBytesPerSecond,
  p95Seconds,
} from './promql';
import { DEFAULT_SETTINGS, type GenerationSettings } from './settings';
import { THRESHOLDS, type Threshold, type ThresholdKey } from './thresholds';

export const ALERT_NAMES = [
  'HighCPUUsage',
  'HighMemoryUsage',
  'HighDiskUsage',
  'HighDiskIOUtilization',
  'HighNetworkBandwidthUsage',
  'HighActiveConnections',
  'OpenTrussBackendDown',
  'HighAPILatency',
  'HighAPIErrorRate',
  'DatabaseSlowQuery',
  'MemgraphQueryErrors',
  'BoltGatewayDown',
  'BoltGatewayRefusalSpike',
  'MemoryLeakSuspected',
  'DiskWillFillIn24h',
  ...REPLICATION_ALERT_NAMES,
  ...BUSINESS_ALERT_NAMES,
  ...BACKUP_ALERT_NAMES,
  ...LOG_ALERT_NAMES,
] as const;

export type AlertName = (typeof ALERT_NAMES)[number];

/** What the alert is about, as a label: lets a policy or a silence target one layer. */
export type Component = 'system' | 'backend' | 'database' | 'business' | 'backup' | 'logs';

export interface AlertPanel extends PanelRef {
  title: Bilingual;
}

export interface AlertDefinition {
  name: AlertName;
  group: RuleGroupKey;
  /** Where the manual asks for it. */
  source: ManualSource;
  /** The §2.1 threshold this alert enforces, if any. */
  threshold?: ThresholdKey;
  /**
   * PromQL whose value is compared with `value`: Grafana's query A (then reduce → threshold), and the Prometheus
   * rule's `(expr) <comparator> value`. Its labels become the alert's labels.
   */
  expr: string;
  /** Where `expr` runs; absent means Prometheus. Loki alerts are Grafana-managed only (no Prometheus rule). */
  datasource?: AlertDatasource;
  comparator: Comparator;
  value: number;
  unit: ValueUnit;
  for: PromDuration;
  severity: Severity;
  component: Component;
  summary: Bilingual;
  /**
   * Prometheus template syntax (`{{ $value }}`, `{{ $labels.instance }}`). Grafana's copy reads the reduced
   * value `$values.B.Value` where this says `$value` (Grafana's `$value` is a text listing every query's value).
   */
  description: Bilingual;
  panel: AlertPanel;
  /** Grafana `noDataState`: what "the query returned no series" means for this alert. */
  noDataState: NoDataState;
  /** Grafana `execErrState`. Always `Error`: a failing query raises Grafana's DatasourceError alert with this
   * rule's labels, instead of a false threshold alert or silence. */
  execErrState: ExecErrState;
  /** Why `noDataState` is what it is (shown in docs and the app). */
  noDataReason: Bilingual;
}

/** Labels every alert carries besides `severity` and `component`. */
export const COMMON_LABELS = { team: 'opentruss-ops', service: 'opentruss' } as const;

/** Go-template snippets printing the alert's value (Prometheus and Grafana both provide these functions). */
const VALUE = {
  percent: '{{ $value | printf "%.1f" }}%',
  duration: '{{ $value | humanizeDuration }}',
  count: '{{ $value | printf "%.0f" }}',
  decimal: '{{ $value | printf "%.1f" }}',
} as const;

const INSTANCE = '{{ $labels.instance }}';
const DEVICE = '{{ $labels.device }}';
const MOUNTPOINT = '{{ $labels.mountpoint }}';

function panel(dashboard: DashboardKey, panelId: number, title: Bilingual): AlertPanel {
  return { dashboard, dashboardUid: DASHBOARD_UIDS[dashboard], panelId, title };
}

/** The rule parameters a §2.1 threshold dictates: "> alert threshold", sustained as the manual says. */
function enforce(threshold: Threshold) {
  return {
    source: threshold.source,
    threshold: threshold.key,
    comparator: 'gt' as const,
    value: threshold.alertAbove,
    unit: threshold.unit,
    for: threshold.sustained ?? ('0s' as const),
  };
}

/** `持续 5 分钟高于 85%（正常 < 70%）` / `above 85% for 5 min (normal < 70%)`. */
function breach(threshold: Threshold): Bilingual {
  const limit = formatValue(threshold.alertAbove, threshold.unit);
  const normal = formatValue(threshold.normalBelow, threshold.unit);
  const sustained = threshold.sustained ? sustainedText(threshold.sustained) : null;
  return {
    zh: `${sustained ? sustained.zh : ''}高于 ${limit}（正常 < ${normal}）`,
    en: `above ${limit}${sustained ? ' ' + sustained.en : ''} (normal < ${normal})`,
  };
}

const NO_DATA = {
  hostMetrics: {
    noDataState: 'NoData',
    noDataReason: {
      zh: 'node-exporter 的指标消失（抓取失败或目标被删除）时，Grafana 以 DatasourceNoData 告警提示，而不是静默。',
      en: 'If node-exporter metrics disappear (scrape failing, target removed), Grafana raises DatasourceNoData instead of staying silent.',
    },
  },
  quietIsNormal: {
    noDataState: 'OK',
    noDataReason: {
      zh: '没有序列是正常的（没有流量，或当前后端尚未记录该指标）；后端是否被抓取由 OpenTrussBackendDown 负责。',
      en: 'No series is normal here (no traffic, or the current backend does not record this metric yet); whether the backend is scraped at all is OpenTrussBackendDown’s job.',
    },
  },
  neverFills: {
    // Grafana's reduce (mode dropNN) drops +Inf, so each filesystem that is not filling up ("never full") reduces
    // to no value, which is a NoData result for that series: NoData here would page about every quiet disk.
    noDataState: 'OK',
    noDataReason: {
      zh: '不在减少的文件系统的剩余时间为 +Inf（永不写满），Grafana 会把它当作无数据；因此无数据按正常处理。node-exporter 消失由 HighDiskUsage 等主机告警报告。',
      en: 'A filesystem that is not shrinking reads +Inf ("never full"), which Grafana treats as no data, so no data counts as normal here. node-exporter vanishing is reported by HighDiskUsage and the other host alerts.',
    },
  },
  missingTargetAlerts: {
    noDataState: 'Alerting',
    noDataReason: {
      zh: '表达式在目标缺失时本身返回 0；若仍无数据，说明 Prometheus 查询异常，按告警处理。',
      en: 'The expression itself returns 0 when the target is missing; no data at all means Prometheus is not answering, treated as alerting.',
    },
  },
} as const satisfies Record<string, { noDataState: NoDataState; noDataReason: Bilingual }>;

/** Builds the catalogue. `settings` matter for the network capacity fallback and the business thresholds. */
export function buildAlerts(settings: GenerationSettings = DEFAULT_SETTINGS): AlertDefinition[] {
  const t = THRESHOLDS;
  const execErrState = 'Error' as const;
  return [
    {
      name: 'HighCPUUsage',
      group: 'system',
      ...enforce(t.cpu),
      expr: `100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{${SELECTORS.node}, mode="idle"}[5m])))`,
      severity: 'warning',
      component: 'system',
      summary: { zh: 'CPU 使用率过高', en: 'CPU usage is high' },
      description: {
        zh: `${INSTANCE} 的 CPU 使用率为 ${VALUE.percent}，${breach(t.cpu).zh}。`,
        en: `CPU usage of ${INSTANCE} is ${VALUE.percent}, ${breach(t.cpu).en}.`,
      },
      panel: panel('system', 1, { zh: 'CPU 使用率', en: 'CPU usage' }),
      ...NO_DATA.hostMetrics,
      execErrState,
    },
    {
      name: 'HighMemoryUsage',
      group: 'system',
      ...enforce(t.memory),
      expr: `100 * (1 - node_memory_MemAvailable_bytes{${SELECTORS.node}} / node_memory_MemTotal_bytes{${SELECTORS.node}})`,
      severity: 'warning',
      component: 'system',
      summary: { zh: '内存使用率过高', en: 'Memory usage is high' },
      description: {
        zh: `${INSTANCE} 的内存使用率为 ${VALUE.percent}，${breach(t.memory).zh}。`,
        en: `Memory usage of ${INSTANCE} is ${VALUE.percent}, ${breach(t.memory).en}.`,
      },
      panel: panel('system', 2, { zh: '内存使用率', en: 'Memory usage' }),
      ...NO_DATA.hostMetrics,
      execErrState,
    },
    {
      name: 'HighDiskUsage',
      group: 'system',
      ...enforce(t.disk),
      expr: `100 * (1 - node_filesystem_avail_bytes{${SELECTORS.filesystem}} / node_filesystem_size_bytes{${SELECTORS.filesystem}})`,
      // A full disk stops Memgraph's snapshots and WAL and the backend's logs: page at once.
      severity: 'critical',
      component: 'system',
      summary: { zh: '磁盘空间不足', en: 'Disk is almost full' },
      description: {
        zh: `${INSTANCE} 上 ${MOUNTPOINT}（${DEVICE}）的磁盘使用率为 ${VALUE.percent}，${breach(t.disk).zh}。`,
        en: `Disk usage of ${MOUNTPOINT} (${DEVICE}) on ${INSTANCE} is ${VALUE.percent}, ${breach(t.disk).en}.`,
      },
      panel: panel('system', 3, { zh: '磁盘使用率', en: 'Disk usage' }),
      ...NO_DATA.hostMetrics,
      execErrState,
    },
    {
      name: 'HighDiskIOUtilization',
      group: 'system',
      ...enforce(t.diskIo),
      // Share of wall-clock time the device was busy with I/O (iostat's %util).
      expr: `100 * rate(node_disk_io_time_seconds_total{${SELECTORS.disk}}[5m])`,
      severity: 'warning',
      component: 'system',
      summary: { zh: '磁盘 I/O 繁忙', en: 'Disk I/O is saturated' },
      description: {
        zh: `${INSTANCE} 上磁盘 ${DEVICE} 的 I/O 利用率为 ${VALUE.percent}，${breach(t.diskIo).zh}。`,
        en: `I/O utilisation of disk ${DEVICE} on ${INSTANCE} is ${VALUE.percent}, ${breach(t.diskIo).en}.`,
      },
      panel: panel('system', 4, { zh: '磁盘 I/O 利用率', en: 'Disk I/O utilisation' }),
      ...NO_DATA.hostMetrics,
      execErrState,
    },
    {
      name: 'HighNetworkBandwidthUsage',
      group: 'system',
      ...enforce(t.network),
      expr: [
        `100 * ${busiestDirectionBytesPerSecond()}`,
        `/ on (instance, device) (`,
        `  ${indent(linkCapacityBytesPerSecond(settings.networkLinkCapacityMbits))}`,
        `)`,
      ].join('\n'),
      severity: 'warning',
      component: 'system',
      summary: { zh: '网络带宽占用过高', en: 'Network bandwidth is nearly saturated' },
      description: {
        zh: `${INSTANCE} 上网卡 ${DEVICE} 较忙方向的带宽利用率为 ${VALUE.percent}，${breach(t.network).zh}。`,
        en: `Bandwidth utilisation of ${DEVICE} on ${INSTANCE} (busier direction) is ${VALUE.percent}, ${breach(t.network).en}.`,
      },
      panel: panel('system', 5, { zh: '网络带宽利用率', en: 'Network bandwidth utilisation' }),
      ...NO_DATA.hostMetrics,
      execErrState,
    },
    {
      name: 'HighActiveConnections',
      group: 'system',
      ...enforce(t.activeConnections),
      // The backend exports no connection metric (and its Bolt pool is capped at 50), so "active connections" is
      // the host's established TCP connections from /proc/net/snmp: every client of nginx, the API, Grafana and
      // Memgraph's Bolt port counts, which is what the manual's 1000/2000 limits are about.
      expr: `node_netstat_Tcp_CurrEstab{${SELECTORS.node}}`,
      severity: 'warning',
      component: 'system',
      summary: { zh: '活跃连接数过多', en: 'Too many active connections' },
      description: {
        zh: `${INSTANCE} 当前已建立的 TCP 连接数为 ${VALUE.count}，${breach(t.activeConnections).zh}。`,
        en: `${INSTANCE} has ${VALUE.count} established TCP connections, ${breach(t.activeConnections).en}.`,
      },
      panel: panel('system', 6, { zh: '活跃连接数（已建立的 TCP 连接）', en: 'Active connections (established TCP)' }),
      ...NO_DATA.hostMetrics,
      execErrState,
    },
    {
      name: 'OpenTrussBackendDown',
      group: 'apiDatabase',
      source: '11.2',
      // `up` is 0 when GET /metrics fails (backend down, crashing, or its HTTP server broken). The `absent` arm
      // returns 0 too when Prometheus has no backend target at all, which would otherwise look like silence.
      expr: `up{${SELECTORS.backend}} or absent(up{${SELECTORS.backend}}) - 1`,
      comparator: 'lt',
      value: 1,
      unit: 'up',
      for: '1m',
      severity: 'critical',
      component: 'backend',
      summary: { zh: 'OpenTruss 后端不可用', en: 'OpenTruss backend is down' },
      description: {
        zh: `{{ if $labels.instance }}Prometheus 已连续 1 分钟无法抓取 OpenTruss 后端 ${INSTANCE} 的 /metrics（up = 0）。{{ else }}Prometheus 中没有 job="${PROMETHEUS_JOBS.backend}" 的抓取目标：后端没有被监控。{{ end }}`,
        en: `{{ if $labels.instance }}Prometheus has failed to scrape /metrics of the OpenTruss backend ${INSTANCE} for 1 min (up = 0).{{ else }}Prometheus has no scrape target with job="${PROMETHEUS_JOBS.backend}": the backend is not monitored.{{ end }}`,
      },
      panel: panel('apiDatabase', 1, { zh: '后端在线状态', en: 'Backend up' }),
      ...NO_DATA.missingTargetAlerts,
      execErrState,
    },
    {
      name: 'HighAPILatency',
      group: 'apiDatabase',
      ...enforce(t.apiP95),
      expr: p95Seconds('opentruss_api_request_duration_seconds', SELECTORS.backend),
      severity: 'warning',
      component: 'backend',
      summary: { zh: 'API 响应缓慢', en: 'API responses are slow' },
      description: {
        zh: `OpenTruss API 的 P95 响应时间为 ${VALUE.duration}，${breach(t.apiP95).zh}。`,
        en: `P95 response time of the OpenTruss API is ${VALUE.duration}, ${breach(t.apiP95).en}.`,
      },
      panel: panel('apiDatabase', 2, { zh: 'API 响应时间 (P95)', en: 'API response time (P95)' }),
      ...NO_DATA.quietIsNormal,
      execErrState,
    },
    {
      name: 'HighAPIErrorRate',
      group: 'apiDatabase',
      ...enforce(t.apiErrorRate),
      // The manual's expression, rate(http_requests_total{status=~"5.."}[5m]) > 0.05, counts 5xx responses per
      // second; the threshold is a share of all requests, so this is the ratio of 5xx to all requests, in %.
      expr: errorPercentage('opentruss_api_requests_total', SELECTORS.backend, 'status=~"5.."'),
      severity: 'critical',
      component: 'backend',
      summary: { zh: 'API 错误率过高', en: 'API error rate is high' },
      description: {
        zh: `OpenTruss API 的 5xx 响应占全部请求的 ${VALUE.percent}，${breach(t.apiErrorRate).zh}。`,
        en: `${VALUE.percent} of OpenTruss API requests end in a 5xx response, ${breach(t.apiErrorRate).en}.`,
      },
      panel: panel('apiDatabase', 3, { zh: 'API 错误率 (5xx)', en: 'API error rate (5xx)' }),
      ...NO_DATA.quietIsNormal,
      execErrState,
    },
    {
      name: 'DatabaseSlowQuery',
      group: 'apiDatabase',
      ...enforce(t.dbQueryTime),
      // The backend records every Memgraph query twice (a duplicated block in record_memgraph_query); quantiles
      // are unaffected by that, only counts are.
      expr: p95Seconds('opentruss_memgraph_query_duration_seconds', SELECTORS.backend),
      severity: 'warning',
      component: 'database',
      summary: { zh: '数据库查询缓慢', en: 'Database queries are slow' },
      description: {
        zh: `Memgraph 查询的 P95 耗时为 ${VALUE.duration}，${breach(t.dbQueryTime).zh}。`,
        en: `P95 Memgraph query time is ${VALUE.duration}, ${breach(t.dbQueryTime).en}.`,
      },
      panel: panel('apiDatabase', 4, { zh: '数据库查询时间 (P95)', en: 'Database query time (P95)' }),
      ...NO_DATA.quietIsNormal,
      execErrState,
    },
    {
      name: 'MemgraphQueryErrors',
      group: 'apiDatabase',
      source: '4.1#2',
      // A ratio, so the backend's doubled query counters cancel out.
      expr: errorPercentage('opentruss_memgraph_queries_total', SELECTORS.backend, 'status="error"'),
      comparator: 'gt',
      value: 5,
      unit: 'percent',
      for: '5m',
      severity: 'critical',
      component: 'database',
      summary: { zh: 'Memgraph 查询失败', en: 'Memgraph queries are failing' },
      description: {
        zh: `后端发往 Memgraph 的查询有 ${VALUE.percent} 失败，已持续 5 分钟高于 5%：数据库可能无法连接。`,
        en: `${VALUE.percent} of the backend's Memgraph queries fail, above 5% for 5 min: the database may be unreachable.`,
      },
      panel: panel('apiDatabase', 5, { zh: 'Memgraph 查询失败率', en: 'Memgraph query error ratio' }),
      ...NO_DATA.quietIsNormal,
      execErrState,
    },
    {
      name: 'BoltGatewayDown',
      group: 'apiDatabase',
      source: '11.2',
      // Every dashboard's Memgraph panels go through the gateway: without it they all fail. `absent` as above.
      expr: `up{${SELECTORS.gateway}} or absent(up{${SELECTORS.gateway}}) - 1`,
      comparator: 'lt',
      value: 1,
      unit: 'up',
      for: '1m',
      severity: 'critical',
      component: 'database',
      summary: { zh: 'Bolt 网关不可用', en: 'Bolt gateway is down' },
      description: {
        zh: `{{ if $labels.instance }}Prometheus 已连续 1 分钟无法抓取 Bolt 网关 ${INSTANCE} 的 /metrics（up = 0）：所有 Memgraph 面板都会失败。{{ else }}Prometheus 中没有 job="${PROMETHEUS_JOBS.gateway}" 的抓取目标：Bolt 网关没有被监控。{{ end }}`,
        en: `{{ if $labels.instance }}Prometheus has failed to scrape /metrics of the Bolt gateway ${INSTANCE} for 1 min (up = 0): every Memgraph panel fails.{{ else }}Prometheus has no scrape target with job="${PROMETHEUS_JOBS.gateway}": the Bolt gateway is not monitored.{{ end }}`,
      },
      panel: panel('apiDatabase', 6, { zh: 'Bolt 网关在线状态', en: 'Bolt gateway up' }),
      ...NO_DATA.missingTargetAlerts,
      execErrState,
    },
    {
      name: 'BoltGatewayRefusalSpike',
      group: 'apiDatabase',
      source: '7.3',
      // Dashboards never write, so refusals come from a person or a tool trying to: a few per minute is a probe.
      expr: `sum(rate(${gatewayMetrics.refusalsTotal}{${SELECTORS.gateway}}[5m])) * 60`,
      comparator: 'gt',
      value: 5,
      unit: 'count',
      for: '5m',
      severity: 'warning',
      component: 'database',
      summary: { zh: 'Bolt 网关拒绝的语句激增', en: 'Spike of statements refused by the Bolt gateway' },
      description: {
        zh: `Bolt 网关每分钟拒绝 ${VALUE.count} 条写入、管理或未列入白名单的语句，已持续 5 分钟高于 5 条：有人正在用查看者凭据尝试写入。`,
        en: `The Bolt gateway refuses ${VALUE.count} write, administrative or unlisted-procedure statements per minute, above 5 for 5 min: someone is trying to write with the viewer credential.`,
      },
      panel: panel('apiDatabase', 7, { zh: 'Bolt 网关拒绝的语句（每分钟）', en: 'Statements refused by the Bolt gateway (per minute)' }),
      noDataState: 'OK',
      noDataReason: {
        zh: '没有序列说明网关没有被抓取，由 BoltGatewayDown 负责报告。',
        en: 'No series means the gateway is not scraped, which BoltGatewayDown reports.',
      },
      execErrState,
    },
    {
      name: 'MemoryLeakSuspected',
      group: 'trends',
      source: '4.1#3',
      // Growth of used memory (MemTotal − MemAvailable) in percentage points of RAM per hour, fitted over 3 h: a
      // slope that stays positive for another hour is a leak, not a spike.
      expr: `-100 * 3600 * deriv(node_memory_MemAvailable_bytes{${SELECTORS.node}}[3h]) / node_memory_MemTotal_bytes{${SELECTORS.node}}`,
      comparator: 'gt',
      value: 2,
      unit: 'percentPerHour',
      for: '1h',
      severity: 'warning',
      component: 'system',
      summary: { zh: '内存使用持续增长（疑似内存泄漏）', en: 'Memory use keeps growing (suspected leak)' },
      description: {
        zh: `${INSTANCE} 的已用内存在过去 3 小时内以每小时 ${VALUE.decimal} 个百分点的速度持续增长（阈值每小时 2 个百分点，持续 1 小时）。`,
        en: `Used memory on ${INSTANCE} has been growing by ${VALUE.decimal} percentage points of RAM per hour over the last 3 h (threshold 2 points per hour, for 1 h).`,
      },
      panel: panel('system', 7, { zh: '内存增长速度', en: 'Memory growth rate' }),
      ...NO_DATA.hostMetrics,
      execErrState,
    },
    {
      name: 'DiskWillFillIn24h',
      group: 'trends',
      source: '4.1#4',
      // Hours until the filesystem is full at the 6-hour trend. A filesystem that is not shrinking divides by
      // clamp_min(…, 0) = 0 and reads +Inf ("never"): every filesystem keeps a series, none of them fires.
      expr: [
        `node_filesystem_avail_bytes{${SELECTORS.filesystem}}`,
        `/ clamp_min(-deriv(node_filesystem_avail_bytes{${SELECTORS.filesystem}}[6h]), 0)`,
        `/ 3600`,
      ].join('\n'),
      comparator: 'lt',
      value: 24,
      unit: 'hours',
      for: '1h',
      severity: 'warning',
      component: 'system',
      summary: { zh: '磁盘预计 24 小时内写满', en: 'Disk will fill up within 24 hours' },
      description: {
        zh: `按过去 6 小时的趋势，${INSTANCE} 上 ${MOUNTPOINT}（${DEVICE}）约 ${VALUE.decimal} 小时后写满。`,
        en: `At the trend of the last 6 h, ${MOUNTPOINT} (${DEVICE}) on ${INSTANCE} will be full in about ${VALUE.decimal} hours.`,
      },
      panel: panel('system', 8, { zh: '磁盘写满剩余时间', en: 'Time until disk full' }),
      ...NO_DATA.neverFills,
      execErrState,
    },
    ...buildReplicationAlerts(),
    ...buildBusinessAlerts(settings.business),
    ...buildBackupAlerts(),
    ...buildLogAlerts(),
  ];
}

/** The catalogue with default settings (what the app and the README show). */
export const ALERTS: readonly AlertDefinition[] = buildAlerts();

/** The datasource Grafana evaluates the alert on. */
export function alertDatasource(alert: Pick<AlertDefinition, 'datasource'>): AlertDatasource {
  return alert.datasource ?? 'prometheus';
}

/** Alerts Prometheus can evaluate too (PromQL): the Prometheus rule file holds exactly these. */
export function isPrometheusAlert(alert: Pick<AlertDefinition, 'datasource'>): boolean {
  return alertDatasource(alert) === 'prometheus';
}

export function alertByName(name: AlertName, alerts: readonly AlertDefinition[] = ALERTS): AlertDefinition {
  const found = alerts.find((a) => a.name === name);
  if (!found) {
    throw new Error(`Unknown alert ${name}`);
  }
  return found;
}
