// Who hears about an alert: two email contact points (on-call for critical, the ops team for warning), a policy
// tree routing by the `severity` label, and one message template used by both.
import type { Severity } from './model';

export interface ContactPointSpec {
  name: string;
  /** Receiver uid inside Grafana (stable: provisioning updates it in place). */
  uid: string;
  severity: Severity;
  /** Environment variable holding the addresses (`;`- or `,`-separated), read by Grafana at start-up. */
  env: string;
  /**
   * Value to give `env` when the deployment sets none. Grafana's provisioning has no `${VAR:-default}` syntax
   * (an unset variable expands to nothing, and an email receiver without addresses aborts Grafana's start-up),
   * so whoever starts Grafana must set it — docker-compose with `${VAR:-default}`.
   */
  default: string;
  /** How often a still-firing alert is re-sent. */
  repeatInterval: string;
  groupWait: string;
}

export const CONTACT_POINTS: Record<'oncall' | 'ops', ContactPointSpec> = {
  oncall: {
    name: 'OpenTruss on-call',
    uid: 'opentruss-oncall-email',
    severity: 'critical',
    env: 'OPENTRUSS_ONCALL_EMAILS',
    default: 'opentruss-oncall@localhost',
    repeatInterval: '1h',
    groupWait: '10s',
  },
  ops: {
    name: 'OpenTruss ops',
    uid: 'opentruss-ops-email',
    severity: 'warning',
    env: 'OPENTRUSS_OPS_EMAILS',
    default: 'opentruss-ops@localhost',
    repeatInterval: '4h',
    groupWait: '30s',
  },
};

/** Environment variables the alerting provisioning reads, with the defaults the stack must supply. */
export const NOTIFICATION_ENV: ReadonlyArray<{ name: string; default: string; description: string }> = Object.values(
  CONTACT_POINTS
).map((cp) => ({
  name: cp.env,
  default: cp.default,
  description: `Email addresses (separated by ; or ,) of the "${cp.name}" contact point, which receives ${cp.severity} alerts.`,
}));

export const TEMPLATE_NAME = 'opentruss';
export const TITLE_TEMPLATE = 'opentruss.title';
export const MESSAGE_TEMPLATE = 'opentruss.message';

/** The part of an alert's text that uses only Alertmanager's own alert fields (so amtool can render it too). */
export const ALERT_TEXT_TEMPLATE = 'opentruss.alert.text';

/**
 * Notification template (Go text/template, Grafana's notification data). Every alert in a message shows its
 * summary, description, runbook link, value and panel link. The runbook link is the `runbook_url` annotation,
 * which Grafana has already expanded against its own root URL when the alert fired (rules/links.ts); the panel
 * and silence links Grafana builds from that root URL itself. Written without `$` so that no provisioning
 * interpolation can ever touch it.
 */
export const NOTIFICATION_TEMPLATE = `{{ define "${TITLE_TEMPLATE}" -}}
[{{ .Status | toUpper }}{{ if eq .Status "firing" }}:{{ .Alerts.Firing | len }}{{ end }}] {{ .CommonLabels.alertname }}{{ with .CommonLabels.severity }} ({{ . }}){{ end }}
{{- end }}

{{ define "${ALERT_TEXT_TEMPLATE}" -}}
{{ .Labels.alertname }}{{ with .Labels.severity }} · {{ . }}{{ end }}{{ with .Labels.instance }} · {{ . }}{{ end }}
{{ .Annotations.summary }}
{{ .Annotations.description }}
运行手册 / Runbook: {{ .Annotations.runbook_url }}
{{- end }}

{{ define "opentruss.alert" -}}
{{ template "${ALERT_TEXT_TEMPLATE}" . }}
当前值 / Value: {{ if .Values }}{{ printf "%.4g" (index .Values "B") }}{{ else }}无数据 / no data{{ end }}
{{- with .PanelURL }}
面板 / Panel: {{ . }}{{ end }}
{{- with .SilenceURL }}
静默 / Silence: {{ . }}{{ end }}
{{- end }}

{{ define "${MESSAGE_TEMPLATE}" -}}
{{ if .Alerts.Firing -}}
告警中 / Firing ({{ len .Alerts.Firing }}):
{{ range .Alerts.Firing }}
{{ template "opentruss.alert" . }}
{{ end }}{{ end }}
{{- if .Alerts.Resolved }}
已恢复 / Resolved ({{ len .Alerts.Resolved }}):
{{ range .Alerts.Resolved }}
{{ template "opentruss.alert" . }}
{{ end }}{{ end }}
{{- end }}
`;
