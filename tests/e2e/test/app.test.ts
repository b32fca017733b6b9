// The built app module in Chromium: home, runbook index, runbook pages and checklists render from
// plugins/opentruss-app/dist/module.js inside the host's router, its health checks reach Memgraph over WebSocket
// through the built datasource, and every alert's runbook_url (as provisioned) opens its rendered runbook.
import { RULE_GROUPS, RUNBOOKS, runbookByName } from '@opentruss/alerts';
import { grafanaLinkPath } from '@opentruss/alerts/rules';
import { DATASOURCE_UIDS, PLUGIN_IDS } from '@opentruss/contract';

import { browserSession, memgraphDatasource, PROMETHEUS_DATASOURCE } from '../src/harness/e2eSession';
import { MEMGRAPH_VERSION, serveOpenTrussMemgraph } from '../src/memgraph/opentrussMemgraph';
import { provisionedRules } from '../src/server/provisionedRules';

const session = browserSession('app');
const APP = `/a/${PLUGIN_IDS.app}`;
/** The app's stable test ids (its components/testIds.ts, in Grafana's `data-testid …` form). */
const IDS = {
  home: 'data-testid opentruss-home',
  homeDatasources: 'data-testid opentruss-home-datasource-all',
  firing: 'data-testid opentruss-home-firing',
  dashboards: 'data-testid opentruss-home-dashboards',
  runbookIndex: 'data-testid opentruss-runbooks',
  runbook: 'data-testid opentruss-runbook',
  markdown: 'data-testid opentruss-runbook-markdown',
  checklists: 'data-testid opentruss-checklists',
  installRules: 'data-testid opentruss-config-install-rules',
  savePlaylist: 'data-testid opentruss-config-save-playlist',
};
const FIRING = { title: 'DatabaseSlowQuery', instanceLabels: { query_type: 'write' }, value: '0.73' };

session.prepare(async () => {
  serveOpenTrussMemgraph(session.bolt);
  session.host.setDatasources([memgraphDatasource(session.bolt), PROMETHEUS_DATASOURCE]);
  session.host.api.datasourceHealth.set(DATASOURCE_UIDS.prometheus, {
    status: 200,
    body: { status: 'OK', message: 'Successfully queried the Prometheus API.' },
  });
  session.host.api.firingRules = [{ ...FIRING, activeAt: new Date(Date.now() - 12 * 60_000).toISOString() }];
});

/** Loads an app page the way a browser opens a Grafana URL (a full page load). */
async function openAppPage(path: string, testId: string): Promise<void> {
  await session.open(path);
  await session.page.getByTestId(testId).waitFor();
}

session.test('home: datasource health through the built datasource, the firing alert, every dashboard', async () => {
  await openAppPage(`${APP}/home`, IDS.home);
  const page = session.page;
  const datasources = page.getByTestId(IDS.homeDatasources);
  await datasources.getByText(`Connected to Memgraph ${MEMGRAPH_VERSION}`).waitFor();
  await datasources.getByText('Successfully queried the Prometheus API.').waitFor();
  // The Memgraph check ran in the browser, over WebSocket, in the built datasource.
  expect(session.bolt.connections.map((c) => c.transport)).toContain('websocket');
  const firing = page.getByTestId(IDS.firing);
  await firing.getByText(FIRING.title, { exact: false }).first().waitFor();
  await firing.getByText(`value ${FIRING.value}`).waitFor();
  for (const name of ['Wall overview', 'System resources', 'API and database', 'Business', 'Capacity planning']) {
    await page.getByTestId(IDS.dashboards).getByText(name, { exact: false }).first().waitFor();
  }
  // Grafana titles the page from the app's nav (plugin.json includes).
  await page.getByRole('heading', { name: 'Home', exact: true }).waitFor();
  expect(session.host.requests).toContain(`/public/plugins/${PLUGIN_IDS.app}/module.js`);
  await session.screenshot('01-home');
});

session.test("a firing alert's Runbook link opens its rendered runbook", async () => {
  const page = session.page;
  await page.getByTestId(IDS.firing).getByRole('link', { name: 'Runbook' }).click();
  await page.waitForURL(`**${APP}/runbooks/${FIRING.title}`);
  await page.getByTestId(IDS.runbook).waitFor();
  const runbook = runbookByName(FIRING.title)!;
  await page.getByRole('heading', { name: runbook.title.en, exact: true }).waitFor();
  expect((await page.getByTestId(IDS.markdown).innerText()).length).toBeGreaterThan(200);
  await session.screenshot('02-runbook-from-firing-alert', { maxHeight: 1000 });
});

