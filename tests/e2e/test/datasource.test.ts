// The built datasource module in Chromium: loaded by SystemJS with the host's shared modules, its configuration
// editor, and its health check over Bolt-over-WebSocket — succeeding, refused credentials, server stopped.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { startBoltTestServer, type BoltTestServer } from '@opentruss/bolt-test-server';
import { PLUGIN_IDS, DATASOURCE_UIDS } from '@opentruss/contract';

import { memgraphDatasource, browserSession } from '../src/harness/e2eSession';
import {
  MEMGRAPH_VERSION,
  PROBE_QUERY,
  serveHealthCheck,
  serveOpenTrussMemgraph,
} from '../src/memgraph/opentrussMemgraph';
import { amdDependencies, requirePluginBuilds } from '../src/server/pluginBuilds';

const session = browserSession('datasource');
const AUTH_UID = 'memgraph-with-users';
const TEST_IDS = {
  configEditor: 'memgraph-config-editor',
  credentialsWarning: 'memgraph-credentials-warning',
  tlsGuidance: 'memgraph-tls-guidance',
  checkServer: 'memgraph-check-server',
  serverReport: 'memgraph-server-report',
  indexStatement: 'memgraph-index-statement',
};

/** A second Memgraph that has users, so credentials matter. */
let securedBolt: BoltTestServer;

session.prepare(async () => {
  serveOpenTrussMemgraph(session.bolt);
  securedBolt = await startBoltTestServer({ users: { grafana: 'reader-secret' } });
  serveHealthCheck(securedBolt);
  session.host.setDatasources([
    memgraphDatasource(session.bolt),
    {
      uid: AUTH_UID,
      name: 'Memgraph with users',
      type: PLUGIN_IDS.datasource,
      jsonData: { url: securedBolt.url, username: 'grafana', password: 'wrong-password', connectionTimeoutSeconds: 3 },
    },
  ]);
  await session.open();
});

afterAll(async () => {
  await securedBolt?.stop();
});

describe('the built module', () => {
  session.test('asks only for modules the host supplies, as Grafana supplies them', async () => {
    const shared = await session.call((e2e) => e2e.sharedModules());
    for (const build of Object.values(requirePluginBuilds())) {
      const external = amdDependencies(build).filter((name) => name !== 'module');
      expect(external.length).toBeGreaterThan(3);
      expect(external.filter((name) => !shared.includes(name))).toEqual([]);
    }
  });

  session.test('every script the builds ship parses as the browser will parse it', async () => {
    for (const build of Object.values(requirePluginBuilds())) {
      const scripts = fs.readdirSync(build.distDir).filter((file) => file.endsWith('.js'));
      expect(scripts).toContain('module.js');
      for (const script of scripts) {
        const source = fs.readFileSync(path.join(build.distDir, script), 'utf8');
        expect(() => new vm.Script(source, { filename: `${build.folder}/dist/${script}` })).not.toThrow();
      }
    }
  });

  session.test('loads through SystemJS from /public/plugins/<id>/ and exports a datasource plugin', async () => {
    const plugin = await session.call((e2e) => e2e.describePlugin('opentruss-memgraph-datasource'));
    expect(plugin.type).toBe('DataSourcePlugin');
    expect(plugin.exports).toEqual(expect.arrayContaining(['DataSourceClass', 'components', 'meta']));
    expect(plugin.components).toEqual(expect.arrayContaining(['ConfigEditor', 'QueryEditor']));
    expect(session.host.requests).toContain(`/public/plugins/${PLUGIN_IDS.datasource}/module.js`);
  });
});

describe('configuration editor', () => {
  session.test('renders the settings, the credentials warning and the WebSocket/TLS guidance', async () => {
    await session.call((e2e, uid) => e2e.show({ kind: 'config', datasourceUid: uid }), DATASOURCE_UIDS.memgraph);
    const page = session.page;
    await page.getByTestId(TEST_IDS.configEditor).waitFor();
    await expectVisibleText(TEST_IDS.credentialsWarning, 'Credentials are visible to viewers');
    await expectVisibleText(TEST_IDS.tlsGuidance, 'ws://');
    expect(await page.locator('#memgraph-url').inputValue()).toBe(session.bolt.url);
    // The editor's lazy chunk came from the plugin's own folder (webpack's public path from the AMD module uri).
    expect(
      session.host.requests.filter(
        (p) => p.startsWith(`/public/plugins/${PLUGIN_IDS.datasource}/`) && p.endsWith('.js')
      ).length
    ).toBeGreaterThan(1);
    await session.screenshot('01-config-editor', { maxHeight: 860 });
  });

  session.test('"Check server and indexes" reaches Memgraph over WebSocket and lists the missing indexes', async () => {
    const page = session.page;
    await page.getByTestId(TEST_IDS.checkServer).click();
    await expectVisibleText(TEST_IDS.serverReport, `Memgraph ${MEMGRAPH_VERSION}`);
    expect(await page.getByTestId(TEST_IDS.indexStatement).allInnerTexts()).toEqual([
      'CREATE INDEX ON :Element(inspection_lot_id);',
      'CREATE INDEX ON :InspectionLot(status);',
    ]);
    await session.screenshot('02-config-index-advisor', {
      around: [page.getByTestId(TEST_IDS.checkServer), page.getByTestId(TEST_IDS.serverReport)],
    });
  });

  session.test('a URL the browser cannot use is flagged in the field before anything is saved', async () => {
    const page = session.page;
    const url = page.locator('#memgraph-url');
    await url.fill('bolt+ssc://memgraph:7687');
    await expectVisibleText(
      TEST_IDS.configEditor,
      'URL scheme bolt+ssc:// trusts any certificate, which a browser cannot do'
    );
    await url.fill(session.bolt.url);
    await page.getByText('trusts any certificate').first().waitFor({ state: 'detached' });
  });
});

