// @opentruss/alerts — thresholds as code. Browser-safe data only (the app imports it); the generators that write
// files live in ./generate and run under Node (`npm run generate -w alerts`).
export * from './model';
export {
  BACKUP_THRESHOLDS,
  BUSINESS_SETTINGS,
  DEFAULT_BUSINESS_THRESHOLDS,
  DEFAULT_SETTINGS,
  LINK_CAPACITY,
  LOG_THRESHOLDS,
  SELECTORS,
  SETTINGS_ENV,
  THRESHOLDS,
  THRESHOLD_LIST,
  alertsConfig,
  settingsFromEnv,
  validateSettings,
  type AlertsConfig,
  type BusinessThresholds,
  type GenerationSettings,
  type Threshold,
} from './config';
export {
  ALERTS,
  ALERT_NAMES,
  BUSINESS_ALERT_NAMES,
  COMMON_LABELS,
  GRAFANA_FOLDER,
  RULE_GROUPS,
  alertByName,
  alertsByGroup,
  buildAlerts,
  type AlertDefinition,
  type AlertName,
  type BackupAlertName,
  type BusinessAlertName,
  type LogAlertName,
  type RuleGroupKey,
} from './alerts';
export { alertDatasource, isPrometheusAlert, type AlertGroupSpec, type AlertSpec, type RuleGroup } from './lib/define';
export { TREND_GROUP, TREND_RECORDINGS, type TrendRecording } from './recordings';
export { ALERT_PANELS, GRAFANA_UNITS, alertPanelSpec, type AlertPanelSpec } from './panels';
export {
  PROCEDURE_RUNBOOKS,
  RUNBOOKS,
  RUNBOOK_LANGUAGES,
  runbookByName,
  runbookFile,
  type ProcedureRunbookName,
  type RunbookEntry,
  type RunbookName,
} from './runbooks';
export { CONTACT_POINTS, NOTIFICATION_ENV, type ContactPointSpec } from './notifications';
export { conditionText, durationSeconds, formatValue, sustainedText } from './lib/format';
export {
  LOG_LABELS,
  LOG_LEVEL_VALUES,
  LOG_SELECTORS,
  MANUAL_LOG_COMMANDS,
  MEMGRAPH_BENIGN_ERROR,
  countOverTime,
  exploreLink,
  exploreLinkQueries,
  type ExploreOptions,
  type LogLabel,
} from './lib/logql';
