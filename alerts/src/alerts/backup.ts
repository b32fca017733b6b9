// The backup alerts (ops manual §6, §9): the backup service (deploy/backup) as Prometheus scrapes it. Freshness
// is time since the last success — the Velero / pgBackRest convention — so a service that stopped, a schedule
// that never fires and a failing backup all end in the same alert. Panels: the system dashboard's backup row.
// Thresholds: `backup` of the config.
import { backupMetrics } from '@opentruss/contract';
import { SELECTORS } from '../config';
import { alertGroup } from '../lib/define';
import { panel as dashboardPanel } from '../lib/describe';

const JOB = SELECTORS.backup;
/** How far back a vanished service's last report is still read; no report at all in that window reads as 48 h. */
const LOOKBACK = '2d';
const LOOKBACK_HOURS = 48;

/** Hours since the newest value of a timestamp gauge; 48 h when there has been none for 2 days. */
function hoursSince(metric: string, selector: string): string {
  return [
    `(time() - max(max_over_time(${metric}{${selector}}[${LOOKBACK}]))) / 3600`,
    `or`,
    `absent_over_time(${metric}{${selector}}[${LOOKBACK}]) * ${LOOKBACK_HOURS}`,
  ].join('\n');
}

const panel = (panelId: number, zh: string, en: string) => dashboardPanel('system', panelId, { zh, en });

const HOURS = '{{ $value | printf "%.1f" }}';

const FRESHNESS_NO_DATA = {
  noDataState: 'Alerting',
  noDataReason: {
    zh: `表达式在备份服务从未上报时本身返回 ${LOOKBACK_HOURS} 小时；若仍无数据，说明 Prometheus 查询异常，按告警处理。`,
    en: `The expression itself reads ${LOOKBACK_HOURS} h when the backup service never reported; no data at all means Prometheus is not answering, treated as alerting.`,
  },
} as const;

const STATUS_NO_DATA = {
  noDataState: 'OK',
  noDataReason: {
    zh: '没有序列表示还没有尝试过（或服务已停止）；是否有备份由 NoRecentFullBackup / NoRecentBackup 负责，服务是否在线由 BackupTargetMissing 负责。',
    en: 'No series means no attempt yet (or the service is gone); whether backups exist is NoRecentFullBackup’s / NoRecentBackup’s job, whether the service is scraped BackupTargetMissing’s.',
  },
} as const;

