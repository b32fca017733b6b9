// The business alerts: OpenTruss's approval workflow as the business exporter (deploy/business-exporter) exports
// it from Memgraph. The Memgraph datasource is frontend-only, so Grafana can alert on these figures only through
// Prometheus. Thresholds: `business` of the config (settings, with the reasons for their defaults).
import { PROMETHEUS_JOBS } from '@opentruss/contract';
import { SELECTORS } from '../config';
import { alertGroup } from '../lib/define';
import { panel as dashboardPanel } from '../lib/describe';

const JOB = SELECTORS.business;
const WHERE = '{{ $labels.project }} / {{ $labels.building }}';

/** Hours the oldest SUBMITTED lot of each building has waited. */
const OLDEST_WAIT_HOURS = `max by (project, building) (opentruss_business_oldest_awaiting_approval_age_seconds{${JOB}}) / 3600`;

const panel = (panelId: number, zh: string, en: string) => dashboardPanel('business', panelId, { zh, en });

const NOTHING_WAITING = {
  noDataState: 'OK',
  noDataReason: {
    zh: '没有序列表示没有待处理的情况（没有待审批的检验批、当天没有足够的审批）；导出器本身是否正常由 BusinessMetricsStale 负责。',
    en: 'No series means nothing to report (no lot waiting, too few decisions today); whether the exporter works at all is BusinessMetricsStale’s job.',
  },
} as const;

export const businessGroup = alertGroup({
  key: 'business',
  name: 'opentruss-business',
  interval: '1m',
  alerts: ({ business: t }) => {
    const common = { source: '2.1.3', component: 'business' } as const;
    return [
      {
        ...common,
        name: 'ApprovalBacklogAgeing',
        expr: OLDEST_WAIT_HOURS,
        comparator: 'gt',
        value: t.approvalBacklogHours,
        unit: 'hours',
        // The figure moves only once per collection: 10 minutes rule out a single odd collection.
        for: '10m',
        severity: 'warning',
        summary: {
          zh: '检验批待审批时间过长',
          en: 'Inspection lots wait too long for approval',
        },
        description: {
          zh: `${WHERE} 最早提交的检验批已等待审批 {{ $value | printf "%.0f" }} 小时，超过 ${t.approvalBacklogHours} 小时。`,
          en: `The oldest submitted inspection lot of ${WHERE} has awaited approval for {{ $value | printf "%.0f" }} h, more than ${t.approvalBacklogHours} h.`,
        },
        panel: panel(10, '最早待审批检验批的等待时间', 'Oldest lot awaiting approval'),
        ...NOTHING_WAITING,
      },
      {
        ...common,
        name: 'ApprovalRejectionRateHigh',
        expr: [
          `100 * sum by (project) (opentruss_business_approval_events_24h{${JOB}, action="REJECT"})`,
          `  / sum by (project) (opentruss_business_approval_events_24h{${JOB}})`,
          `and on (project)`,
          `  sum by (project) (opentruss_business_approval_events_24h{${JOB}}) >= ${t.rejectionMinDecisions}`,
        ].join('\n'),
        comparator: 'gt',
        value: t.rejectionRatePercent,
        unit: 'percent',
        for: '30m',
        severity: 'warning',
        summary: {
          zh: '检验批驳回率过高',
          en: 'Inspection lot rejection rate is high',
        },
        description: {
          zh: `项目 {{ $labels.project }} 过去 24 小时的审批中有 {{ $value | printf "%.1f" }}% 被驳回，高于 ${t.rejectionRatePercent}%（至少 ${t.rejectionMinDecisions} 次审批时才判断）。`,
          en: `{{ $value | printf "%.1f" }}% of the last 24 h's approval decisions in project {{ $labels.project }} were rejections, above ${t.rejectionRatePercent}% (judged from ${t.rejectionMinDecisions} decisions on).`,
        },
        panel: panel(11, '检验批驳回率（24 小时）', 'Rejection rate (24 h)'),
        ...NOTHING_WAITING,
      },
      {
        ...common,
        name: 'AcceptanceStalled',
        // Days since the building's last approval, but never more than its oldest lot has waited (lots that just
        // arrived after a quiet month are not a stall); buildings never approved count from the oldest wait.
        expr: [
          `(`,
          `  (time() - max by (project, building) (opentruss_business_last_approval_timestamp_seconds{${JOB}})) / 86400`,
          `  <= on (project, building) max by (project, building) (opentruss_business_oldest_awaiting_approval_age_seconds{${JOB}}) / 86400`,
          `)`,
          `or on (project, building)`,
          `  max by (project, building) (opentruss_business_oldest_awaiting_approval_age_seconds{${JOB}}) / 86400`,
        ].join('\n'),
        comparator: 'gt',
        value: t.acceptanceStalledDays,
        unit: 'days',
        for: '1h',
        // Work on site waits for acceptance of the previous process: a week of none is a stoppage, paged.
        severity: 'critical',
        summary: { zh: '验收停滞', en: 'Acceptance has stalled' },
        description: {
          zh: `${WHERE} 已有 {{ $value | printf "%.1f" }} 天没有检验批通过审批，而检验批仍在等待（阈值 ${t.acceptanceStalledDays} 天）。`,
          en: `No inspection lot of ${WHERE} has been approved for {{ $value | printf "%.1f" }} days while lots are waiting (threshold ${t.acceptanceStalledDays} days).`,
        },
        panel: panel(12, '距上次审批通过的天数（有检验批等待时）', 'Days without an approval while lots wait'),
        ...NOTHING_WAITING,
      },
      {
        ...common,
        name: 'BusinessMetricsStale',
        // Minutes since the last successful collection (the gauge is 0 before the first one). Once the exporter is
        // gone, the last time it reported stays readable for a day; no report for a day reads as a full day.
        expr: [
          `(time() - max(max_over_time(opentruss_business_last_success_timestamp_seconds{${JOB}}[1d]))) / 60`,
          `or`,
          `absent_over_time(opentruss_business_last_success_timestamp_seconds{${JOB}}[1d]) * 1440`,
        ].join('\n'),
        comparator: 'gt',
        value: t.staleAfterMinutes,
        unit: 'minutes',
        for: '5m',
        severity: 'warning',
        summary: { zh: '业务指标已过期', en: 'Business metrics are stale' },
        description: {
          zh: `业务导出器已 {{ $value | printf "%.0f" }} 分钟没有从 Memgraph 成功采集（阈值 ${t.staleAfterMinutes} 分钟）：导出器停止、无法被抓取，或无法查询 Memgraph。业务告警在此期间不可靠。`,
          en: `The business exporter has not collected from Memgraph successfully for {{ $value | printf "%.0f" }} min (threshold ${t.staleAfterMinutes} min): it is down, not scraped, or cannot query Memgraph. Business alerts are blind meanwhile.`,
        },
        panel: panel(13, '业务指标采集新鲜度', 'Business metrics freshness'),
        noDataState: 'Alerting',
        noDataReason: {
          zh: `表达式在 job="${PROMETHEUS_JOBS.business}" 缺失时本身返回一天；若仍无数据，说明 Prometheus 查询异常，按告警处理。`,
          en: `The expression itself reads a full day when job="${PROMETHEUS_JOBS.business}" is missing; no data at all means Prometheus is not answering, treated as alerting.`,
        },
      },
    ];
  },
});
