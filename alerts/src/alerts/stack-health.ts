// Group opentruss-stack-health: is each part of the stack there? One alert per scrape target (node-exporter, the
// business exporter, the Bolt gateway, the OpenTruss backend) and one for Memgraph itself, so a missing part pages
// once, by the alert that names it; the alerts reading that part's metrics stay quiet meanwhile (their no-data
// state is OK and says whose job it is).
import { PROMETHEUS_JOBS, gatewayMetrics } from '@opentruss/contract';
import { alertGroup, type AlertSpec } from '../lib/define';
import { LABEL, panel } from '../lib/describe';
import type { AlertPanel, Bilingual, Component, ManualSource, PromDuration, Severity } from '../model';

interface TargetDown<Name extends string> {
  name: Name;
  job: keyof typeof PROMETHEUS_JOBS;
  /** The target as people call it. */
  what: Bilingual;
  /** What stops working while it is down (ends the description). */
  consequence: Bilingual;
  /**
   * `always`: the stack always runs this target, so having none at all is a broken configuration and alerts too
   * (the `absent` arm reads 0). `whenConfigured`: only some deployments have it; no target means none expected.
   */
  expected: 'always' | 'whenConfigured';
  for: PromDuration;
  severity: Severity;
  component: Component;
  source: ManualSource;
  panel: AlertPanel;
}

/** Joins Chinese and Latin text with the space Chinese typesetting puts between them. */
const join = (a: string, b: string) => (/[A-Za-z0-9-]$/.test(a) || /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b);

/** `up` of one job below 1: the scrape failed (or, for `always` targets, there is no target at all). */
function targetDown<Name extends string>(t: TargetDown<Name>): AlertSpec<Name> {
  const job = PROMETHEUS_JOBS[t.job];
  const selector = `job="${job}"`;
  const minutes = Number.parseInt(t.for, 10);
  const always = t.expected === 'always';
  const missing: Bilingual = {
    zh: `Prometheus 中没有 job="${job}" 的抓取目标：${join(t.what.zh, '没有被监控')}。`,
    en: `Prometheus has no scrape target with job="${job}": the ${t.what.en} is not monitored.`,
  };
  const failing: Bilingual = {
    zh: `Prometheus 已连续 ${minutes} 分钟无法抓取 ${t.what.zh} ${LABEL.instance} 的 /metrics（up = 0）：${t.consequence.zh}`,
    en: `Prometheus has failed to scrape /metrics of the ${t.what.en} ${LABEL.instance} for ${minutes} min (up = 0): ${t.consequence.en}`,
  };
  return {
    name: t.name,
    source: t.source,
    expr: always ? `up{${selector}} or absent(up{${selector}}) - 1` : `up{${selector}}`,
    comparator: 'lt',
    value: 1,
    unit: 'up',
    for: t.for,
    severity: t.severity,
    component: t.component,
    summary: { zh: join(t.what.zh, '不可用'), en: `${t.what.en[0].toUpperCase()}${t.what.en.slice(1)} is down` },
    description: always
      ? {
          zh: `{{ if $labels.instance }}${failing.zh}{{ else }}${missing.zh}{{ end }}`,
          en: `{{ if $labels.instance }}${failing.en}{{ else }}${missing.en}{{ end }}`,
        }
      : failing,
    panel: t.panel,
    ...(always
      ? {
          noDataState: 'Alerting',
          noDataReason: {
            zh: '表达式在目标缺失时本身返回 0；若仍无数据，说明 Prometheus 查询异常，按告警处理。',
            en: 'The expression itself returns 0 when the target is missing; no data at all means Prometheus is not answering, treated as alerting.',
          },
        }
      : {
          noDataState: 'OK',
          noDataReason: {
            zh: '只有预期有该目标的部署（demo 配置、接入 OpenTruss 的方式）才抓取它；没有目标表示不需要监控它。',
            en: 'Only deployments that expect this target (the demo profile, the join-OpenTruss route) scrape it; no target means none is expected.',
          },
        }),
  };
}