export const backupGroup = alertGroup({
  key: 'backup',
  name: 'opentruss-backup',
  interval: '1m',
  alerts: ({ backup: t }) => {
    const common = { source: '6', component: 'backup' } as const;
    return [
      {
        ...common,
        name: 'NoRecentFullBackup',
        expr: hoursSince(backupMetrics.lastSuccess, `${JOB}, kind="full"`),
        comparator: 'gt',
        value: t.fullHours,
        unit: 'hours',
        // A fresh install's first full backup is taken at start: 10 minutes cover it.
        for: '10m',
        severity: 'critical',
        summary: { zh: '没有最近的全量备份', en: 'No recent full backup' },
        description: {
          zh: `Memgraph 最近一次成功的全量备份已是 ${HOURS} 小时前（阈值 ${t.fullHours} 小时）。`,
          en: `The last successful full backup of Memgraph finished ${HOURS} h ago (threshold ${t.fullHours} h).`,
        },
        panel: panel(30, '距上次全量备份的小时数', 'Hours since the last full backup'),
        ...FRESHNESS_NO_DATA,
      },
      {
        ...common,
        name: 'NoRecentBackup',
        // Incremental or full: either is a restore point, so this is the recovery point objective.
        expr: hoursSince(backupMetrics.lastSuccess, `${JOB}, kind=~"full|incremental"`),
        comparator: 'gt',
        value: t.anyBackupHours,
        unit: 'hours',
        for: '10m',
        severity: 'warning',
        summary: {
          zh: '没有最近的增量备份',
          en: 'No recent incremental backup',
        },
        description: {
          zh: `Memgraph 最近一次成功的备份（增量或全量）已是 ${HOURS} 小时前（阈值 ${t.anyBackupHours} 小时）：出事时最多会丢失这么久的数据。`,
          en: `The last successful backup of Memgraph (incremental or full) finished ${HOURS} h ago (threshold ${t.anyBackupHours} h): that much data would be lost in an incident.`,
        },
        panel: panel(31, '距上次备份（增量或全量）的小时数', 'Hours since the last backup (incremental or full)'),
        ...FRESHNESS_NO_DATA,
      },
      {
        ...common,
        name: 'BackupFailed',
        expr: `min by (kind) (${backupMetrics.lastStatus}{${JOB}})`,
        comparator: 'lt',
        value: 1,
        unit: 'up',
        for: '0s',
        severity: 'warning',
        summary: { zh: '最近一次备份失败', en: 'The last backup failed' },
        description: {
          zh: '最近一次{{ $labels.kind }}备份失败（原因见备份服务日志：docker compose logs backup）。下一次成功的同类备份会解除本告警。',
          en: 'The last {{ $labels.kind }} backup failed (the reason is in the backup service’s log: docker compose logs backup). The next successful backup of that kind resolves it.',
        },
        panel: panel(32, '最近一次备份状态', 'Last backup status'),
        ...STATUS_NO_DATA,
      },
      {
        ...common,
        name: 'BackupVerificationOverdue',
        expr: hoursSince(backupMetrics.verificationLastSuccess, JOB),
        comparator: 'gt',
        value: t.verificationHours,
        unit: 'hours',
        for: '10m',
        severity: 'warning',
        summary: {
          zh: '备份恢复检查已过期',
          en: 'Backup restore check overdue',
        },
        description: {
          zh: `最近一次成功的恢复检查（把最新全量备份恢复到 memgraph-restore-check 并核对数量）已是 ${HOURS} 小时前（阈值 ${t.verificationHours} 小时）。`,
          en: `The last successful restore check (newest full backup restored into memgraph-restore-check, counts compared) was ${HOURS} h ago (threshold ${t.verificationHours} h).`,
        },
        panel: panel(33, '距上次成功恢复检查的小时数', 'Hours since the last successful restore check'),
        ...FRESHNESS_NO_DATA,
      },
      {
        ...common,
        name: 'BackupVerificationFailed',
        expr: `min(${backupMetrics.verificationLastStatus}{${JOB}})`,
        comparator: 'lt',
        value: 1,
        unit: 'up',
        // The status changes once per daily check, so a minute delays the page by nothing that matters while a
        // single odd scrape (a restarting service) never pages: every critical rule waits at least a minute.
        for: '1m',
        severity: 'critical',
        summary: { zh: '备份恢复检查失败', en: 'Backup restore check failed' },
        description: {
          zh: '最近一次恢复检查失败：最新的全量备份无法恢复，或恢复后的检验批、构件、审批记录数量与备份时记录的不一致。',
          en: 'The last restore check failed: the newest full backup could not be restored, or its counts of lots, elements and approvals differ from those recorded at backup time.',
        },
        panel: panel(34, '最近一次恢复检查状态', 'Last restore check status'),
        ...STATUS_NO_DATA,
      },
      {
        ...common,
        name: 'BackupTargetMissing',
        // Each target the service writes to (local volume, S3 bucket), and the service itself as a scrape target:
        // `target="backup-service"` reads 0 when Prometheus cannot scrape it or has no such target at all.
        expr: [
          `min by (target) (${backupMetrics.targetUp}{${JOB}})`,
          `or`,
          `label_replace(max(up{${JOB}}) or on() vector(0), "target", "backup-service", "", "")`,
        ].join('\n'),
        comparator: 'lt',
        value: 1,
        unit: 'up',
        for: '10m',
        severity: 'critical',
        summary: { zh: '备份目标不可用', en: 'Backup target missing' },
        description: {
          zh: '备份目标 {{ $labels.target }} 已 10 分钟不可用：local 为备份卷（未挂载或不可写），s3 为对象存储桶（无法访问），backup-service 为备份服务本身（Prometheus 无法抓取）。',
          en: 'Backup target {{ $labels.target }} has been unavailable for 10 min: local is the backup volume (not mounted or not writable), s3 the bucket (unreachable), backup-service the backup service itself (Prometheus cannot scrape it).',
        },
        panel: panel(35, '备份目标可用性', 'Backup targets available'),
        noDataState: 'Alerting',
        noDataReason: {
          zh: '表达式在备份服务缺失时本身返回 0；若仍无数据，说明 Prometheus 查询异常，按告警处理。',
          en: 'The expression itself returns 0 when the backup service is missing; no data at all means Prometheus is not answering, treated as alerting.',
        },
      },
    ];
  },
});
