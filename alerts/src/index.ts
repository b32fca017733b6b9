// @opentruss/alerts — thresholds as code. Browser-safe data only (the app imports it); the generators that write
// files live in ./generate and run under Node (`npm run generate -w alerts`).
export * from './model';
export { THRESHOLDS, THRESHOLD_LIST, type Threshold, type ThresholdKey } from './thresholds';
export {
  ALERTS,
  ALERT_NAMES,
  COMMON_LABELS,
  alertByName,
  alertDatasource,
  buildAlerts,
  isPrometheusAlert,
  type AlertDefinition,
  type AlertName,
  type AlertPanel,
  type Component,
} from './alerts';
export { ALERT_PANELS, GRAFANA_UNITS, alertPanelSpec, type AlertPanelSpec } from './panels';
export { GRAFANA_FOLDER, RULE_GROUPS, alertsByGroup, type RuleGroup } from './groups';
export { SELECTORS } from './promql';
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
export { conditionText, durationSeconds, formatValue, sustainedText } from './format';
export { DEFAULT_SETTINGS, SETTINGS_ENV, settingsFromEnv, validateSettings, type GenerationSettings } from './settings';
export { BUSINESS_ALERT_NAMES, type BusinessAlertName } from './business-alerts';
export { BUSINESS_SETTINGS, DEFAULT_BUSINESS_THRESHOLDS, type BusinessThresholds } from './business-thresholds';
export { BACKUP_ALERT_NAMES, BACKUP_THRESHOLDS, type BackupAlertName } from './backup-alerts';
export { LOG_ALERT_NAMES, type LogAlertName } from './log-alerts';
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
} from './logql';
