// The backup service's metric names (deploy/backup): one place, read by its registry, the alert rules and the
// backup panel. `kind` is `full` or `incremental`; `target` is `local` (the backup volume) or `s3`.
export const backupMetrics = {
  lastSuccess: 'opentruss_backup_last_success_timestamp_seconds',
  lastDuration: 'opentruss_backup_last_duration_seconds',
  lastSize: 'opentruss_backup_last_size_bytes',
  lastStatus: 'opentruss_backup_last_status',
  verificationLastSuccess: 'opentruss_backup_verification_last_success_timestamp_seconds',
  verificationLastStatus: 'opentruss_backup_verification_last_status',
  targetUp: 'opentruss_backup_target_up',
} as const;

export const BACKUP_KINDS = ['full', 'incremental'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];
