/** @jest-environment node */
// The committed dashboards, their revisions and plugin.json against their sources: the generator, the alert
// catalogue (@opentruss/alerts), the business query catalogue (@opentruss/opentruss-graph) and the contract.
import fs from 'node:fs';
import path from 'node:path';
import { ALERTS, COMMON_LABELS, RUNBOOKS, THRESHOLDS, type AlertDefinition } from '@opentruss/alerts';
import { DASHBOARD_UIDS, DATASOURCE_UIDS, PLUGIN_IDS, runbookPath } from '@opentruss/contract';
import { DEMO_GRAPH_PRESETS, QUERY_CATALOGUE, catalogueQuery, type CatalogueQueryId } from '@opentruss/opentruss-graph';
import { buildDashboards, generatedFiles } from '../dashboards-as-code/outputs';
import { PLUGIN_ROOT, REVISIONS_FILE, dashboardFile } from '../dashboards-as-code/paths';
import { contentHash, parseRevisionRecord } from '../dashboards-as-code/revisions';
import { DASHBOARDS, dashboardTitle } from '../src/catalogue/dashboards';
import { checklistTasks } from '../src/checklists/tasks';
import { ROUTES } from '../src/constants';
import { COMMITTED, allPanels, panelOf, readDashboard, type Panel, type Target } from './support/dashboards';

const read = (file: string) => fs.readFileSync(path.join(PLUGIN_ROOT, file), 'utf8');
const PROMETHEUS_REF = { type: 'prometheus', uid: '${prometheus}' };
const MEMGRAPH_REF = { type: PLUGIN_IDS.datasource, uid: '${memgraph}' };
const LOKI_REF = { type: 'loki', uid: '${loki}' };
const GRAFANA_REF = { type: 'grafana', uid: '-- Grafana --' };

describe('generated files', () => {
  it('are up to date (run `npm run generate -w plugins/opentruss-app` after changing a dashboard)', () => {
    for (const file of generatedFiles()) {
      expect({ file: file.path, content: read(file.path) }).toEqual({ file: file.path, content: file.content });
    }
  });

  it('bundle exactly the dashboards of the catalogue', () => {
    const files = fs.readdirSync(path.join(PLUGIN_ROOT, 'src/dashboards')).sort();
    expect(files).toEqual(DASHBOARDS.map((d) => path.basename(dashboardFile(d.uid))).sort());
  });
});

describe('revisions', () => {
  const record = parseRevisionRecord(read(REVISIONS_FILE));

  it('each dashboard carries the revision its committed content was recorded with', () => {
    for (const { info, json } of COMMITTED) {
      expect({ uid: info.uid, revision: json.revision, hash: contentHash(json) }).toEqual({
        uid: info.uid,
        revision: record[info.uid].revision,
        hash: record[info.uid].contentHash,
      });
      expect(Number.isInteger(json.revision) && json.revision >= 1).toBe(true);
    }
  });

  it('a change of content raises that dashboard’s revision by one and leaves the others alone', () => {
    const changed = {
      ...record,
      [DASHBOARD_UIDS.system]: { ...record[DASHBOARD_UIDS.system], contentHash: '0'.repeat(64) },
    };
    const rebuilt = buildDashboards(changed);
    for (const { uid, dashboard } of rebuilt.dashboards) {
      const expected = uid === DASHBOARD_UIDS.system ? record[uid].revision + 1 : record[uid].revision;
      expect({ uid, revision: dashboard.revision }).toEqual({ uid, revision: expected });
    }
    expect(rebuilt.record[DASHBOARD_UIDS.system].contentHash).toBe(record[DASHBOARD_UIDS.system].contentHash);
  });
});

