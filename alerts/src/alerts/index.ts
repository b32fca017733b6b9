// The alert catalogue: the groups (one file each) combined, and what every alert shares added in one pass. Every
// generated file — Grafana provisioning, the Prometheus rule file, the alert table (docs/alerts.md), the runbook
// index — is derived from it. To add a group: write its file next to this one (see lib/define.ts) and list it in GROUPS.
import { runbookPath } from '@opentruss/contract';
import { DEFAULT_SETTINGS, alertsConfig, type GenerationSettings } from '../config';
import type { AlertNameOf, AlertSpec, RuleGroup } from '../lib/define';
import type { ExecErrState } from '../model';
import { apiDatabaseGroup } from './api-database';
import { backupGroup } from './backup';
import { businessGroup } from './business';
import { capacityGroup } from './capacity';
import { connectionsGroup } from './connections';
import { logsGroup } from './logs';
import { replicationGroup } from './replication';
import { securityGroup } from './security';
import { stackHealthGroup } from './stack-health';
import { systemGroup } from './system';
import { trendsGroup } from './trends';

/** The rule groups, in the order both rule files list them. */
const GROUPS = [
  systemGroup,
  stackHealthGroup,
  connectionsGroup,
  apiDatabaseGroup,
  replicationGroup,
  trendsGroup,
  capacityGroup,
  businessGroup,
  backupGroup,
  logsGroup,
  securityGroup,
] as const;

type Group = (typeof GROUPS)[number];
export type RuleGroupKey = Group['key'];
export type AlertName = AlertNameOf<Group>;
export type BusinessAlertName = AlertNameOf<typeof businessGroup>;
export type BackupAlertName = AlertNameOf<typeof backupGroup>;
export type LogAlertName = AlertNameOf<typeof logsGroup>;

export interface AlertDefinition extends AlertSpec<AlertName> {
  group: RuleGroupKey;
  /** Grafana `execErrState`: `Error` unless the alert says otherwise, so a failing query raises Grafana's
   * DatasourceError alert with this rule's labels instead of a false threshold alert or silence. */
  execErrState: ExecErrState;
  /** The runbook's page, relative to Grafana's root (`/a/opentruss-app/runbooks/<Name>`). */
  runbook: string;
}

/** Labels every alert carries besides `severity` and `component`. */
export const COMMON_LABELS = {
  team: 'opentruss-ops',
  service: 'opentruss',
} as const;

/** The Grafana folder holding every provisioned rule (created by Grafana if missing). */
export const GRAFANA_FOLDER = 'OpenTruss';

export const RULE_GROUPS = Object.fromEntries(
  GROUPS.map(({ key, name, interval }) => [key, { key, name, interval }]),
) as Record<RuleGroupKey, RuleGroup<RuleGroupKey>>;

/** Builds the catalogue. `settings` matter for the network capacity fallback and the business thresholds. */
export function buildAlerts(settings: GenerationSettings = DEFAULT_SETTINGS): AlertDefinition[] {
  const config = alertsConfig(settings);
  return GROUPS.flatMap((group): AlertDefinition[] =>
    group.alerts(config).map((alert: AlertSpec<AlertName>) => ({
      execErrState: 'Error',
      ...alert,
      group: group.key,
      runbook: runbookPath(alert.name),
    })),
  );
}

/** The catalogue with default settings (what the app and the README show). */
export const ALERTS: readonly AlertDefinition[] = buildAlerts();

/** Every alert name, in catalogue order (derived from the definitions). */
export const ALERT_NAMES: readonly AlertName[] = ALERTS.map((a) => a.name);

export const BUSINESS_ALERT_NAMES = ALERTS.filter((a) => a.group === businessGroup.key).map(
  (a) => a.name,
) as readonly BusinessAlertName[];

export function alertByName(name: AlertName, alerts: readonly AlertDefinition[] = ALERTS): AlertDefinition {
  const found = alerts.find((a) => a.name === name);
  if (!found) {
    throw new Error(`Unknown alert ${name}`);
  }
  return found;
}

/** The alerts of each group, in group order (both rule files list groups and rules in this order). */
export function alertsByGroup<T extends { group: RuleGroupKey }>(
  alerts: readonly T[],
): Array<{ group: RuleGroup<RuleGroupKey>; alerts: T[] }> {
  return GROUPS.map(({ key }) => ({
    group: RULE_GROUPS[key],
    alerts: alerts.filter((a) => a.group === key),
  }));
}
