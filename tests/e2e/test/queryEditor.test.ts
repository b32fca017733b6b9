// The built datasource's query editor in Chromium: Grafana's real Monaco, completion from the live schema and the
// dashboard's variables, problems marked before sending, Ctrl/Cmd+Enter; results as frames for each format; and
// variables reaching Memgraph as parameters, never as text.
import { DATASOURCE_UIDS } from '@opentruss/contract';
import neo4j from 'neo4j-driver';

import { browserSession, memgraphDatasource } from '../src/harness/e2eSession';
import { clearEditor, monacoIn, suggestionsShowing } from '../src/harness/monaco';
import { CYPHER_EDITOR as EDITOR, showQueryEditor as openQueryEditor, workbenchArea } from '../src/harness/workbench';
import { fixtureAnswer } from '../src/memgraph/fixture';
import { OPENTRUSS_FIXTURE, serveOpenTrussMemgraph } from '../src/memgraph/opentrussMemgraph';

const session = browserSession('query-editor', OPENTRUSS_FIXTURE);
const MEMGRAPH = DATASOURCE_UIDS.memgraph;
const DAY_MS = 86_400_000;

/** Dashboard variables as the business dashboard has them, resolved through the datasource's variable support. */
async function loadDashboardVariables(): Promise<{ projects: string[]; buildings: string[]; lot: string }> {
  const projectsQuery = fixtureAnswer('projects-variable').query;
  const buildingsQuery = fixtureAnswer('buildings-variable').query;
  const lotsQuery = fixtureAnswer('lots-variable').query;
  const options = (cypher: string) =>
    session.call((e2e, arg) => e2e.variableOptions(arg.uid, { refId: 'variable', cypher: arg.cypher } as never), {
      uid: MEMGRAPH,
      cypher,
    });
  const projects = (await options(projectsQuery.cypher)).map((o) => o.value);
  await session.call(
    (e2e, arg) => e2e.setVariables([{ name: 'project', current: '$__all', options: arg, multi: true }]),
    projects
  );
  const buildings = (await options(buildingsQuery.cypher)).map((o) => o.value);
  await session.call(
    (e2e, arg) =>
      e2e.setVariables([
        { name: 'project', current: '$__all', options: arg.projects, multi: true },
        { name: 'building', current: '$__all', options: arg.buildings, multi: true },
      ]),
    { projects, buildings }
  );
  const lots = (await options(lotsQuery.cypher)).map((o) => o.value);
  // The lot the fixture's lot graph was made for (the first SUBMITTED lot).
  const lot = lots.find((value) => value === fixtureLot()) ?? lots[0];
  await session.call(
    (e2e, arg) =>
      e2e.setVariables([
        { name: 'project', current: '$__all', options: arg.projects, multi: true },
        { name: 'building', current: '$__all', options: arg.buildings, multi: true },
        { name: 'lot', current: arg.lot, options: arg.lots },
        { name: 'status', current: 'SUBMITTED', options: ['SUBMITTED', 'APPROVED'] },
      ]),
    { projects, buildings, lot, lots }
  );
  return { projects, buildings, lot };
}

/** The lot at the start of the fixture's lot-graph paths. */
function fixtureLot(): string {
  const [[path]] = fixtureAnswer('lot-element-graph').rows as Array<[InstanceType<typeof neo4j.types.Path>]>;
  return String(path.start.properties.id);
}

let variables: { projects: string[]; buildings: string[]; lot: string };

/** Runs one query as panel `panelKey` (its target: the Cypher plus `target`'s fields) and returns the response. */
function runQuery(
  panelKey: string,
  cypher: string,
  target: Record<string, unknown>,
  range?: { from: number; to: number }
) {
  return session.call(
    (e2e, arg) =>
      e2e.runPanel(arg.panelKey, {
        datasourceUid: arg.uid,
        targets: [{ refId: 'A', cypher: arg.cypher, ...arg.target } as never],
        range: arg.range ?? undefined,
      }),
    { panelKey, uid: MEMGRAPH, cypher, target, range: range ?? null }
  );
}

/** Opens the query editor on `cypher` (as Grafana's panel editor does) and waits for Monaco. */
function showQueryEditor(cypher: string, format = 'auto', range?: { from: number; to: number }, legend?: string) {
  return openQueryEditor(session, MEMGRAPH, cypher, { format, range, legend });
}

session.prepare(async () => {
  serveOpenTrussMemgraph(session.bolt);
  session.host.setDatasources([memgraphDatasource(session.bolt)]);
  await session.open();
  variables = await loadDashboardVariables();
});

