// The ops manual's §9 routine (日常维护任务), each task linked to what answers it: a panel, a dashboard, a runbook
// or an app page. Browser-safe data; a test checks every panel and runbook it names exists.
import type { DashboardKey } from '@opentruss/contract';
import type { AlertName, RunbookName } from '@opentruss/alerts';
import type { Bilingual, UrlParams } from '../catalogue/dashboards';
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
  title: Bilingual;
  /** How to do it, briefly (a command where the manual gives one). */
  how: string;
  /** Where the ops manual asks for it. */
  manual: string;
  links: TaskLink[];
  /** Alerts whose current state answers the task: shown live next to it. */
  watch?: readonly AlertName[];
}

export const PERIOD_TITLES: Record<Period, Bilingual> = {
  daily: { zh: '每日任务', en: 'Daily' },
  weekly: { zh: '每周任务', en: 'Weekly' },
  monthly: { zh: '每月任务', en: 'Monthly' },
};

export const CHECKLIST_TASKS: readonly ChecklistTask[] = [
  {
    id: 'daily-alerts',
    period: 'daily',
    title: { zh: '检查系统监控告警', en: 'Check the monitoring alerts' },
    how: 'Look at what is firing and follow each alert’s runbook; confirm nothing is pending for long.',
    manual: '§9.1',
    links: [
      { kind: 'page', route: ROUTES.Home, label: 'Alerts firing now' },
      { kind: 'dashboard', dashboard: 'wall', label: 'Wall overview' },
      { kind: 'grafana', path: '/alerting/list?search=label%3Aservice%3Dopentruss', label: 'Grafana alert rules' },
    ],
  },
  {
    id: 'daily-error-logs',
    period: 'daily',
    title: { zh: '查看错误日志', en: 'Review the error logs' },
    how: 'Open the Logs dashboard at level error and critical: every service’s error lines of the last day, searchable (manual §3.3’s docker-compose logs backend | grep ERROR); compare with the API and Memgraph error ratios.',
    manual: '§9.1, §3.3',
    links: [
      {
        kind: 'dashboard',
        dashboard: 'logs',
        label: 'Logs dashboard: errors of the last 24 h',
        params: [
          ['from', 'now-24h'],
          ['to', 'now'],
          ['var-level', 'error'],
          ['var-level', 'critical'],
        ],
      },
      { kind: 'panel', dashboard: 'apiDatabase', panelId: 3, label: 'API error rate' },
      { kind: 'panel', dashboard: 'apiDatabase', panelId: 5, label: 'Memgraph query error ratio' },
      { kind: 'runbook', runbook: 'HighAPIErrorRate', label: 'HighAPIErrorRate runbook' },
    ],
  },
  {
    id: 'daily-disk-space',
    period: 'daily',
    title: { zh: '检查磁盘空间', en: 'Check disk space' },
    how: 'Every filesystem below the amber line (80 %), and none predicted to fill within a day.',
    manual: '§9.1, §4.1 problem 4',
    links: [
      { kind: 'panel', dashboard: 'system', panelId: 3, label: 'Disk usage' },
      { kind: 'panel', dashboard: 'system', panelId: 8, label: 'Time until disk full' },
      { kind: 'runbook', runbook: 'HighDiskUsage', label: 'HighDiskUsage runbook' },
    ],
  },
  {
    id: 'daily-backup',
    period: 'daily',
    title: { zh: '验证备份是否成功', en: 'Verify that the backup succeeded' },
    how:
      'Last night’s full backup (02:00) and the hourly incremental ones succeeded, and the backup targets are there: ' +
      'the state below, or docker compose run --rm --no-deps backup list (manual §6.1.1).',
    manual: '§9.1, §6.1',
    links: [
      { kind: 'panel', dashboard: 'system', panelId: 30, label: 'Hours since the last full backup' },
      { kind: 'panel', dashboard: 'system', panelId: 32, label: 'Last backup status' },
      { kind: 'runbook', runbook: 'BackupAndRestore', label: 'Backup and restore runbook' },
    ],
    watch: ['NoRecentFullBackup', 'NoRecentBackup', 'BackupFailed', 'BackupTargetMissing'],
  },
  {
    id: 'weekly-performance',
    period: 'weekly',
    title: { zh: '检查系统性能指标', en: 'Review the performance metrics' },
    how: 'A week of CPU, memory, API P95 and database query time: is anything drifting towards its amber line?',
    manual: '§9.2, §2.1',
    links: [
      { kind: 'dashboard', dashboard: 'system', label: 'System resources' },
      { kind: 'panel', dashboard: 'apiDatabase', panelId: 2, label: 'API P95' },
      { kind: 'panel', dashboard: 'apiDatabase', panelId: 4, label: 'Database query time' },
    ],
  },
  {
    id: 'weekly-security-logs',
    period: 'weekly',
    title: { zh: '审查安全日志', en: 'Review the security logs' },
    how:
      'Who approved and rejected what (the approval events), and refused requests in the backend log: ' +
      "docker-compose logs backend | grep -E '\" (401|403) ' (manual §7.3, log audit).",
    manual: '§9.2, §7.3',
    links: [
      { kind: 'panel', dashboard: 'business', panelId: 5, label: 'Approvals and rejections per day' },
      { kind: 'dashboard', dashboard: 'business', label: 'Business (approval annotations)' },
    ],
  },
  {
    id: 'weekly-docs',
    period: 'weekly',
    title: { zh: '更新文档', en: 'Update the documentation' },
    how: 'Record what changed this week in the runbooks (alerts/runbooks) and the incident notes.',
    manual: '§9.2',
    links: [{ kind: 'page', route: ROUTES.Runbooks, label: 'Runbooks' }],
  },
  {
    id: 'weekly-restore-test',
    period: 'weekly',
    title: { zh: '测试备份恢复', en: 'Test restoring a backup' },
    how:
      'The daily restore check is green (state below); then the full restore drill: the newest backup, WAL replayed, ' +
      'into a throw-away Memgraph, counts compared (BackupAndRestore runbook, docs/backups.md; manual §6.2).',
    manual: '§9.2, §6.2',
    links: [
      { kind: 'panel', dashboard: 'system', panelId: 33, label: 'Hours since the last restore check' },
      { kind: 'runbook', runbook: 'BackupAndRestore', label: 'Restore drill (runbook)' },
    ],
    watch: ['BackupVerificationOverdue', 'BackupVerificationFailed'],
  },
  {
    id: 'monthly-system-updates',
    period: 'monthly',
    title: { zh: '系统更新', en: 'System updates' },
    how: 'Back up first, apply the OS and image updates, then watch the host for an hour (manual §7.1).',
    manual: '§9.3, §7.1',
    links: [
      { kind: 'runbook', runbook: 'BackupAndRestore', label: 'Back up first' },
      { kind: 'dashboard', dashboard: 'system', label: 'System resources' },
    ],
  },
  {
    id: 'monthly-dependency-updates',
    period: 'monthly',
    title: { zh: '依赖更新', en: 'Dependency updates' },
    how: 'Update the backend’s and frontend’s dependencies, then compare API latency and errors before and after.',
    manual: '§9.3, §7.1',
    links: [{ kind: 'dashboard', dashboard: 'apiDatabase', label: 'API and database' }],
  },
  {
    id: 'monthly-performance-review',
    period: 'monthly',
    title: { zh: '性能优化评估', en: 'Performance optimisation review' },
    how: 'Find the slowest query types and endpoints; check the recommended indexes exist (manual §5.1.1).',
    manual: '§9.3, §5',
    links: [
      { kind: 'panel', dashboard: 'apiDatabase', panelId: 22, label: 'Query time by query type' },
      { kind: 'panel', dashboard: 'apiDatabase', panelId: 21, label: 'API P95 by endpoint' },
      { kind: 'runbook', runbook: 'DatabaseSlowQuery', label: 'DatabaseSlowQuery runbook (indexes)' },
    ],
  },
  {
    id: 'monthly-capacity-review',
    period: 'monthly',
    title: { zh: '容量规划评估', en: 'Capacity planning review' },
    how: 'Compare projects, elements and lots with the §8.1 forecast and plan scaling (manual §8.2).',
    manual: '§9.3, §8',
    links: [{ kind: 'dashboard', dashboard: 'capacity', label: 'Capacity planning' }],
  },
];