describe('every dashboard', () => {
  it.each(COMMITTED.map(({ info, json }) => [info.uid, info, json] as const))('%s: identity', (_uid, info, json) => {
    expect(json.uid).toBe(info.uid);
    expect(Object.values(DASHBOARD_UIDS)).toContain(json.uid);
    expect(json.title).toBe(dashboardTitle(info));
    expect(json.id).toBeNull();
    expect(json.tags).toContain('opentruss');
    expect(json.annotations.list[0]).toMatchObject({ builtIn: 1, datasource: GRAFANA_REF });
  });

  it.each(COMMITTED.map(({ info, json }) => [info.uid, json] as const))(
    '%s: datasources only through variables that default to the provisioned uids, no __inputs',
    (_uid, json) => {
      const text = JSON.stringify(json);
      expect(text).not.toContain('__inputs');
      expect(text).not.toMatch(/\$\{DS_/);
      const refs: Array<{ type?: string; uid?: string }> = [];
      const visit = (node: unknown): void => {
        if (Array.isArray(node)) {
          node.forEach(visit);
        } else if (node && typeof node === 'object') {
          const record = node as Record<string, unknown>;
          if (record.datasource && typeof record.datasource === 'object') {
            refs.push(record.datasource as { type?: string; uid?: string });
          }
          Object.values(record).forEach(visit);
        }
      };
      visit(json);
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) {
        expect([PROMETHEUS_REF, MEMGRAPH_REF, LOKI_REF, GRAFANA_REF]).toContainEqual(ref);
      }
      const variables = json.templating.list.filter((v) => v.type === 'datasource');
      for (const [ref, name, uid] of [
        [PROMETHEUS_REF, 'prometheus', DATASOURCE_UIDS.prometheus],
        [MEMGRAPH_REF, 'memgraph', DATASOURCE_UIDS.memgraph],
        [LOKI_REF, 'loki', DATASOURCE_UIDS.loki],
      ] as const) {
        if (refs.some((r) => r.uid === ref.uid)) {
          expect(variables.find((v) => v.name === name)).toMatchObject({ query: ref.type, current: { value: uid } });
        }
      }
    }
  );

  it.each(COMMITTED.map(({ info, json }) => [info.uid, json] as const))('%s: panels', (_uid, json) => {
    const ids = json.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of json.panels) {
      expect({ id: panel.id, description: (panel.description ?? '').trim().length > 20 }).toEqual({
        id: panel.id,
        description: true,
      });
      const { x, w, h } = panel.gridPos;
      expect(x >= 0 && w > 0 && h > 0 && x + w <= 24).toBe(true);
      if (panel.targets?.length) {
        for (const target of panel.targets) {
          expect(target.datasource).toEqual(panel.datasource);
        }
      }
    }
    for (const a of json.panels) {
      for (const b of json.panels) {
        const overlap =
          a !== b &&
          a.gridPos.x < b.gridPos.x + b.gridPos.w &&
          b.gridPos.x < a.gridPos.x + a.gridPos.w &&
          a.gridPos.y < b.gridPos.y + b.gridPos.h &&
          b.gridPos.y < a.gridPos.y + a.gridPos.h;
        expect({ a: a.id, b: b.id, overlap }).toEqual({ a: a.id, b: b.id, overlap: false });
      }
    }
  });
});

/** The amber/red steps the alert catalogue dictates, written out from THRESHOLDS rather than from the generator. */
function expectedSteps(alert: AlertDefinition) {
  if (alert.comparator === 'lt') {
    return [
      { value: null, color: 'red' },
      { value: alert.value, color: 'green' },
    ];
  }
  const normal = alert.threshold ? THRESHOLDS[alert.threshold].normalBelow : null;
  return [
    { value: null, color: 'green' },
    ...(normal === null ? [] : [{ value: normal, color: 'orange' }]),
    { value: alert.value, color: 'red' },
  ];
}

const exprsOf = (panel: Panel) =>
  (panel.targets ?? []).map((t: Target) => t.expr).filter((e): e is string => Boolean(e));
const linkUrls = (panel: Panel) => (panel.links ?? []).map((link) => link.url);

