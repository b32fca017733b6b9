// Every generated file, as (repository-relative path, content): what `npm run generate` writes and what the
// staleness test compares.
import fs from 'node:fs';
import path from 'node:path';
import { buildAlerts } from '../alerts';
import type { GenerationSettings } from '../config';
import { yamlDocument } from './document';
import { contactPointsFile, notificationPoliciesFile, notificationTemplatesFile } from './grafana-notifications';
import { grafanaRulesFile } from '../rules/grafana-rules';
import { prometheusRulesFile } from '../rules/prometheus-rules';
import { trendRulesFile } from '../recordings';
import { spliceSection } from '@opentruss/tooling/markdown-section';
import { PANEL_MARKERS, panelTableMarkdown } from './panel-table';
import { ALERT_TABLE_FILE, ALERT_TABLE_MARKERS, alertTableMarkdown } from './alert-table';
import { RUNBOOK_MODULE, readRunbookMarkdown, runbookModule } from './runbook-module';

export interface GeneratedFile {
  path: string;
  content: string;
  /** Whether the content depends on the generation settings (then its header records them). */
  usesSettings: boolean;
}

export const GRAFANA_ALERTING_DIR = 'provisioning/alerting';
export const PROMETHEUS_RULES_FILE = 'alerts/prometheus/opentruss.rules.yml';
export const TREND_RULES_FILE = 'alerts/prometheus/opentruss-trends.rules.yml';

/** The repository root, from this file's location (alerts/src/generate). */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

export function generatedFiles(settings: GenerationSettings, repoRoot: string = REPO_ROOT): GeneratedFile[] {
  const alerts = buildAlerts(settings);
  const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), 'utf8');
  const withSettings = (file: string, value: unknown): GeneratedFile => ({
    path: file,
    content: yamlDocument(value, settings),
    usesSettings: true,
  });
  const plain = (file: string, content: string): GeneratedFile => ({ path: file, content, usesSettings: false });
  return [
    withSettings(`${GRAFANA_ALERTING_DIR}/rules.yaml`, grafanaRulesFile(alerts)),
    plain(`${GRAFANA_ALERTING_DIR}/contact-points.yaml`, yamlDocument(contactPointsFile())),
    plain(`${GRAFANA_ALERTING_DIR}/notification-policies.yaml`, yamlDocument(notificationPoliciesFile())),
    plain(`${GRAFANA_ALERTING_DIR}/notification-templates.yaml`, yamlDocument(notificationTemplatesFile())),
    withSettings(PROMETHEUS_RULES_FILE, prometheusRulesFile(alerts)),
    plain(TREND_RULES_FILE, yamlDocument(trendRulesFile())),
    plain(RUNBOOK_MODULE, runbookModule(readRunbookMarkdown(repoRoot))),
    plain(
      ALERT_TABLE_FILE,
      spliceSection(read(ALERT_TABLE_FILE), ALERT_TABLE_MARKERS, alertTableMarkdown(alerts), ALERT_TABLE_FILE)
    ),
    plain(
      'alerts/README.md',
      spliceSection(read('alerts/README.md'), PANEL_MARKERS, panelTableMarkdown(alerts), 'alerts/README.md')
    ),
  ];
}
