// The ops manual's §9 routine (its daily, weekly and monthly tasks), each task linked to what answers it: a panel,
// a dashboard, a runbook or an app page. The text is in the viewer's language (t(): the Chinese titles are the
// manual's own words, in src/locales/zh-Hans), so the list is built when a page renders, never at load time.
// A test checks every panel and runbook it names exists.
import { t } from '@grafana/i18n';
import type { DashboardKey } from '@opentruss/contract';
import type { AlertName, RunbookName } from '@opentruss/alerts';
import type { UrlParams } from '../catalogue/dashboards';
import { ROUTES } from '../constants';

export type Period = 'daily' | 'weekly' | 'monthly';
export const PERIODS: readonly Period[] = ['daily', 'weekly', 'monthly'];

export type TaskLink =
  | { kind: 'panel'; dashboard: DashboardKey; panelId: number; label: string }
  /** `params`: extra query parameters (time range, variable values) after the datasource ones. */
  | { kind: 'dashboard'; dashboard: DashboardKey; label: string; params?: UrlParams }
  | { kind: 'runbook'; runbook: RunbookName; label: string }
  | { kind: 'page'; route: ROUTES; label: string }
  | { kind: 'grafana'; path: string; label: string };

export interface ChecklistTask {
  id: string;
  period: Period;
  title: string;
  /** How to do it, briefly (a command where the manual gives one). */
  how: string;
  /** Where the ops manual asks for it. */
  manual: string;
  links: TaskLink[];
  /** Alerts whose current state answers the task: shown live next to it. */
  watch?: readonly AlertName[];
}

export function periodTitle(period: Period): string {
  switch (period) {
    case 'daily':
      return t('checklists.period.daily', 'Daily tasks');
    case 'weekly':
      return t('checklists.period.weekly', 'Weekly tasks');
    case 'monthly':
      return t('checklists.period.monthly', 'Monthly tasks');
  }
}

