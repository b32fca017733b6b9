// Installs or updates the OpenTruss alert rules through Grafana's alerting provisioning HTTP API, for Grafana
// instances without file provisioning. The rules are @opentruss/alerts' own, converted from the file format
// (folder title, `dashboardUid`/`panelId`) to the HTTP one (`folderUID`, `ruleGroup`, `orgID`, annotations).
import type { Rule, RuleGroup } from '@grafana/grafana-foundation-sdk/alerting';
import { t } from '@grafana/i18n';
import { DATASOURCE_UIDS, PLAIN_TEXT } from '@opentruss/contract';
import {
  DEFAULT_SETTINGS,
  GRAFANA_FOLDER,
  alertsByGroup,
  buildAlerts,
  durationSeconds,
  validateSettings,
} from '@opentruss/alerts';
// The rule builders are a public subpath, not the entry point: the entry point holds data only.
import { grafanaRule, type GrafanaRuleV1 } from '@opentruss/alerts/rules';
import { grafanaRequest, GrafanaApiError } from './grafana';

/**
 * The HTTP API's rule and rule group (the foundation SDK's alerting types), with queries as the serialised models
 * the rules carry rather than the SDK's query builders.
 */
export type HttpRule = Omit<Rule, 'data'> & { data: GrafanaRuleV1['data'] };
export type HttpRuleGroup = Omit<RuleGroup, 'rules'> & { rules: HttpRule[] };

/** Rules created over the API stay editable in Grafana's UI (no provenance lock). */
export const DISABLE_PROVENANCE = { 'X-Disable-Provenance': 'true' } as const;

export interface RuleTarget {
  /** The Prometheus datasource the rules query (the app's configured one). */
  prometheusUid: string;
  /** The Loki datasource the log alert rules query (the app's configured one). */
  lokiUid: string;
  orgId: number;
  folderUid: string;
}

/** The file-format rule as the HTTP API wants it; its Prometheus or Loki query points at the chosen datasource. */
export function httpRule(rule: GrafanaRuleV1, group: string, target: RuleTarget): HttpRule {
  const { dashboardUid: _dashboardUid, panelId: _panelId, ...fields } = rule;
  return {
    ...fields,
    folderUID: target.folderUid,
    ruleGroup: group,
    orgID: target.orgId,
    data: fields.data.map((query) => {
      const uid = { [DATASOURCE_UIDS.prometheus]: target.prometheusUid, [DATASOURCE_UIDS.loki]: target.lokiUid }[
        query.datasourceUid
      ];
      if (uid === undefined) {
        return query;
      }
      const model = query.model as { datasource?: object };
      return { ...query, datasourceUid: uid, model: { ...model, datasource: { ...model.datasource, uid } } };
    }),
  };
}

/** Every OpenTruss rule group in the HTTP shape (interval in seconds). */
export function alertRuleGroups(target: RuleTarget): HttpRuleGroup[] {
  const settings = validateSettings({
    // The link capacity is Prometheus's (LINK_CAPACITY), not the rules'. The app has no setting for the business thresholds: their defaults (BUSINESS_* apply to generated files).
    business: DEFAULT_SETTINGS.business,
  });
  return alertsByGroup(buildAlerts(settings)).map(({ group, alerts }) => ({
    title: group.name,
    folderUid: target.folderUid,
    interval: durationSeconds(group.interval),
    rules: alerts.map((alert) => httpRule(grafanaRule(alert), group.name, target)),
  }));
}

interface Folder {
  uid: string;
  title: string;
  parentUid?: string;
}

/** The top-level "OpenTruss" folder (file provisioning creates it by title), created when missing. */
export async function ensureAlertFolder(): Promise<Folder> {
  const folders = await grafanaRequest<Folder[]>({ url: '/api/folders', params: { limit: 1000 } });
  const existing = folders.find((folder) => folder.title === GRAFANA_FOLDER && !folder.parentUid);
  if (existing) {
    return existing;
  }
  return grafanaRequest<Folder>({ method: 'POST', url: '/api/folders', data: { title: GRAFANA_FOLDER } });
}

export interface InstallResult {
  folder: Folder;
  groups: Array<{ title: string; rules: number }>;
}

/**
 * Creates or replaces each rule group (PUT is idempotent: running it again updates the same rules by uid).
 * Rules that file provisioning owns cannot be changed over the API; the error says so.
 */
export async function installAlertRules(target: Omit<RuleTarget, 'folderUid'>): Promise<InstallResult> {
  const folder = await ensureAlertFolder();
  const groups = alertRuleGroups({ ...target, folderUid: folder.uid });
  const installed: InstallResult['groups'] = [];
  for (const group of groups) {
    const url = `/api/v1/provisioning/folder/${encodeURIComponent(folder.uid)}/rule-groups/${encodeURIComponent(group.title ?? '')}`;
    try {
      await grafanaRequest({ method: 'PUT', url, data: group, headers: { ...DISABLE_PROVENANCE } });
    } catch (error) {
      if (error instanceof GrafanaApiError && /provenance/i.test(error.message)) {
        throw new GrafanaApiError(
          t(
            'alert-rules.provisioned',
            '{{error}}. These rules are managed by file provisioning (provisioning/alerting): they are already ' +
              'installed and change only through those files.',
            { error: error.message, ...PLAIN_TEXT }
          ),
          error.status
        );
      }
      throw error;
    }
    installed.push({ title: group.title ?? '', rules: group.rules.length });
  }
  return { folder, groups: installed };
}