session.test("every alert's provisioned runbook_url resolves to its rendered runbook page", async () => {
  const rules = provisionedRules();
  expect(rules.length).toBe(RUNBOOKS.filter((r) => r.kind === 'alert').length);
  for (const [index, rule] of rules.entries()) {
    // As provisioned, the link is Grafana's root URL (expanded by Grafana when the alert fires) + this path.
    const pathname = grafanaLinkPath(rule.annotations.runbook_url);
    expect(pathname).toBe(`${APP}/runbooks/${rule.title}`);
    if (index === 0) {
      await openAppPage(pathname!, IDS.runbook); // a full page load, as from a notification
    } else {
      await session.call((e2e, path) => e2e.navigate(path), pathname!);
    }
    const runbook = runbookByName(rule.title);
    expect(runbook).toBeDefined();
    await session.page
      .getByTestId(IDS.runbook)
      .getByRole('heading', { name: runbook!.title.en, exact: true })
      .waitFor();
    expect(await session.page.getByText(`No runbook named`).count()).toBe(0);
  }
});

session.test('runbook index: every alert with its severity, threshold and current state', async () => {
  await openAppPage(`${APP}/runbooks`, IDS.runbookIndex);
  const index = session.page.getByTestId(IDS.runbookIndex);
  for (const runbook of RUNBOOKS) {
    await index.getByRole('link', { name: runbook.name, exact: true }).waitFor();
  }
  const firingRow = index
    .getByRole('row')
    .filter({ has: session.page.getByRole('link', { name: FIRING.title, exact: true }) });
  await firingRow.getByText(/firing/i).waitFor();
  await session.screenshot('03-runbook-index');
});

session.test('checklists: daily, weekly and monthly tasks; a tick is kept for this user across reloads', async () => {
  await openAppPage(`${APP}/checklists`, IDS.checklists);
  const page = session.page;
  for (const period of ['Daily', 'Weekly', 'Monthly']) {
    await page.getByRole('region', { name: period }).waitFor();
  }
  const daily = page.getByRole('region', { name: 'Daily' });
  const tasks = await daily.getByRole('checkbox').count();
  expect(tasks).toBeGreaterThan(1);
  await daily.getByText(`0/${tasks} done today`).waitFor();
  await daily.getByRole('checkbox').first().check({ force: true });
  await daily.getByText(`1/${tasks} done today`).waitFor();
  await session.screenshot('04-checklists', { maxHeight: 1000 });
  await openAppPage(`${APP}/checklists`, IDS.checklists);
  await page.getByRole('region', { name: 'Daily' }).getByText(`1/${tasks} done today`).waitFor();
  expect(await page.getByRole('region', { name: 'Daily' }).getByRole('checkbox').first().isChecked()).toBe(true);
});

session.test("configuration: installs the alert rules and the wall playlist through Grafana's HTTP API", async () => {
  await openAppPage(`/plugins/${PLUGIN_IDS.app}`, IDS.installRules);
  const page = session.page;
  const api = session.host.api;
  await page.getByTestId(IDS.installRules).click();
  await page.getByText('Alert rules installed', { exact: true }).waitFor();
  expect(api.callsTo('POST', /^\/api\/folders$/).map((call) => call.body)).toEqual([{ title: 'OpenTruss' }]);
  const groups = api.callsTo('PUT', /^\/api\/v1\/provisioning\/folder\/[^/]+\/rule-groups\//);
  expect(groups.map((call) => decodeURIComponent(call.path.split('/').pop()!)).sort()).toEqual(
    Object.values(RULE_GROUPS)
      .map((group) => group.name)
      .sort()
  );
  for (const call of groups) {
    expect(call.headers['x-disable-provenance']).toBe('true');
  }
  const rules = groups.flatMap(
    (call) => (call.body as { rules: Array<{ title: string; annotations: Record<string, string> }> }).rules
  );
  expect(rules.map((rule) => rule.title).sort()).toEqual(
    provisionedRules()
      .map((rule) => rule.title)
      .sort()
  );
  // Installed over the API, the runbook links are the provisioned ones: whichever Grafana runs them expands its own
  // root URL in front of the runbook's path.
  const provisionedLinks = new Map(provisionedRules().map((rule) => [rule.title, rule.annotations.runbook_url]));
  for (const rule of rules) {
    expect(rule.annotations.runbook_url).toBe(provisionedLinks.get(rule.title));
    expect(grafanaLinkPath(rule.annotations.runbook_url)).toBe(`${APP}/runbooks/${rule.title}`);
  }

  await page.getByTestId(IDS.savePlaylist).click();
  await page.getByText('Playlist created', { exact: true }).waitFor();
  await page.getByTestId(IDS.savePlaylist).click();
  await page.getByText('Playlist updated', { exact: true }).waitFor();
  expect(api.callsTo('POST', /^\/api\/playlists$/)).toHaveLength(1);
  expect(api.callsTo('PUT', /^\/api\/playlists\/opentruss-wall$/)).toHaveLength(1);
  const playlist = api.storedPlaylists().get('opentruss-wall') as { items: Array<{ type: string; value: string }> };
  expect(playlist.items.map((item) => item.value)).toEqual(
    expect.arrayContaining(['opentruss-wall', 'opentruss-system', 'opentruss-api-db', 'opentruss-business'])
  );
  await session.screenshot('05-configuration');
});
