// The backup row of the system dashboard: each backup alert's home panel (deploy/backup's metrics, docs/backups.md).
import type { AlertName } from '@opentruss/alerts';
import type { GridPos } from '@grafana/grafana-foundation-sdk/dashboard';
import type { PanelBuilder as TimeseriesPanelBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import { alertTimeseries } from './alertPanels';
import { at } from './grid';

const BACKUP_PANELS: Array<{ alert: AlertName; legend: string; what: string; x: number; row: number }> = [
  {
    alert: 'NoRecentFullBackup',
    legend: 'full',
    what: 'Hours since the newest complete full backup (CREATE SNAPSHOT + WAL) finished; 48 when the backup service has not reported for 2 days.',
    x: 0,
    row: 0,
  },
  {
    alert: 'NoRecentBackup',
    legend: 'incremental or full',
    what: 'Hours since the newest complete backup of either kind finished: how much data an incident would lose now.',
    x: 8,
    row: 0,
  },
  {
    alert: 'BackupVerificationOverdue',
    legend: 'restore check',
    what: 'Hours since the newest full backup was last restored into memgraph-restore-check with the recorded counts.',
    x: 16,
    row: 0,
  },
  {
    alert: 'BackupFailed',
    legend: '{{kind}}',
    what: '1 when the last backup attempt of each kind succeeded, 0 when it failed.',
    x: 0,
    row: 1,
  },
  {
    alert: 'BackupVerificationFailed',
    legend: 'restore check',
    what: '1 when the last restore check succeeded, 0 when it failed.',
    x: 8,
    row: 1,
  },
  {
    alert: 'BackupTargetMissing',
    legend: '{{target}}',
    what: 'Whether each backup target is available: the backup volume (local), the bucket (s3), and the backup service as a scrape target.',
    x: 16,
    row: 1,
  },
];

/** The backup panels, from grid row `top` down (two rows of three). */
export function backupPanels(top: number): TimeseriesPanelBuilder[] {
  return BACKUP_PANELS.map(({ alert, legend, what, x, row }) => {
    const gridPos: GridPos = at(x, top + row * 8, 8, 8);
    return alertTimeseries(alert, { legend, what }).gridPos(gridPos);
  });
}