describe('health check (Save & test) over Bolt-over-WebSocket', () => {
  session.test('succeeds, reports the server reached, and the server saw a WebSocket connection', async () => {
    const runsBefore = session.bolt.runs.length;
    const report = await session.call((e2e, uid) => e2e.testDatasource(uid), DATASOURCE_UIDS.memgraph);
    expect(report.status).toBe('warning');
    expect(report.message).toContain(
      `Connected to Memgraph ${MEMGRAPH_VERSION} at ${session.bolt.url.replace('bolt://', '')} (Bolt 5.2)`
    );
    expect(report.message).toContain('Missing 2 indexes');
    const probe = session.bolt.runs.slice(runsBefore).find((run) => run.query === PROBE_QUERY);
    expect(probe).toMatchObject({ transport: 'websocket', explicitTransaction: true, outcome: 'completed' });
    expect(probe!.extra.mode).toBe('r');
    // Every connection this page opened is a WebSocket: the browser driver has no other channel.
    expect(session.bolt.connections.length).toBeGreaterThan(0);
    expect(session.bolt.connections.map((c) => c.transport)).toEqual(session.bolt.connections.map(() => 'websocket'));
    expect(session.bolt.connections[0].userAgent).toMatch(/^opentruss-memgraph-datasource\//);
  });

  session.test('"Save & test" in the editor shows the same report', async () => {
    const page = session.page;
    await page.getByTestId('e2e-save-and-test').click();
    const result = page.getByTestId('e2e-save-and-test-result');
    await result.waitFor();
    expect(await result.getAttribute('data-status')).toBe('warning');
    expect(await result.innerText()).toContain(`Connected to Memgraph ${MEMGRAPH_VERSION}`);
    await session.screenshot('03-save-and-test', { around: [page.getByTestId('e2e-save-and-test'), result] });
  });

  session.test('fails clearly with a wrong password, and succeeds once it is corrected', async () => {
    const report = await session.call((e2e, uid) => e2e.testDatasource(uid), AUTH_UID);
    expect(report).toMatchObject({ status: 'error' });
    expect(report.message).toMatch(/^Memgraph refused the credentials of user "grafana"/);
    const refused = securedBolt.connections.filter((c) => c.transport === 'websocket');
    expect(refused.length).toBeGreaterThan(0);
    expect(securedBolt.messages.some((m) => m.type === 'LOGON')).toBe(true);
    expect(securedBolt.runs.filter((run) => run.query === PROBE_QUERY)).toEqual([]);

    // Through the editor: correct the password, Save & test.
    await session.call((e2e, uid) => e2e.show({ kind: 'config', datasourceUid: uid }), AUTH_UID);
    const page = session.page;
    await page.getByTestId(TEST_IDS.configEditor).waitFor();
    await page.getByTestId('e2e-save-and-test').click();
    await waitForTestResult('error');
    expect(await page.getByTestId('e2e-save-and-test-result').innerText()).toContain(
      'refused the credentials of user "grafana"'
    );
    await session.screenshot('04-wrong-password', {
      around: [page.getByTestId('e2e-save-and-test'), page.getByTestId('e2e-save-and-test-result')],
    });
    await page.locator('#memgraph-password').fill('reader-secret');
    await page.getByTestId('e2e-save-and-test').click();
    await waitForTestResult('warning');
    expect(securedBolt.runs.filter((run) => run.query === PROBE_QUERY).map((run) => run.outcome)).toEqual([
      'completed',
    ]);
  });

  session.test('fails clearly when the server is stopped, and works again once it is back', async () => {
    await securedBolt.stop();
    const started = Date.now();
    await session.page.getByTestId('e2e-save-and-test').click();
    await waitForTestResult('error');
    const message = await session.page.getByTestId('e2e-save-and-test-result').innerText();
    expect(message).toContain(`Cannot reach Memgraph at ${securedBolt.url}`);
    expect(message).toMatch(/WebSocket/);
    // The connection timeout is 3 s; nothing waits much longer than that.
    expect(Date.now() - started).toBeLessThan(15_000);
    await session.screenshot('05-server-stopped', {
      around: [session.page.getByTestId('e2e-save-and-test'), session.page.getByTestId('e2e-save-and-test-result')],
    });

    await securedBolt.restart();
    await session.page.getByTestId('e2e-save-and-test').click();
    await waitForTestResult('warning');
  });
});

async function expectVisibleText(testId: string, text: string): Promise<void> {
  const element = session.page.getByTestId(testId);
  await element.getByText(text, { exact: false }).first().waitFor();
}

async function waitForTestResult(status: string): Promise<void> {
  await session.page
    .locator(`[data-testid="e2e-save-and-test-result"][data-status="${status}"]`)
    .waitFor({ timeout: 20_000 });
}