describe('query editor', () => {
  session.test('renders with Monaco, the live schema summary and the limits', async () => {
    await showQueryEditor('');
    await session.page.getByTestId('memgraph-schema-status').getByText('10 labels · 5 relationship types').waitFor();
    await session.page.getByTestId('memgraph-limits').getByText('Reads at most 10,000 rows').waitFor();
  });

  session.test('completes labels from the schema Memgraph reported and the dashboard variables', async () => {
    const page = session.page;
    const editor = await showQueryEditor('RETURN 1');
    await clearEditor(page, editor);
    await page.keyboard.insertText('MATCH (l');
    await page.keyboard.type(':Insp');
    const labels = await suggestionsShowing(page, 'InspectionLot');
    expect(labels).toContain('InspectionLot');
    await session.screenshot('01-completion-labels', workbenchArea(session));
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(') WHERE l.status = ');
    await page.keyboard.type('$st');
    expect(await suggestionsShowing(page, '$status')).toContain('$status');
    await session.screenshot('02-completion-variables', workbenchArea(session));
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(' RETURN l.id AS id, l.name AS name');
    await page.keyboard.press('Escape');
    const edited = await session.call((e2e) => e2e.editedQuery());
    expect((edited as { cypher?: string }).cypher).toBe(
      'MATCH (l:InspectionLot) WHERE l.status = $status RETURN l.id AS id, l.name AS name'
    );
  });

  session.test('Ctrl+Enter runs the query as typed; the variable arrives as a parameter', async () => {
    const typed = 'MATCH (l:InspectionLot) WHERE l.status = $status RETURN l.id AS id, l.name AS name';
    session.bolt.addResponder({
      match: typed,
      fields: ['id', 'name'],
      records: [
        ['lot-1', '模板检验批（F1 C区）'],
        ['lot-2', 'Rebar lot F2'],
      ],
    });
    const editor = await showQueryEditor('');
    await editor.locator('.view-lines').click();
    await session.page.keyboard.insertText(typed);
    const runsBefore = session.bolt.runs.length;
    await session.page.keyboard.press('Control+Enter');
    await session.page.getByTestId('e2e-frames').getByText('模板检验批（F1 C区）').waitFor();
    expect(await session.call((e2e) => e2e.runRequests())).toBe(1);
    const run = session.bolt.runs.slice(runsBefore).find((r) => r.query === typed);
    expect(run).toMatchObject({ transport: 'websocket', outcome: 'completed', recordsSent: 2 });
    expect(run!.parameters.status).toBe('SUBMITTED');
    expect(neo4j.isInt(run!.parameters.__from)).toBe(true);
    await session.screenshot('03-run-with-ctrl-enter', workbenchArea(session));
  });

  session.test('marks problems in the editor before anything is sent, and refuses to send them', async () => {
    const page = session.page;
    const write = 'MATCH (l:InspectionLot {id: $lot})\nDETACH DELETE l';
    const editor = await showQueryEditor(write);
    const problems = page.getByTestId('memgraph-query-problems');
    await problems.getByText('Line 2, column 1: Refused in the browser before sending').waitFor();
    await editor.locator('.squiggly-error').first().waitFor();
    await session.screenshot('04-problems-before-sending', workbenchArea(session));
    const runsBefore = session.bolt.runs.length;
    await page.getByTestId('memgraph-run-query').click();
    await page
      .getByTestId('e2e-frames')
      .getByText(/Refused in the browser before sending: this query writes \(DETACH DELETE\)/)
      .waitFor();
    expect(session.bolt.runs.slice(runsBefore)).toEqual([]);
  });
});

describe('the Cypher language library (the lazily loaded chunk)', () => {
  session.test('loads from the plugin folder and marks what only a Cypher parser knows', async () => {
    await showQueryEditor('MATCH (l:InspectionLot) RETURN m');
    await session.page.getByTestId('memgraph-query-problems').getByText('Variable `m` not defined').waitFor();
    expect(session.host.requests.filter((p) => /\/cypher-language-support\.js$/.test(p))).toHaveLength(1);
  });
});

