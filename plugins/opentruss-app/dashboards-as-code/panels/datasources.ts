// Grafana picks a panel's datasource from the panel, not from its targets: every panel whose targets share one
// datasource gets it at panel level too (text and alert list panels have no targets and no datasource).
import type { Dashboard, Panel, RowPanel } from '@grafana/grafana-foundation-sdk/dashboard';

type DatasourceRef = { type?: string; uid?: string };

export function withPanelDatasources(dashboard: Dashboard): Dashboard {
  const panels = (dashboard.panels ?? []).map((panel: Panel | RowPanel) => {
    if (panel.type === 'row' || !('targets' in panel) || !panel.targets?.length) {
      return panel;
    }
    const refs = panel.targets.map((target) => (target as { datasource?: DatasourceRef }).datasource);
    const first = refs[0];
    const shared = first && refs.every((ref) => ref?.type === first.type && ref?.uid === first.uid);
    if (!shared) {
      throw new Error(`Panel ${panel.id} "${panel.title}" mixes datasources; give each target the same one`);
    }
    return { ...panel, datasource: { type: first.type, uid: first.uid } };
  });
  return { ...dashboard, panels };
}
