// The built datasource in Chromium through the Bolt gateway, as the stack wires it: the browser holds only a
// viewer credential; the gateway logs in to "Memgraph" (the Bolt test server, with a user) with its own.
import neo4j from 'neo4j-driver';
import { PLUGIN_IDS } from '@opentruss/contract';
import { GATEWAY_USER_AGENT, startBoltGateway, type BoltGateway } from '@opentruss/bolt-gateway';

import { browserSession } from '../src/harness/e2eSession';
import { MEMGRAPH_VERSION, PROBE_QUERY, serveOpenTrussMemgraph } from '../src/memgraph/opentrussMemgraph';

const MEMGRAPH_CREDENTIAL = { user: 'opentruss', password: 'memgraph-superuser-secret' };
const session = browserSession('gateway', { users: { [MEMGRAPH_CREDENTIAL.user]: MEMGRAPH_CREDENTIAL.password } });
const VIA_GATEWAY = 'memgraph-via-gateway';
const WRONG_VIEWER = 'memgraph-via-gateway-wrong-viewer';

let gateway: BoltGateway;
const memgraph = () => session.bolt;

session.prepare(async () => {
  serveOpenTrussMemgraph(session.bolt);
  gateway = await startBoltGateway({
    upstream: { host: '127.0.0.1', port: session.bolt.port, ...MEMGRAPH_CREDENTIAL },
    viewers: { users: 'viewer:viewer-public' },
    processMetrics: false,
    log: () => undefined,
  });
  const datasource = (uid: string, password: string) => ({
    uid,
    name: uid,
    type: PLUGIN_IDS.datasource,
    jsonData: { url: gateway.url, username: 'viewer', password, connectionTimeoutSeconds: 3 },
  });
  session.host.setDatasources([datasource(VIA_GATEWAY, 'viewer-public'), datasource(WRONG_VIEWER, 'guess')]);
  await session.open();
});

afterAll(async () => {
  await gateway?.stop();
});

session.test('Save & test reaches Memgraph through the gateway over WebSocket, in a READ transaction', async () => {
  const report = await session.call((e2e, uid) => e2e.testDatasource(uid), VIA_GATEWAY);
  expect(report.message).toContain(`Connected to Memgraph ${MEMGRAPH_VERSION}`);
  // Through the gateway Memgraph receives the probe's canonical text: found by the responder that answered it.
  const probe = memgraph().runs.find((run) => run.responder?.name === 'probe');
  expect(probe?.query).not.toBe(PROBE_QUERY);
  expect(probe).toMatchObject({ explicitTransaction: true, outcome: 'completed' });
  expect(probe!.extra.mode).toBe('r');
  // Memgraph saw the gateway (logged in with its own credential and its own HELLO), never the browser.
  const connection = memgraph().connections.find((c) => c.connectionId === probe!.connectionId);
  expect(connection?.principal).toBe(MEMGRAPH_CREDENTIAL.user);
  expect(connection?.userAgent).toBe(GATEWAY_USER_AGENT);
  expect(
    (await gateway.metrics.connections.get()).values.find((v) => v.labels.transport === 'websocket')?.value
  ).toBeGreaterThan(0);
});

const LOTS = 'MATCH (l:InspectionLot) RETURN l.status AS status, count(*) AS lots';

session.test('a panel query returns its frames through the gateway', async () => {
  memgraph().addResponder({ match: LOTS, fields: ['status', 'lots'], records: [['APPROVED', neo4j.int(12)]] });
  // The function runs in the page: everything it uses comes in as its argument.
  const response = await session.call(
    (e2e, arg) =>
      e2e.runPanel('lots', {
        datasourceUid: arg.uid,
        targets: [{ refId: 'A', cypher: arg.cypher, format: 'table' } as never],
      }),
    { uid: VIA_GATEWAY, cypher: LOTS }
  );
  expect(response.errors).toEqual([]);
  expect(response.state).toBe('Done');
  expect(response.frames[0].fields.map((f) => [f.name, f.values])).toEqual([
    ['status', ['APPROVED']],
    ['lots', [12]],
  ]);
});

session.test(
  'a wrong viewer password is refused by the gateway, named as such, and nothing reaches Memgraph',
  async () => {
    const before = memgraph().stats().totalConnections;
    const report = await session.call((e2e, uid) => e2e.testDatasource(uid), WRONG_VIEWER);
    expect(report.status).toBe('error');
    expect(report.message).toMatch(/^The Bolt gateway at .* refused the credentials of user "viewer"/);
    expect(memgraph().stats().totalConnections).toBe(before);
  }
);

session.test(
  'behind the gateway, a replica refuses a statement that writes, and the panel says the replica refused it',
  async () => {
    // The second layer (docs/replica.md): a statement the guards read as a read but Memgraph plans as a write
    // (summary type rw) reaches a REPLICA, which refuses it with Memgraph 3.12's own text.
    const cypher = 'MATCH (n:Note) RETURN n.text AS text';
    memgraph().addResponder({ match: /Note/, fields: ['text'], summary: { type: 'rw' }, times: 1 });
    memgraph().setRole('replica');
    try {
      const response = await session.call(
        (e2e, arg) =>
          e2e.runPanel('replica-refusal', {
            datasourceUid: arg.uid,
            targets: [{ refId: 'A', cypher: arg.cypher, format: 'table' } as never],
          }),
        { uid: VIA_GATEWAY, cypher }
      );
      expect(response.state).toBe('Error');
      expect(response.errors.map((e) => e.message)).toEqual([
        expect.stringMatching(
          /^Memgraph refused this query as a write: the datasource reads a Memgraph REPLICA, where Memgraph itself runs only reads \("Write queries are forbidden on the replica instance\. /
        ),
      ]);
      expect(memgraph().runs.find((r) => /Note/.test(r.query))).toMatchObject({ outcome: 'failed', recordsSent: 0 });
    } finally {
      memgraph().setRole('main');
    }
  }
);