describe('results as data frames (the bundled business queries against the OpenTruss fixture)', () => {
  session.test('table', async () => {
    const { query, sentText, rows } = fixtureAnswer('lots-by-status');
    const response = await runQuery('table', query.cypher, { format: 'table' });
    expect(response.errors).toEqual([]);
    expect(response.frames).toHaveLength(1);
    const [frame] = response.frames;
    expect(frame.fields.map((f) => [f.name, f.type])).toEqual([
      ['status', 'string'],
      ['lots', 'number'],
    ]);
    expect(frame.fields[0].values).toEqual(rows.map((row) => row[0]));
    expect(frame.fields[1].values).toEqual(rows.map((row) => Number(row[1])));
    expect(frame.meta?.executedQueryString).toBe(sentText);
    const run = session.bolt.runs.filter((r) => r.query === sentText).at(-1)!;
    expect(run.parameters.project).toEqual(variables.projects);
    expect(run.parameters.building).toEqual(variables.buildings);
  });

  session.test('time series: one series per status, sorted by time', async () => {
    const { query, fields, rows } = fixtureAnswer('lots-by-status-over-time');
    expect(fields).toEqual(['time', 'status', 'lots']);
    const response = await runQuery('timeseries', query.cypher, { format: 'time_series', legend: '{{status}}' });
    expect(response.errors).toEqual([]);
    const [frame] = response.frames;
    const time = frame.fields.find((f) => f.type === 'time')!;
    expect(time.values).toEqual([...time.values].sort((a, b) => Number(a) - Number(b)));
    const series = frame.fields.filter((f) => f.type === 'number');
    const statuses = [...new Set(rows.map((row) => String(row[1])))].sort();
    expect(series.map((f) => f.labels?.status).sort()).toEqual(statuses);
    expect(series.map((f) => f.config.displayNameFromDS).sort()).toEqual(statuses);
    // Every fixture row is a point of its status's series at its time.
    for (const [when, status, lots] of rows) {
      const field = series.find((f) => f.labels?.status === status)!;
      expect(field.values[time.values.indexOf(Number(when))]).toBe(Number(lots));
    }
  });

  session.test('node graph: nodes and edges frames from the paths', async () => {
    const { query, rows } = fixtureAnswer('lot-element-graph');
    const response = await runQuery('graph', query.cypher, { format: 'node_graph' });
    expect(response.errors).toEqual([]);
    const nodes = response.frames.find((f) => f.name === 'nodes')!;
    const edges = response.frames.find((f) => f.name === 'edges')!;
    expect(nodes.meta?.preferredVisualisationType).toBe('nodeGraph');
    const paths = rows.map((row) => row[0] as InstanceType<typeof neo4j.types.Path>);
    const nodeIds = new Set(paths.flatMap((p) => [p.start, ...p.segments.map((s) => s.end)].map((n) => n.elementId)));
    const edgeIds = new Set(paths.flatMap((p) => p.segments.map((s) => s.relationship.elementId)));
    expect(new Set(nodes.fields.find((f) => f.name === 'id')!.values.map(String))).toEqual(nodeIds);
    expect(new Set(edges.fields.find((f) => f.name === 'id')!.values.map(String))).toEqual(edgeIds);
    for (const name of ['source', 'target']) {
      expect(edges.fields.find((f) => f.name === name)!.values.every((id) => nodeIds.has(String(id)))).toBe(true);
    }
    const run = session.bolt.runs.filter((r) => r.query.startsWith('MATCH path = (l:InspectionLot)')).at(-1)!;
    expect(run.parameters.lot).toBe(variables.lot);
  });

  session.test('the editor shows each format from a run (screenshots)', async () => {
    for (const [id, format, name, legend] of [
      ['lots-by-status-over-time', 'time_series', '05-format-time-series', '{{status}}'],
      ['lot-element-graph', 'node_graph', '06-format-node-graph', undefined],
    ] as const) {
      const { query, rows } = fixtureAnswer(id);
      // The dashboard time range around the fixture's data (its time column, when it has one).
      const times = rows.map((row) => Number(row[0])).filter((t) => t > 1e12);
      const range = times.length ? { from: Math.min(...times) - DAY_MS, to: Math.max(...times) + DAY_MS } : undefined;
      await showQueryEditor(query.cypher, format, range, legend);
      await session.page.getByTestId('memgraph-run-query').click();
      await session.page.locator('[data-testid="e2e-frames"][data-state="Done"]').waitFor();
      await session.screenshot(name, workbenchArea(session));
    }
  });
});

describe('variables reach Memgraph only as parameters', () => {
  session.test(
    '$x, ${x} and [[x]] become parameters; the values, hostile ones included, never enter the text',
    async () => {
      const hostile = "'}) MATCH (n) DETACH DELETE n //";
      await session.call(
        (e2e, arg) =>
          e2e.setVariables([
            { name: 'status', current: arg, options: [arg] },
            { name: 'building', current: ['b-1', 'b-2'], options: ['b-1', 'b-2', 'b-3'], multi: true },
            { name: 'lot', current: 'lot-7', options: ['lot-7'] },
          ]),
        hostile
      );
      const written =
        'MATCH (l:InspectionLot) WHERE l.status = $status AND l.building_id IN ${building} AND l.id <> [[lot]] RETURN count(l) AS n';
      const sent =
        'MATCH (l:InspectionLot) WHERE l.status = $status AND l.building_id IN $building AND l.id <> $lot RETURN count(l) AS n';
      session.bolt.addResponder({ match: sent, fields: ['n'], records: [[neo4j.int(3)]] });
      const response = await runQuery(
        'params',
        written,
        { format: 'table' },
        { from: 1_700_000_000_000, to: 1_700_003_600_000 }
      );
      expect(response.errors).toEqual([]);
      expect(response.frames[0].fields[0].values).toEqual([3]);
      const run = session.bolt.runs.at(-1)!;
      expect(run.query).toBe(sent);
      expect(run.query).not.toContain('DETACH');
      expect(run.parameters).toMatchObject({ status: hostile, building: ['b-1', 'b-2'], lot: 'lot-7' });
      expect(Number(run.parameters.__from)).toBe(1_700_000_000_000);
      expect(Number(run.parameters.__to)).toBe(1_700_003_600_000);
    }
  );
});