export const checklistTasks = (): ChecklistTask[] => [
  {
    id: 'daily-alerts',
    period: 'daily',
    title: t('checklists.task.daily-alerts.title', 'Check the monitoring alerts'),
    how: t(
      'checklists.task.daily-alerts.how',
      'Look at what is firing and follow each alert’s runbook; confirm nothing is pending for long.'
    ),
    manual: '§9.1',
    links: [
      {
        kind: 'page',
        route: ROUTES.Home,
        label: t('checklists.task.daily-alerts.link.page-home', 'Alerts firing now'),
      },
      {
        kind: 'dashboard',
        dashboard: 'wall',
        label: t('checklists.task.daily-alerts.link.dashboard-wall', 'Wall overview'),
      },
      {
        kind: 'grafana',
        path: '/alerting/list?search=label%3Aservice%3Dopentruss',
        label: t('checklists.task.daily-alerts.link.grafana-alert-rules', 'Grafana alert rules'),
      },
    ],
  },
  {
    id: 'daily-error-logs',
    period: 'daily',
    title: t('checklists.task.daily-error-logs.title', 'Review the error logs'),
    how: t(
      'checklists.task.daily-error-logs.how',
      'Open the Logs dashboard at level error and critical: every service’s error lines of the last day, searchable (manual §3.3’s docker-compose logs backend | grep ERROR); compare with the API and Memgraph error ratios.'
    ),
    manual: '§9.1, §3.3',
    links: [
      {
        kind: 'dashboard',
        dashboard: 'logs',
        label: t('checklists.task.daily-error-logs.link.logs-dashboard', 'Logs dashboard: errors of the last 24 h'),
        params: [
          ['from', 'now-24h'],
          ['to', 'now'],
          ['var-level', 'error'],
          ['var-level', 'critical'],
        ],
      },
      {
        kind: 'panel',
        dashboard: 'apiDatabase',
        panelId: 3,
        label: t('checklists.task.daily-error-logs.link.panel-api-database-3', 'API error rate'),
      },
      {
        kind: 'panel',
        dashboard: 'apiDatabase',
        panelId: 5,
        label: t('checklists.task.daily-error-logs.link.panel-api-database-5', 'Memgraph query error ratio'),
      },
      {
        kind: 'runbook',
        runbook: 'HighAPIErrorRate',
        label: t('checklists.task.daily-error-logs.link.runbook-high-apierror-rate', 'HighAPIErrorRate runbook'),
      },
    ],
  },
  {
    id: 'daily-disk-space',
    period: 'daily',
    title: t('checklists.task.daily-disk-space.title', 'Check disk space'),
    how: t(
      'checklists.task.daily-disk-space.how',
      'Every filesystem below the amber line (80 %), and none predicted to fill within a day.'
    ),
    manual: '§9.1, §4.1 problem 4',
    links: [
      {
        kind: 'panel',
        dashboard: 'system',
        panelId: 3,
        label: t('checklists.task.daily-disk-space.link.panel-system-3', 'Disk usage'),
      },
      {
        kind: 'panel',
        dashboard: 'system',
        panelId: 8,
        label: t('checklists.task.daily-disk-space.link.panel-system-8', 'Time until disk full'),
      },
      {
        kind: 'runbook',
        runbook: 'HighDiskUsage',
        label: t('checklists.task.daily-disk-space.link.runbook-high-disk-usage', 'HighDiskUsage runbook'),
      },
    ],
  },
  {
    id: 'daily-backup',
    period: 'daily',
    title: t('checklists.task.daily-backup.title', 'Verify that the backup succeeded'),
    how: t(
      'checklists.task.daily-backup.how',
      'Last night’s full backup (02:00) and the hourly incremental ones succeeded, and the backup targets are there: the state below, or docker compose run --rm --no-deps backup list (manual §6.1.1).'
    ),
    manual: '§9.1, §6.1',
    links: [
      {
        kind: 'panel',
        dashboard: 'system',
        panelId: 30,
        label: t('checklists.task.daily-backup.link.panel-system-30', 'Hours since the last full backup'),
      },
      {
        kind: 'panel',
        dashboard: 'system',
        panelId: 32,
        label: t('checklists.task.daily-backup.link.panel-system-32', 'Last backup status'),
      },
      {
        kind: 'runbook',
        runbook: 'BackupAndRestore',
        label: t('checklists.task.daily-backup.link.runbook-backup-and-restore', 'Backup and restore runbook'),
      },
    ],
    watch: ['NoRecentFullBackup', 'NoRecentBackup', 'BackupFailed', 'BackupTargetMissing'],
  },
  {
    id: 'weekly-performance',
    period: 'weekly',
    title: t('checklists.task.weekly-performance.title', 'Review the performance metrics'),
    how: t(
      'checklists.task.weekly-performance.how',
      'A week of CPU, memory, API P95 and database query time: is anything drifting towards its amber line?'
    ),
    manual: '§9.2, §2.1',
    links: [
      {
        kind: 'dashboard',
        dashboard: 'system',
        label: t('checklists.task.weekly-performance.link.dashboard-system', 'System resources'),
      },
      {
        kind: 'panel',
        dashboard: 'apiDatabase',
        panelId: 2,
        label: t('checklists.task.weekly-performance.link.panel-api-database-2', 'API P95'),
      },
      {
        kind: 'panel',
        dashboard: 'apiDatabase',
        panelId: 4,
        label: t('checklists.task.weekly-performance.link.panel-api-database-4', 'Database query time'),
      },
    ],
  },
  {
    id: 'weekly-security-logs',
    period: 'weekly',
    title: t('checklists.task.weekly-security-logs.title', 'Review the security logs'),
    how: t(
      'checklists.task.weekly-security-logs.how',
      "Who approved and rejected what (the approval events), and refused requests in the backend log: docker-compose logs backend | grep -E '\" (401|403) ' (manual §7.3, log audit)."
    ),
    manual: '§9.2, §7.3',
    links: [
      {
        kind: 'panel',
        dashboard: 'business',
        panelId: 5,
        label: t('checklists.task.weekly-security-logs.link.panel-business-5', 'Approvals and rejections per day'),
      },
      {
        kind: 'dashboard',
        dashboard: 'business',
        label: t('checklists.task.weekly-security-logs.link.dashboard-business', 'Business (approval annotations)'),
      },
    ],
  },
  {
    id: 'weekly-docs',
    period: 'weekly',
    title: t('checklists.task.weekly-docs.title', 'Update the documentation'),
    how: t(
      'checklists.task.weekly-docs.how',
      'Record what changed this week in the runbooks (alerts/runbooks) and the incident notes.'
    ),
    manual: '§9.2',
    links: [
      { kind: 'page', route: ROUTES.Runbooks, label: t('checklists.task.weekly-docs.link.page-runbooks', 'Runbooks') },
    ],
  },
  {
    id: 'weekly-restore-test',
    period: 'weekly',
    title: t('checklists.task.weekly-restore-test.title', 'Test restoring a backup'),
    how: t(
      'checklists.task.weekly-restore-test.how',
      'The daily restore check is green (state below); then the full restore drill: the newest backup, WAL replayed, into a throw-away Memgraph, counts compared (BackupAndRestore runbook, docs/backups.md; manual §6.2).'
    ),
    manual: '§9.2, §6.2',
    links: [
      {
        kind: 'panel',
        dashboard: 'system',
        panelId: 33,
        label: t('checklists.task.weekly-restore-test.link.panel-system-33', 'Hours since the last restore check'),
      },
      {
        kind: 'runbook',
        runbook: 'BackupAndRestore',
        label: t('checklists.task.weekly-restore-test.link.runbook-backup-and-restore', 'Restore drill (runbook)'),
      },
    ],
    watch: ['BackupVerificationOverdue', 'BackupVerificationFailed'],
  },
  {
    id: 'monthly-system-updates',
    period: 'monthly',
    title: t('checklists.task.monthly-system-updates.title', 'System updates'),
    how: t(
      'checklists.task.monthly-system-updates.how',
      'Back up first, apply the OS and image updates, then watch the host for an hour (manual §7.1).'
    ),
    manual: '§9.3, §7.1',
    links: [
      {
        kind: 'runbook',
        runbook: 'BackupAndRestore',
        label: t('checklists.task.monthly-system-updates.link.runbook-backup-and-restore', 'Back up first'),
      },
      {
        kind: 'dashboard',
        dashboard: 'system',
        label: t('checklists.task.monthly-system-updates.link.dashboard-system', 'System resources'),
      },
    ],
  },
  {
    id: 'monthly-dependency-updates',
    period: 'monthly',
    title: t('checklists.task.monthly-dependency-updates.title', 'Dependency updates'),
    how: t(
      'checklists.task.monthly-dependency-updates.how',
      'Update the backend’s and frontend’s dependencies, then compare API latency and errors before and after.'
    ),
    manual: '§9.3, §7.1',
    links: [
      {
        kind: 'dashboard',
        dashboard: 'apiDatabase',
        label: t('checklists.task.monthly-dependency-updates.link.dashboard-api-database', 'API and database'),
      },
    ],
  },
  {
    id: 'monthly-performance-review',
    period: 'monthly',
    title: t('checklists.task.monthly-performance-review.title', 'Performance optimisation review'),
    how: t(
      'checklists.task.monthly-performance-review.how',
      'Find the slowest query types and endpoints; check the recommended indexes exist (manual §5.1.1).'
    ),
    manual: '§9.3, §5',
    links: [
      {
        kind: 'panel',
        dashboard: 'apiDatabase',
        panelId: 22,
        label: t('checklists.task.monthly-performance-review.link.panel-api-database-22', 'Query time by query type'),
      },
      {
        kind: 'panel',
        dashboard: 'apiDatabase',
        panelId: 21,
        label: t('checklists.task.monthly-performance-review.link.panel-api-database-21', 'API P95 by endpoint'),
      },
      {
        kind: 'runbook',
        runbook: 'DatabaseSlowQuery',
        label: t(
          'checklists.task.monthly-performance-review.link.runbook-database-slow-query',
          'DatabaseSlowQuery runbook (indexes)'
        ),
      },
    ],
  },
  {
    id: 'monthly-capacity-review',
    period: 'monthly',
    title: t('checklists.task.monthly-capacity-review.title', 'Capacity planning review'),
    how: t(
      'checklists.task.monthly-capacity-review.how',
      'Compare projects, elements and lots with the §8.1 forecast and plan scaling (manual §8.2).'
    ),
    manual: '§9.3, §8',
    links: [
      {
        kind: 'dashboard',
        dashboard: 'capacity',
        label: t('checklists.task.monthly-capacity-review.link.dashboard-capacity', 'Capacity planning'),
      },
    ],
  },
];
