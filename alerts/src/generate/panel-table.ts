// The table of dashboard panels the alerts link to, in alerts/README.md between <!-- panels:begin/end -->:
// the app's dashboards must give these panels these ids.
import type { AlertDefinition } from '../alerts';
import { comparatorSymbol, formatValue } from '../lib/format';
import { alertPanelSpec } from '../panels';
import { markers } from '@opentruss/tooling/markdown-section';

export const PANEL_MARKERS = markers('panels');

export function panelTableMarkdown(alerts: readonly AlertDefinition[]): string {
  const specs = alerts
    .map(alertPanelSpec)
    .sort((a, b) => a.dashboardUid.localeCompare(b.dashboardUid) || a.panelId - b.panelId);
  const rows = specs.map((p) => {
    const amber = p.normalBelow === null ? '—' : formatValue(p.normalBelow, p.unit);
    const red = `${comparatorSymbol(p.comparator)} ${formatValue(p.alertAt, p.unit)}`;
    return `| \`${p.dashboardUid}\` | ${p.panelId} | ${p.title.en} (${p.title.zh}) | \`${p.alert}\` | \`${p.grafanaUnit}\` | ${amber} | ${red} |`;
  });
  return [
    '| Dashboard uid | Panel id | Panel | Alert | Grafana unit | Amber (normal below) | Red (alert) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
