// Every alert links to a dashboard panel (`__dashboardUid__`/`__panelId__`). The panels are built by the app from
// ALERT_PANELS; once plugins/opentruss-app/src/dashboards exists, each reference must resolve there.
import fs from 'node:fs';
import path from 'node:path';
import { DASHBOARD_UIDS } from '@opentruss/contract';
import { ALERTS, ALERT_PANELS } from '../src';
import { repoPath } from './support/repo';

const DASHBOARD_DIR = 'plugins/opentruss-app/src/dashboards';

interface DashboardJson {
  uid?: string;
  panels?: Array<{ id?: number; panels?: Array<{ id?: number }> }>;
  spec?: { elements?: Record<string, { spec?: { id?: number } }> };
}

/** Panel ids of a dashboard: classic JSON (panels, including those inside rows) or the v2 schema (elements). */
function panelIds(dashboard: DashboardJson): number[] {
  const classic = (dashboard.panels ?? []).flatMap((p) => [p.id, ...(p.panels ?? []).map((nested) => nested.id)]);
  const v2 = Object.values(dashboard.spec?.elements ?? {}).map((e) => e.spec?.id);
  return [...classic, ...v2].filter((id): id is number => typeof id === 'number');
}

function bundledDashboards(): DashboardJson[] {
  const dir = repoPath(DASHBOARD_DIR);
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  return files.map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as DashboardJson);
}

describe('alert panel references', () => {
  it('name one of the contract dashboards and a panel id unique within it', () => {
    const keys = ALERT_PANELS.map((p) => `${p.dashboardUid}#${p.panelId}`);
    expect(new Set(keys).size).toBe(ALERTS.length);
    ALERT_PANELS.forEach((p) => {
      expect(p.dashboardUid).toBe(DASHBOARD_UIDS[p.dashboard]);
      expect(Number.isInteger(p.panelId) && p.panelId > 0).toBe(true);
    });
  });

  const dashboards = bundledDashboards();
  it("finds the app's bundled dashboards", () => expect(dashboards.length).toBeGreaterThan(0));

  it.each(ALERT_PANELS.map((p) => [p.alert, p] as const))(
    '%s links to an existing dashboard panel',
    (_alert, panel) => {
      const dashboard = dashboards.find(
        (d) => (d.uid ?? (d as { metadata?: { name?: string } }).metadata?.name) === panel.dashboardUid
      );
      expect(dashboard).toBeDefined();
      expect(panelIds(dashboard!)).toContain(panel.panelId);
    }
  );
});