export const stackHealthGroup = alertGroup({
  key: 'stackHealth',
  name: 'opentruss-stack-health',
  interval: '1m',
  alerts: (config) => [
    // Two minutes (8 scrapes at 15 s): a restart of node-exporter is not a page; longer leaves the host unwatched.
    targetDown({
      name: 'NodeExporterDown',
      job: 'node',
      what: { zh: 'node-exporter', en: 'node-exporter' },
      consequence: {
        zh: '主机的 CPU、内存、磁盘和网络告警在此期间看不到数据，不会报警。',
        en: "the host's CPU, memory, disk and network alerts see no data meanwhile and cannot fire.",
      },
      expected: 'always',
      for: '2m',
      severity: 'critical',
      component: 'monitoring',
      source: '11.2',
      panel: panel('system', 9, { zh: 'node-exporter 在线状态', en: 'node-exporter up' }),
    }),
    // Business figures move every 2 minutes and nobody on site waits for them: the ops queue, after 5 minutes.
    targetDown({
      name: 'BusinessExporterDown',
      job: 'business',
      what: { zh: '业务导出器', en: 'business exporter' },
      consequence: {
        zh: '业务告警（待审批、驳回率、验收停滞）在此期间看不到数据，不会报警。',
        en: 'the business alerts (approval backlog, rejection rate, stalled acceptance) see no data meanwhile and cannot fire.',
      },
      expected: 'always',
      for: '5m',
      severity: 'warning',
      component: 'monitoring',
      source: '2.1.3',
      panel: panel('business', 17, { zh: '业务导出器在线状态', en: 'Business exporter up' }),
    }),
    // One minute (4 scrapes): every dashboard's Memgraph panels go through the gateway and fail without it.
    targetDown({
      name: 'BoltGatewayDown',
      job: 'gateway',
      what: { zh: 'Bolt 网关', en: 'Bolt gateway' },
      consequence: { zh: '所有 Memgraph 面板都会失败。', en: 'every Memgraph panel fails.' },
      expected: 'always',
      for: '1m',
      severity: 'critical',
      component: 'database',
      source: '11.2',
      panel: panel('apiDatabase', 6, { zh: 'Bolt 网关在线状态', en: 'Bolt gateway up' }),
    }),
    // One minute (6 scrapes at 10 s): every action in OpenTruss's frontend fails without its backend.
    targetDown({
      name: 'OpenTrussBackendDown',
      job: 'backend',
      what: { zh: 'OpenTruss 后端', en: 'OpenTruss backend' },
      consequence: {
        zh: '前端的所有操作都会失败，API 和数据库告警失去数据。',
        en: "every action in the frontend fails, and the API and database alerts lose their data.",
      },
      expected: 'whenConfigured',
      for: '1m',
      severity: 'critical',
      component: 'backend',
      source: '11.2',
      panel: panel('apiDatabase', 1, { zh: '后端在线状态', en: 'Backend up' }),
    }),
    {
      name: 'MemgraphDown',
      source: '4.1#2',
      // The gateway probes Memgraph with a Bolt handshake on every scrape (upstream_up); any gateway reaching it
      // means it is up. One minute (4 probes) rides out a restart's few seconds; longer leaves everyone waiting.
      expr: `max(${gatewayMetrics.upstreamUp}{${config.selectors.gateway}})`,
      comparator: 'lt',
      value: 1,
      unit: 'up',
      for: '1m',
      severity: 'critical',
      component: 'database',
      summary: { zh: 'Memgraph 不可用', en: 'Memgraph is down' },
      description: {
        zh: 'Bolt 网关已连续 1 分钟无法与 Memgraph 完成 Bolt 握手：所有 Memgraph 面板、业务导出器和 OpenTruss 后端的数据库操作都会失败。',
        en: 'The Bolt gateway has not completed a Bolt handshake with Memgraph for 1 min: every Memgraph panel, the business exporter and the OpenTruss backend’s database work fail.',
      },
      panel: panel('apiDatabase', 10, { zh: 'Memgraph 在线状态', en: 'Memgraph up' }),
      noDataState: 'OK',
      noDataReason: {
        zh: '没有序列说明 Bolt 网关没有被抓取，由 BoltGatewayDown 负责报告。',
        en: 'No series means the gateway is not scraped, which BoltGatewayDown reports.',
      },
    },
  ],
});
