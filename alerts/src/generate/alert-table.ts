// The alert table of docs/alerts.md, between the markers <!-- alerts:begin --> and <!-- alerts:end -->.
import path from 'node:path';

import type { AlertDefinition } from '../alerts';
import { conditionText, formatValue } from '../lib/format';
import type { ManualSource } from '../model';
import { PROCEDURE_RUNBOOKS, runbookFile, type ProcedureRunbookName } from '../runbooks';
import { THRESHOLDS } from '../config';
import { GENERATE_COMMAND } from './document';
import { markers } from '@opentruss/tooling/markdown-section';

/** The document the alert table is generated into, and its markers. */
export const ALERT_TABLE_FILE = 'docs/alerts.md';
export const ALERT_TABLE_MARKERS = markers('alerts');

/** A repository-relative path as a link target from the alert table's document. */
const fromTable = (file: string) => path.posix.relative(path.posix.dirname(ALERT_TABLE_FILE), file);

/** `§2.1.1`, `§4.1 problem 3`. */
export function manualReference(source: ManualSource): string {
  const [section, problem] = source.split('#');
  return problem ? `§${section} problem ${problem}` : `§${section}`;
}

function fires(alert: AlertDefinition): string {
  const condition = conditionText(alert.comparator, alert.value, alert.unit, alert.for).en;
  const threshold = alert.threshold ? THRESHOLDS[alert.threshold] : undefined;
  const normal = threshold ? ` (normal < ${formatValue(threshold.normalBelow, threshold.unit)})` : '';
  return `${alert.panel.title.en} ${condition}${normal}`;
}

const link = (name: string) => `[${name}](${fromTable(runbookFile(name as ProcedureRunbookName))})`;

export function alertTableMarkdown(alerts: readonly AlertDefinition[]): string {
  const rows = alerts.map(
    (a) =>
      `| \`${a.name}\` ${a.summary.zh} | ${fires(a)} | ${a.severity} | ${manualReference(a.source)} | ${link(a.name)} |`
  );
  const procedures = (Object.keys(PROCEDURE_RUNBOOKS) as ProcedureRunbookName[]).map(
    (name) =>
      `${link(name)} (${PROCEDURE_RUNBOOKS[name].title.en}, ${manualReference(PROCEDURE_RUNBOOKS[name].source)})`
  );
  return [
    `Every threshold of the OpenTruss ops manual, and the problems of its troubleshooting chapter, as a Grafana-managed`,
    `alert rule (\`provisioning/alerting/\`) and a Prometheus rule (\`alerts/prometheus/opentruss.rules.yml\`). Each`,
    `\`runbook_url\` opens the runbook in the app at \`/a/opentruss-app/runbooks/<Alert>\`; the Markdown is linked below.`,
    `Critical alerts go to the on-call contact point, warnings to the ops team.`,
    '',
    '| Alert | Fires when | Severity | Ops manual | Runbook |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Runbooks without an alert: ${procedures.join(', ')}.`,
    '',
    `Generated from \`alerts/src\` by \`${GENERATE_COMMAND}\` (see [alerts/README.md](${fromTable('alerts/README.md')})); a test fails`,
    `when this table or any generated file is stale.`,
  ].join('\n');
}
