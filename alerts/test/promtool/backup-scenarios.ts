// promtool scenarios for the backup alerts (alerts/src/alerts/backup.ts), worked out by hand from the series. A
// timestamp gauge holding -93,540 is a last success 25 h 59 min before time 0 (negative times keep promtool from
// evaluating 26 hours minute by minute): at t minutes its age is 25 h 59 min + t.
import type { AlertScenario, InputSeries } from './scenarios';

export type { InputSeries };

export const BACKUP_JOB = { job: 'opentruss-backup', instance: 'backup:9477' };

export function backupSeries(metric: string, labels: Record<string, string>, values: string): InputSeries {
  const text = Object.entries({ ...BACKUP_JOB, ...labels })
    .map(([k, v]) => `${k}="${v}"`)
    .join(',');
  return { series: `${metric}{${text}}`, values };
}

const SUCCESS = 'opentruss_backup_last_success_timestamp_seconds';
/** 26 h minus 1 min, in seconds, as a negative time: above 26 h from 2 min on, firing 10 min later. */
const ALMOST_26H_AGO = -(26 * 3600 - 60);
const HOURS_20_AGO = -20 * 3600;

export const BACKUP_SCENARIOS: AlertScenario[] = [
  {
    alert: 'NoRecentFullBackup',
    interval: '1m',
    // Above 26 h from 2 min; firing from 12 min. At 14 min the last backup is 26 h 13 min = 26.2 h old.
    pendingAt: '6m',
    firingAt: '14m',
    calm: [{ name: 'the last full backup 20 h ago', series: [backupSeries(SUCCESS, { kind: 'full' }, `${HOURS_20_AGO}x20`)] }],
    busy: [
      {
        name: 'the last full backup 25 h 59 min before time 0, incrementals since',
        series: [
          backupSeries(SUCCESS, { kind: 'full' }, `${ALMOST_26H_AGO}x20`),
          backupSeries(SUCCESS, { kind: 'incremental' }, '0+60x20'),
        ],
        alerts: [
          {
            labels: { severity: 'critical' },
            description: [
              'Memgraph 最近一次成功的全量备份已是 26.2 小时前（阈值 26 小时）。',
              'The last successful full backup of Memgraph finished 26.2 h ago (threshold 26 h).',
            ],
          },
        ],
      },
    ],
  },
  {
    alert: 'NoRecentBackup',
    interval: '1m',
    pendingAt: '125m',
    firingAt: '132m',
    calm: [
      {
        name: 'an incremental backup every hour',
        series: [
          backupSeries(SUCCESS, { kind: 'full' }, '0x140'),
          backupSeries(SUCCESS, { kind: 'incremental' }, '0x59 3600x59 7200x20'),
        ],
      },
    ],
    busy: [
      {
        name: 'incrementals failing since the full backup at time 0',
        series: [backupSeries(SUCCESS, { kind: 'full' }, '0x140')],
        alerts: [
          {
            labels: { severity: 'warning' },
            description: [
              'Memgraph 最近一次成功的备份（增量或全量）已是 2.2 小时前（阈值 2 小时）：出事时最多会丢失这么久的数据。',
              'The last successful backup of Memgraph (incremental or full) finished 2.2 h ago (threshold 2 h): that much data would be lost in an incident.',
            ],
          },
        ],
      },
    ],
  },
  {
    alert: 'BackupFailed',
    interval: '1m',
    firingAt: '10m',
    calm: [
      {
        name: 'both kinds succeeding',
        series: [
          backupSeries('opentruss_backup_last_status', { kind: 'full' }, '1x20'),
          backupSeries('opentruss_backup_last_status', { kind: 'incremental' }, '1x20'),
        ],
      },
    ],
    busy: [
      {
        name: 'the incremental failing from 5 min on',
        series: [
          backupSeries('opentruss_backup_last_status', { kind: 'full' }, '1x20'),
          backupSeries('opentruss_backup_last_status', { kind: 'incremental' }, '1x4 0x15'),
        ],
        alerts: [
          {
            labels: { kind: 'incremental', severity: 'warning' },
            description: [
              '最近一次incremental备份失败（原因见备份服务日志：docker compose logs backup）。下一次成功的同类备份会解除本告警。',
              'The last incremental backup failed (the reason is in the backup service’s log: docker compose logs backup). The next successful backup of that kind resolves it.',
            ],
          },
        ],
      },
    ],
  },
  {
    alert: 'BackupVerificationOverdue',
    interval: '1m',
    pendingAt: '6m',
    firingAt: '14m',
    calm: [
      {
        name: 'the last restore check 20 h ago',
        series: [backupSeries('opentruss_backup_verification_last_success_timestamp_seconds', {}, `${HOURS_20_AGO}x20`)],
      },
    ],
    busy: [
      {
        name: 'the last restore check 25 h 59 min before time 0',
        series: [backupSeries('opentruss_backup_verification_last_success_timestamp_seconds', {}, `${ALMOST_26H_AGO}x20`)],
        alerts: [
          {
            labels: { severity: 'warning' },
            description: [
              '最近一次成功的恢复检查（把最新全量备份恢复到 memgraph-restore-check 并核对数量）已是 26.2 小时前（阈值 26 小时）。',
              'The last successful restore check (newest full backup restored into memgraph-restore-check, counts compared) was 26.2 h ago (threshold 26 h).',
            ],
          },
        ],
      },
    ],
  },
  {
    alert: 'BackupVerificationFailed',
    interval: '1m',
    // for: 1m — the failure at 5 min pends at 5 min and fires from 6 min.
    pendingAt: '5m',
    firingAt: '10m',
    calm: [{ name: 'restore checks succeeding', series: [backupSeries('opentruss_backup_verification_last_status', {}, '1x20')] }],
    busy: [
      {
        name: 'a failed restore check at 5 min',
        series: [backupSeries('opentruss_backup_verification_last_status', {}, '1x4 0x15')],
        alerts: [
          {
            labels: { severity: 'critical' },
            description: [
              '最近一次恢复检查失败：最新的全量备份无法恢复，或恢复后的检验批、构件、审批记录数量与备份时记录的不一致。',
              'The last restore check failed: the newest full backup could not be restored, or its counts of lots, elements and approvals differ from those recorded at backup time.',
            ],
          },
        ],
      },
    ],
  },
  {
    alert: 'BackupTargetMissing',
    interval: '1m',
    pendingAt: '15m',
    firingAt: '25m',
    calm: [
      {
        name: 'service scraped, volume and bucket available',
        series: [
          backupSeries('up', {}, '1x30'),
          backupSeries('opentruss_backup_target_up', { target: 'local' }, '1x30'),
          backupSeries('opentruss_backup_target_up', { target: 's3' }, '1x30'),
        ],
      },
    ],
    busy: [
      {
        name: 'the backup volume unwritable from 10 min on',
        series: [
          backupSeries('up', {}, '1x30'),
          backupSeries('opentruss_backup_target_up', { target: 'local' }, '1x9 0x20'),
        ],
        alerts: [
          {
            labels: { target: 'local', severity: 'critical' },
            description: [
              '备份目标 local 已 10 分钟不可用：local 为备份卷（未挂载或不可写），s3 为对象存储桶（无法访问），backup-service 为备份服务本身（Prometheus 无法抓取）。',
              'Backup target local has been unavailable for 10 min: local is the backup volume (not mounted or not writable), s3 the bucket (unreachable), backup-service the backup service itself (Prometheus cannot scrape it).',
            ],
          },
        ],
      },
      {
        name: 'the backup service not scrapable from 10 min on',
        series: [
          backupSeries('up', {}, '1x9 0x20'),
          backupSeries('opentruss_backup_target_up', { target: 'local' }, '1x9'),
        ],
        alerts: [
          {
            labels: { target: 'backup-service', severity: 'critical' },
            description: [
              '备份目标 backup-service 已 10 分钟不可用：local 为备份卷（未挂载或不可写），s3 为对象存储桶（无法访问），backup-service 为备份服务本身（Prometheus 无法抓取）。',
              'Backup target backup-service has been unavailable for 10 min: local is the backup volume (not mounted or not writable), s3 the bucket (unreachable), backup-service the backup service itself (Prometheus cannot scrape it).',
            ],
          },
        ],
      },
    ],
  },
];