describe('alert panels', () => {
  it.each(ALERTS.map((alert) => [alert.name, alert] as const))(
    '%s: its panel is at its { dashboardUid, panelId }, plots its expression with its lines and links its runbook',
    (_name, alert) => {
      const panel = panelOf(alert.panel.dashboardUid, alert.panel.panelId);
      expect(panel).toBeDefined();
      expect(exprsOf(panel!)).toContain(alert.expr);
      expect(panel!.fieldConfig.defaults.thresholds?.steps).toEqual(expectedSteps(alert));
      if (panel!.type === 'timeseries') {
        expect(panel!.fieldConfig.defaults.custom?.thresholdsStyle).toEqual({ mode: 'line+area' });
      }
      expect(linkUrls(panel!)).toContain(runbookPath(alert.name));
      expect(panel!.description).toContain(alert.name);
    }
  );

  it('every other panel that shows an alert’s value has its lines and runbook too', () => {
    let found = 0;
    for (const { panel } of allPanels()) {
      for (const alert of ALERTS) {
        const shows = exprsOf(panel).some((expr) => expr === alert.expr || expr === `max(${alert.expr})`);
        if (shows) {
          found++;
          expect({ panel: panel.title, steps: panel.fieldConfig.defaults.thresholds?.steps }).toEqual({
            panel: panel.title,
            steps: expectedSteps(alert),
          });
          expect(linkUrls(panel)).toContain(runbookPath(alert.name));
        }
      }
    }
    expect(found).toBeGreaterThan(ALERTS.length);
  });

  it('runbook links lead to existing runbooks', () => {
    const runbookLinks = allPanels().flatMap(({ panel }) =>
      linkUrls(panel).filter((url) => url.includes('/runbooks/'))
    );
    expect(runbookLinks.length).toBeGreaterThan(0);
    for (const url of runbookLinks) {
      expect(RUNBOOKS.map((r) => r.path)).toContain(url);
    }
  });
});

describe('Memgraph queries come from the business catalogue, unchanged', () => {
  const memgraphQueries = () =>
    COMMITTED.flatMap(({ json }) => [
      ...json.panels.flatMap((panel) => (panel.targets ?? []).filter((t) => t.datasource?.uid === MEMGRAPH_REF.uid)),
      ...json.templating.list
        .filter((v) => v.type === 'query' && v.datasource?.uid === MEMGRAPH_REF.uid)
        .map((v) => v.query as Target),
      ...json.annotations.list.filter((a) => a.datasource?.uid === MEMGRAPH_REF.uid).map((a) => a.target as Target),
    ]);

  it('each target, variable and annotation query is a catalogue query with its format and legend', () => {
    const queries = memgraphQueries();
    expect(queries.length).toBeGreaterThan(15);
    for (const query of queries) {
      const source = QUERY_CATALOGUE.find((q) => q.cypher === query.cypher);
      expect({ cypher: query.cypher, found: Boolean(source) }).toEqual({ cypher: query.cypher, found: true });
      expect(query.format).toBe(source!.format);
      expect(query.legend).toBe(source!.legend);
    }
  });

  it('the business dashboard drills down by project and building (multi-value, All)', () => {
    const variables = readDashboard(DASHBOARD_UIDS.business).templating.list;
    for (const [name, queryId] of [
      ['project', 'projects-variable'],
      ['building', 'buildings-variable'],
    ] as const) {
      expect(variables.find((v) => v.name === name)).toMatchObject({
        type: 'query',
        multi: true,
        includeAll: true,
        hide: 0,
        datasource: MEMGRAPH_REF,
        query: { cypher: catalogueQuery(queryId).cypher, format: 'table' },
      });
    }
    const wall = readDashboard(DASHBOARD_UIDS.wall).templating.list;
    expect(wall.filter((v) => v.type === 'query').map((v) => [v.name, v.hide])).toEqual([
      ['project', 2],
      ['building', 2],
    ]);
  });

  it('covers every business and wall query of the catalogue', () => {
    const used = new Set(memgraphQueries().map((q) => q.cypher));
    for (const query of QUERY_CATALOGUE.filter((q) => q.uses.includes('business') || q.uses.includes('capacity'))) {
      expect({ id: query.id, used: used.has(query.cypher) }).toEqual({ id: query.id, used: true });
    }
  });
});

