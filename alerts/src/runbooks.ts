// The runbook index the app serves at /a/opentruss-app/runbooks/<Name>: one runbook per alert (named exactly
// after it) plus the manual's procedures that no alert triggers. The Markdown lives in alerts/runbooks/*.md and
// reaches the browser through the generated module below.
import { runbookPath } from '@opentruss/contract';
import { ALERTS, type AlertName } from './alerts';
import { conditionText } from './lib/format';
import type { Bilingual, ManualSource, Severity } from './model';
import { RUNBOOK_MARKDOWN } from './runbook-markdown.generated';

export const PROCEDURE_RUNBOOKS = {
  BackupAndRestore: { title: { zh: '备份与恢复', en: 'Backup and restore' }, source: '6' },
  EmergencyResponse: { title: { zh: '应急响应', en: 'Emergency response' }, source: '10' },
  KeyRotation: { title: { zh: '密钥更换', en: 'Key rotation' }, source: '7' },
} as const satisfies Record<string, { title: Bilingual; source: ManualSource }>;

export type ProcedureRunbookName = keyof typeof PROCEDURE_RUNBOOKS;
export type RunbookName = AlertName | ProcedureRunbookName;

/**
 * Every runbook has these four sections, Chinese first (`## 中文` with `### 含义` …), English below
 * (`## English` with `### Meaning` …), in this order.
 */
export const RUNBOOK_LANGUAGES = [
  { heading: '中文', sections: ['含义', '影响', '诊断', '处置'] },
  { heading: 'English', sections: ['Meaning', 'Impact', 'Diagnosis', 'Mitigation'] },
] as const;

/** Every runbook's Markdown; assigning the generated module here makes a missing runbook a type error. */
const MARKDOWN: Record<RunbookName, string> = RUNBOOK_MARKDOWN;

export interface RunbookEntry {
  name: RunbookName;
  kind: 'alert' | 'procedure';
  title: Bilingual;
  source: ManualSource;
  /** The alert's severity; `null` for procedures. */
  severity: Severity | null;
  /** When the alert fires, e.g. `CPU 使用率 > 85%，持续 5 分钟`; `null` for procedures. */
  condition: Bilingual | null;
  /** The Markdown file, relative to the repository root. */
  file: string;
  /** The app page, relative to Grafana's root. */
  path: string;
  markdown: string;
}

export function runbookFile(name: RunbookName): string {
  return `alerts/runbooks/${name}.md`;
}

function alertRunbooks(): RunbookEntry[] {
  return ALERTS.map((alert) => {
    const condition = conditionText(alert.comparator, alert.value, alert.unit, alert.for);
    return {
      name: alert.name,
      kind: 'alert',
      title: alert.summary,
      source: alert.source,
      severity: alert.severity,
      condition: {
        zh: `${alert.panel.title.zh} ${condition.zh}`,
        en: `${alert.panel.title.en} ${condition.en}`,
      },
      file: runbookFile(alert.name),
      path: alert.runbook,
      markdown: MARKDOWN[alert.name],
    };
  });
}

function procedureRunbooks(): RunbookEntry[] {
  return (Object.keys(PROCEDURE_RUNBOOKS) as ProcedureRunbookName[]).map((name) => ({
    name,
    kind: 'procedure',
    title: PROCEDURE_RUNBOOKS[name].title,
    source: PROCEDURE_RUNBOOKS[name].source,
    severity: null,
    condition: null,
    file: runbookFile(name),
    path: runbookPath(name),
    markdown: MARKDOWN[name],
  }));
}

export const RUNBOOKS: readonly RunbookEntry[] = [...alertRunbooks(), ...procedureRunbooks()];

export function runbookByName(name: string): RunbookEntry | undefined {
  return RUNBOOKS.find((r) => r.name === name);
}
