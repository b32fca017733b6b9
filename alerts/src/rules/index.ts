// @opentruss/alerts/rules — the alerts as Grafana and Prometheus rules, and the links their annotations carry.
// Browser-safe like the entry point (the app installs these rules over Grafana's HTTP API); the files written
// from them are ../generate's job.
export { alertAnnotations, alertLabels, bilingualLine, descriptionTemplate } from './annotations';
export {
  grafanaRule,
  grafanaRuleUid,
  grafanaRulesFile,
  type GrafanaRuleGroupV1,
  type GrafanaRuleV1,
} from './grafana-rules';
export {
  GRAFANA_ROOT_TEMPLATE,
  GRAFANA_URL_LABEL,
  dashboardLink,
  grafanaLink,
  grafanaLinkPath,
  runbookLink,
  type RuleTarget,
} from './links';
export { alertExpression, prometheusRule, prometheusRulesFile, type PrometheusAlertingRule } from './prometheus-rules';