describe('wall overview', () => {
  const wall = readDashboard(DASHBOARD_UIDS.wall);

  it('refreshes itself and lists only OpenTruss alerts', () => {
    expect(wall.refresh).toBe('1m');
    const list = wall.panels.find((p) => p.type === 'alertlist')!;
    expect(list.options).toMatchObject({
      alertInstanceLabelFilter: `{service="${COMMON_LABELS.service}"}`,
      stateFilter: { firing: true, pending: true, normal: false },
      datasource: 'grafana',
    });
  });

  it('shows API P95, error rate, CPU, memory and disk as coloured stats of the alerts’ own expressions', () => {
    const stats = wall.panels.filter((p) => p.type === 'stat');
    const statExprs = stats.flatMap(exprsOf);
    for (const name of ['HighAPILatency', 'HighAPIErrorRate', 'OpenTrussBackendDown']) {
      expect(statExprs).toContain(ALERTS.find((a) => a.name === name)!.expr);
    }
    for (const name of ['HighCPUUsage', 'HighMemoryUsage', 'HighDiskUsage']) {
      expect(statExprs).toContain(`max(${ALERTS.find((a) => a.name === name)!.expr})`);
    }
    for (const stat of stats) {
      expect(stat.options).toMatchObject({ colorMode: 'background' });
      // Series stats show each series' latest value; row stats show the rows the transformations keep.
      const reduce = stat.options?.reduceOptions as { values?: boolean; calcs: string[] };
      expect(reduce.calcs).toEqual(reduce.values ? [] : ['lastNotNull']);
    }
  });

  it('shows lots awaiting approval, the verified-element share and division acceptance progress', () => {
    const byCypher = (id: CatalogueQueryId) =>
      wall.panels.filter((p) => p.targets?.some((t) => t.cypher === catalogueQuery(id).cypher));
    expect(byCypher('lots-by-status')[0].transformations).toEqual([
      {
        id: 'filterByValue',
        options: {
          type: 'include',
          match: 'any',
          filters: [{ fieldName: 'status', config: { id: 'equal', options: { value: 'SUBMITTED' } } }],
        },
      },
    ]);
    expect(byCypher('elements-by-status')[0].fieldConfig.defaults.unit).toBe('percentunit');
    expect(byCypher('division-acceptance-progress')[0]).toMatchObject({
      type: 'bargauge',
      fieldConfig: {
        defaults: { unit: 'percentunit', displayName: '${__data.fields.building} · ${__data.fields.division}' },
      },
    });
  });
});

describe('capacity planning', () => {
  it('colours each measure at the manual’s 3- and 6-month forecast', () => {
    const gauges = readDashboard(DASHBOARD_UIDS.capacity).panels.filter((p) => p.type === 'gauge');
    const expected = [
      ['projects', 'projects'],
      ['elements', 'elements'],
      ['inspection_lots', 'lots'],
    ] as const;
    expect(gauges).toHaveLength(3);
    gauges.forEach((gauge, i) => {
      const [column, measure] = expected[i];
      expect(gauge.options?.reduceOptions).toMatchObject({ fields: `/^${column}$/` });
      expect(gauge.fieldConfig.defaults.thresholds?.steps.map((s) => s.value)).toEqual([
        null,
        DEMO_GRAPH_PRESETS['capacity-3-months'][measure],
        DEMO_GRAPH_PRESETS['capacity-6-months'][measure],
      ]);
    });
    expect([
      DEMO_GRAPH_PRESETS['capacity-now'].projects,
      DEMO_GRAPH_PRESETS['capacity-3-months'].elements,
      DEMO_GRAPH_PRESETS['capacity-6-months'].lots,
    ]).toEqual([10, 200_000, 4_000]);
  });
});

describe('plugin.json', () => {
  const pluginJson = JSON.parse(read('src/plugin.json')) as {
    id: string;
    includes: Array<{ type: string; path: string; name: string }>;
  };

  it('includes every dashboard and a nav page for it, and the app’s pages', () => {
    expect(pluginJson.id).toBe(PLUGIN_IDS.app);
    for (const dashboard of DASHBOARDS) {
      expect(pluginJson.includes).toContainEqual(
        expect.objectContaining({ type: 'dashboard', path: dashboardFile(dashboard.uid) })
      );
      expect(pluginJson.includes).toContainEqual(expect.objectContaining({ type: 'page', path: `d/${dashboard.uid}` }));
    }
    for (const route of Object.values(ROUTES)) {
      expect(pluginJson.includes).toContainEqual(
        expect.objectContaining({ type: 'page', path: `/a/%PLUGIN_ID%/${route}` })
      );
    }
  });
});

describe('checklist links', () => {
  it('name panels and runbooks that exist', () => {
    for (const task of checklistTasks()) {
      expect(task.links.length).toBeGreaterThan(0);
      for (const link of task.links) {
        if (link.kind === 'panel') {
          const uid = DASHBOARDS.find((d) => d.key === link.dashboard)!.uid;
          expect({ task: task.id, panel: link.panelId, exists: Boolean(panelOf(uid, link.panelId)) }).toEqual({
            task: task.id,
            panel: link.panelId,
            exists: true,
          });
        }
        if (link.kind === 'runbook') {
          expect(RUNBOOKS.map((r) => r.name)).toContain(link.runbook);
        }
      }
    }
  });
});
