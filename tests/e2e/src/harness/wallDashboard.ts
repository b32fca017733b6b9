// The built wall dashboard as a wall screen runs it: its Memgraph panels (one request per panel, datasource through
// the `${memgraph}` variable) and its variables loaded as on dashboard load.
import fs from 'node:fs';
import path from 'node:path';
import { DATASOURCE_UIDS, DASHBOARD_UIDS, PLUGIN_IDS } from '@opentruss/contract';

import type { PanelRequest } from '../../host/src/api/types';
import { requirePluginBuilds } from '../server/pluginBuilds';
import type { E2ESession } from './e2eSession';

export interface DashboardJson {
  uid: string;
  panels: Array<{
    id: number;
    title: string;
    targets?: Array<Record<string, unknown> & { datasource?: { type?: string } }>;
  }>;
  templating: { list: Array<{ name: string; type: string; query?: unknown }> };
}

export interface WallPanel {
  key: string;
  title: string;
  request: PanelRequest;
}

export function wallDashboard(): DashboardJson {
  const app = requirePluginBuilds()[PLUGIN_IDS.app];
  return JSON.parse(fs.readFileSync(path.join(app.distDir, 'dashboards', `${DASHBOARD_UIDS.wall}.json`), 'utf8'));
}

/** The panels that query Memgraph, as the dashboard's refresh runs them: one request per panel. */
export function memgraphPanels(dashboard: DashboardJson): WallPanel[] {
  return dashboard.panels.flatMap((panel) => {
    const targets = (panel.targets ?? []).filter((t) => t.datasource?.type === PLUGIN_IDS.datasource);
    return targets.length
      ? [
          {
            key: `panel-${panel.id}`,
            title: panel.title,
            request: { datasourceUid: '${memgraph}', targets: targets as never },
          },
        ]
      : [];
  });
}

/** Dashboard load: datasource variables (`memgraph` = `memgraphUid`), then the query variables in order, each "All". */
export async function loadVariables(
  session: E2ESession,
  dashboard: DashboardJson,
  memgraphUid: string = DATASOURCE_UIDS.memgraph
): Promise<void> {
  const variables: Array<{ name: string; current: string | string[]; options?: string[]; multi?: boolean }> = [
    { name: 'memgraph', current: memgraphUid },
    { name: 'prometheus', current: DATASOURCE_UIDS.prometheus },
  ];
  await session.call((e2e, arg) => e2e.setVariables(arg), variables);
  for (const variable of dashboard.templating.list.filter((v) => v.type === 'query')) {
    const options = await session.call((e2e, arg) => e2e.variableOptions('${memgraph}', arg as never), variable.query);
    expect(options.length).toBeGreaterThan(0);
    variables.push({ name: variable.name, current: '$__all', options: options.map((o) => o.value), multi: true });
    await session.call((e2e, arg) => e2e.setVariables(arg), variables);
  }
}

/** One refresh of every panel at once, as the dashboard's refresh timer does. */
export function refreshWall(session: E2ESession, panels: WallPanel[]) {
  return session.call((e2e, arg) => Promise.all(arg.map((p) => e2e.runPanel(p.key, p.request))), panels);
}