describe('Explore from a panel', () => {
  session.test(
    "keeps the dashboard's variables: carried with the query, marked known in the editor, sent as parameters",
    async () => {
      const hostile = "P-1' }) MATCH (n) DETACH DELETE n //";
      const cypher =
        'MATCH (l:InspectionLot) WHERE l.project_id = $project AND l.building_id IN ${building} AND l.status = [[status]] RETURN count(l) AS n';
      const sent =
        'MATCH (l:InspectionLot) WHERE l.project_id = $project AND l.building_id IN $building AND l.status = $status RETURN count(l) AS n';
      session.bolt.addResponder({ match: sent, fields: ['n'], records: [[neo4j.int(4)]] });
      await session.call(
        (e2e, arg) =>
          e2e.setVariables([
            { name: 'project', current: arg, options: [arg] },
            { name: 'building', current: '$__all', options: ['b-1', 'b-2'], multi: true },
            { name: 'status', current: 'SUBMITTED', options: ['SUBMITTED'] },
          ]),
        hostile
      );
      const [explored] = await session.call(
        (e2e, arg) =>
          e2e.queriesForExplore(arg.uid, [{ refId: 'A', cypher: arg.cypher, format: 'table' } as never], {
            status: { text: 'APPROVED', value: 'APPROVED' },
          }),
        { uid: MEMGRAPH, cypher }
      );
      expect(explored).toMatchObject({
        cypher,
        variableValues: { project: hostile, building: ['b-1', 'b-2'], status: 'APPROVED' },
      });

      // Explore: no dashboard variables at all.
      await session.call((e2e) => e2e.setVariables([]));
      const page = session.page;
      await showQueryEditor(cypher);
      await page.getByTestId('memgraph-query-problems').getByText(/\$project/).first().waitFor();
      await session.call(
        (e2e, arg) => e2e.show({ kind: 'query', datasourceUid: arg.uid, query: arg.query as never }),
        { uid: MEMGRAPH, query: explored }
      );
      await monacoIn(page, EDITOR);
      const runsBefore = session.bolt.runs.length;
      await page.getByTestId('memgraph-run-query').click();
      await page.locator('[data-testid="e2e-frames"][data-state="Done"]').waitFor();
      expect(await page.getByTestId('memgraph-query-problems').getByText(/\$project|\$building|\$status/).count()).toBe(0);
      const run = session.bolt.runs.slice(runsBefore).find((r) => r.query === sent);
      expect(run).toMatchObject({ transport: 'websocket', outcome: 'completed' });
      expect(run!.query).not.toContain('DETACH');
      expect(run!.parameters).toMatchObject({ project: hostile, building: ['b-1', 'b-2'], status: 'APPROVED' });
      await session.screenshot('06b-explore-keeps-variables', workbenchArea(session));
      variables = await loadDashboardVariables(); // back to the dashboard the other tests use
    }
  );
});

describe('variable and annotation editors', () => {
  session.test('render from the built module (screenshots)', async () => {
    await loadDashboardVariables();
    const projects = fixtureAnswer('projects-variable').query.cypher;
    await session.call(
      (e2e, arg) =>
        e2e.show({
          kind: 'variable',
          datasourceUid: arg.uid,
          query: { refId: 'variable', cypher: arg.cypher } as never,
        }),
      { uid: MEMGRAPH, cypher: projects }
    );
    await session.page.getByTestId('memgraph-variable-editor').waitFor();
    await monacoIn(session.page, EDITOR);
    // The options, through the built module's variable support, as Grafana previews them.
    const names = fixtureAnswer('projects-variable').rows.map((row) => String(row[0]));
    for (const name of names) {
      await session.page.getByTestId('e2e-variable-preview').getByText(name).waitFor();
    }
    await session.screenshot('07-variable-editor', workbenchArea(session));
    const approvals = fixtureAnswer('approval-events').query.cypher;
    await session.call(
      (e2e, arg) =>
        e2e.show({ kind: 'annotation', datasourceUid: arg.uid, query: { refId: 'Anno', cypher: arg.cypher } as never }),
      { uid: MEMGRAPH, cypher: approvals }
    );
    await session.page.getByTestId('memgraph-annotation-editor').waitFor();
    await monacoIn(session.page, EDITOR);
    await session.screenshot('08-annotation-editor', workbenchArea(session));
  });
});
