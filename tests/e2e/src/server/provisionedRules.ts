// The OpenTruss alert rules exactly as the repository provisions them (provisioning/alerting/rules.yaml, generated
// by @opentruss/alerts), and the answer Grafana's rules API gives for them.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

import { REPO_ROOT } from '../paths';

export interface ProvisionedRule {
  uid: string;
  title: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  dashboardUid?: string;
  panelId?: number;
}

interface RuleGroup {
  name: string;
  folder: string;
  interval: string;
  rules: ProvisionedRule[];
}

export const RULES_FILE = path.join(REPO_ROOT, 'provisioning/alerting/rules.yaml');

export function provisionedRuleGroups(): RuleGroup[] {
  return (parse(fs.readFileSync(RULES_FILE, 'utf8')) as { groups: RuleGroup[] }).groups;
}

export function provisionedRules(): ProvisionedRule[] {
  return provisionedRuleGroups().flatMap((group) => group.rules);
}

/** A rule that is firing now, with the label set of its one alert instance. */
export interface FiringRule {
  title: string;
  instanceLabels: Record<string, string>;
  value: string;
  activeAt: string;
}

/**
 * GET /api/prometheus/grafana/api/v1/rules as Grafana answers it for Grafana-managed rules: every provisioned
 * group and rule, `inactive` unless listed as firing (then one `Alerting` instance with the rule's labels and
 * annotations).
 */
export function rulesApiResponse(firing: FiringRule[]): unknown {
  const now = new Date().toISOString();
  return {
    status: 'success',
    data: {
      groups: provisionedRuleGroups().map((group) => ({
        name: group.name,
        file: group.folder,
        folderUid: 'opentruss',
        interval: 60,
        lastEvaluation: now,
        evaluationTime: 0.004,
        rules: group.rules.map((rule) => {
          const fire = firing.find((f) => f.title === rule.title);
          return {
            uid: rule.uid,
            name: rule.title,
            folderUid: 'opentruss',
            query: `[${rule.title}] provisioned query`,
            duration: 300,
            labels: rule.labels,
            annotations: rule.annotations,
            state: fire ? 'firing' : 'inactive',
            health: 'ok',
            type: 'alerting',
            lastEvaluation: now,
            evaluationTime: 0.002,
            alerts: fire
              ? [
                  {
                    labels: {
                      ...rule.labels,
                      ...fire.instanceLabels,
                      alertname: rule.title,
                      grafana_folder: group.folder,
                    },
                    annotations: rule.annotations,
                    state: 'Alerting',
                    activeAt: fire.activeAt,
                    value: fire.value,
                  },
                ]
              : [],
            totals: fire ? { alerting: 1 } : { normal: 1 },
          };
        }),
      })),
    },
  };
}
