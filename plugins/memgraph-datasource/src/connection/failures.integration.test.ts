/** @jest-environment node */
import '../testing/grafanaInNode';

import neo4j from 'neo4j-driver';
import net from 'node:net';

import { dataSource, queryRequest, runQuery } from '../testing/harness';
import { startBoltTestServerForSuite } from '../testing/boltTestServerSuite';
import { websocketHint } from './errors';
import { DEADLINE_GRACE_MS } from './runCypher';

const int = neo4j.int;
const MEMGRAPH_ERROR = 'Memgraph.ClientError.MemgraphError.MemgraphError';

const suite = startBoltTestServerForSuite({ users: { viewer: 'secret' } });
const registry = suite.registry;

const viewer = () => ({ url: suite.server.url, username: 'viewer', password: 'secret' });

async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function errorOf(settings: Parameters<typeof dataSource>[0], cypher: string): Promise<string> {
  const response = await runQuery(dataSource(settings, { registry }), [{ cypher, format: 'table' }]);
  expect(response.data).toEqual([]);
  expect(response.errors).toHaveLength(1);
  // Whatever failed, the session is closed: no transaction or result stays open on the server.
  await suite.server.waitFor((s) => s.stats().openTransactions === 0 && s.stats().activeStreams === 0);
  return response.errors![0].message!;
}

describe('failures become clear messages', () => {
  it('server unreachable: names the URL and gives the WebSocket / TLS / CSP hint', async () => {
    const url = `bolt://127.0.0.1:${await closedPort()}`;
    const message = await errorOf({ url, connectionTimeoutSeconds: 2 }, 'RETURN 1');
    expect(message).toContain(`Cannot reach Memgraph at ${url}`);
    expect(message).toContain(websocketHint());
  });

  it('wrong credentials: says which user was refused and what to check', async () => {
    const message = await errorOf({ ...viewer(), password: 'wrong' }, 'RETURN 1');
    expect(message).toMatch(
      /^Memgraph refused the credentials of user "viewer" \(.+\)\. Check the username and password/
    );
  });

  it('a replica refusing a write the browser guard let through: says it is a replica and the query must only read', async () => {
    // A statement the browser's guard reads as a read but Memgraph plans as a write (summary type rw): the second
    // layer, Memgraph on the replica, refuses it with its own text.
    const cypher = 'MATCH (n:Note) RETURN n.text AS text';
    suite.server.addResponder({ match: cypher, fields: ['text'], summary: { type: 'rw' }, times: 1 });
    suite.server.setRole('replica');
    try {
      const message = await errorOf(viewer(), cypher);
      expect(message).toMatch(/^Memgraph refused this query as a write: the datasource reads a Memgraph REPLICA, where Memgraph itself runs only reads \("Write queries are forbidden on the replica instance\. /);
      expect(suite.server.lastRun).toMatchObject({ query: cypher, outcome: 'failed', recordsSent: 0 });
    } finally {
      suite.server.setRole('main');
    }
  });

  it('syntax or semantic error: passes Memgraph’s own message on', async () => {
    // A query the browser's read-only checker accepts, which Memgraph refuses on its own reading.
    suite.server.addResponder({
      match: 'MATCH (n) RETURN m',
      failure: { code: MEMGRAPH_ERROR, message: 'Unbound variable: m.' },
    });
    expect(await errorOf(viewer(), 'MATCH (n) RETURN m')).toBe('Memgraph rejected the query: Unbound variable: m.');
  });

  it('query timeout: Memgraph aborts at tx_timeout and the panel says so', async () => {
    suite.server.addResponder({
      match: 'MATCH (n) RETURN count(n)',
      fields: ['count(n)'],
      records: [[int(1)]],
      delayMs: 5_000,
    });
    const started = Date.now();
    const message = await errorOf({ ...viewer(), queryTimeoutSeconds: 1 }, 'MATCH (n) RETURN count(n)');
    expect(message).toMatch(/^Memgraph stopped the query at the query timeout \(1 s\): Transaction was asked to abort/);
    expect(Date.now() - started).toBeLessThan(1_000 + DEADLINE_GRACE_MS);
    expect(suite.server.lastRun?.outcome).toBe('timed_out');
  });

  it('a server that never answers: the browser gives up shortly after the timeout, and the next query works', async () => {
    suite.server.addResponder({ match: 'MATCH (n) RETURN n', hang: true, fields: ['n'] });
    suite.server.addResponder({ match: 'RETURN 2 AS two', fields: ['two'], records: [[int(2)]] });
    const ds = dataSource({ ...viewer(), queryTimeoutSeconds: 1 }, { registry });
    const started = Date.now();
    const hung = await runQuery(ds, [{ cypher: 'MATCH (n) RETURN n' }]);
    const elapsed = Date.now() - started;
    expect(hung.errors?.[0].message).toMatch(/^The query did not finish within the query timeout \(1 s\)/);
    expect(elapsed).toBeGreaterThanOrEqual(1_000 + DEADLINE_GRACE_MS - 50);
    expect(elapsed).toBeLessThan(1_000 + DEADLINE_GRACE_MS + 1_000);
    const next = await runQuery(ds, [{ cypher: 'RETURN 2 AS two', format: 'table' }]);
    expect(next.errors).toBeUndefined();
    expect(next.data[0].fields[0].values).toEqual([2]);
  }, 20_000);

  it('a give-up frees its pooled connection at once: the next query gets a fresh one without waiting', async () => {
    const HUNG = 'MATCH (n) RETURN n.hung';
    suite.server.addResponder({ match: HUNG, hang: true, fields: ['n.hung'] });
    suite.server.addResponder({ match: 'RETURN 6 AS six', fields: ['six'], records: [[int(6)]] });
    // One connection: the follow-up can only run if the hung query's connection left the pool at once.
    const ds = dataSource({ ...viewer(), queryTimeoutSeconds: 1, maxConnections: 1 }, { registry });
    const hung = await runQuery(ds, [{ cypher: HUNG }]);
    expect(hung.errors?.[0].message).toMatch(/^The query did not finish within the query timeout/);
    const gaveUpAt = Date.now();
    const hungConnection = suite.server.runs.find((r) => r.query === HUNG)!.connectionId;
    await suite.server.waitFor((s) => s.connections.some((c) => c.connectionId === hungConnection && !c.open), 1_000);
    expect(Date.now() - gaveUpAt).toBeLessThan(500);
    // Closed by the client without RESET or GOODBYE first (Memgraph would answer RESET only after the query).
    const after = suite.server.messages.filter((m) => m.connectionId === hungConnection).map((m) => m.type);
    expect(after).not.toContain('RESET');

    const next = await runQuery(ds, [{ cypher: 'RETURN 6 AS six', format: 'table' }]);
    expect(next.errors).toBeUndefined();
    expect(next.data[0].fields[0].values).toEqual([6]);
    expect(Date.now() - gaveUpAt).toBeLessThan(1_000);
    expect(suite.server.lastRun?.connectionId).not.toBe(hungConnection);
  }, 20_000);

  it('a query that waited for a pool taken by a hung query says all connections were busy and names the setting', async () => {
    const HUNG = 'MATCH (n) RETURN n.waiting';
    suite.server.addResponder({ match: HUNG, hang: true, fields: ['n.waiting'] });
    const ds = dataSource({ ...viewer(), queryTimeoutSeconds: 1, maxConnections: 1 }, { registry });
    const first = runQuery(ds, [{ refId: 'first', cypher: HUNG }]);
    await suite.server.waitFor((s) => s.runs.some((r) => r.query === HUNG && r.outcome === 'streaming'));
    const second = await runQuery(ds, [{ refId: 'second', cypher: HUNG }]);
    expect((await first).errors?.[0].message).toMatch(/^The query did not finish within the query timeout/);
    expect(second.errors?.[0].message).toBe(
      'All 1 connections this browser may open to Memgraph were busy with other queries still running, so this ' +
        'query never reached Memgraph within the query timeout (1 s). Wait for the running panels, or raise ' +
        '"Maximum connections per browser" in the datasource settings.'
    );
  }, 20_000);

  it('a server that accepts and never answers the handshake: the message says no connection was set up', async () => {
    suite.server.setSilent(true);
    try {
      // Over TCP the socket opens at once, so the driver's connection timeout no longer applies; the deadline does.
      const ds = dataSource({ ...viewer(), queryTimeoutSeconds: 1 }, { registry });
      const response = await runQuery(ds, [{ cypher: 'RETURN 1' }]);
      expect(response.errors?.[0].message).toMatch(
        /^No connection to Memgraph at bolt:\/\/127\.0\.0\.1:\d+ was set up within the query timeout \(1 s\)/
      );
      expect(suite.server.stats().unansweredConnections).toBeGreaterThanOrEqual(1);
    } finally {
      suite.server.setSilent(false);
    }
  }, 20_000);

  it('a wall of panels behind a hung Memgraph: the first refresh after Memgraph answers again succeeds for every panel', async () => {
    const panels = ['A', 'B', 'C', 'D', 'E', 'F'].map((refId) => ({ refId, cypher: `RETURN '${refId}' AS panel` }));
    for (const { cypher } of panels) {
      suite.server.addResponder({ match: cypher, hang: true, fields: ['panel'], times: 1 });
    }
    // Default pool of 4, six panels: four hang on the server, two wait for the pool; all give up.
    const ds = dataSource({ ...viewer(), queryTimeoutSeconds: 1 }, { registry });
    const stalled = await runQuery(ds, panels);
    expect(stalled.errors).toHaveLength(panels.length);
    // Memgraph answers again (the hanging responders were used up): the very next refresh works for every panel.
    for (const { refId, cypher } of panels) {
      suite.server.addResponder({ match: cypher, fields: ['panel'], records: [[refId]] });
    }
    const refresh = await runQuery(ds, panels);
    expect(refresh.errors).toBeUndefined();
    expect(refresh.data.map((frame) => frame.fields[0].values[0])).toEqual(panels.map((p) => p.refId));
  }, 20_000);

  it('transient error: asks for a retry', async () => {
    suite.server.addResponder({
      match: 'MATCH (l:InspectionLot) RETURN l',
      failure: {
        code: 'Memgraph.TransientError.MemgraphError.MemgraphError',
        message: 'Cannot resolve conflicting transactions.',
      },
    });
    expect(await errorOf(viewer(), 'MATCH (l:InspectionLot) RETURN l')).toBe(
      'Memgraph reported a temporary problem: Cannot resolve conflicting transactions. Refresh the panel to retry.'
    );
  });

  it('disconnect mid-stream: says the connection was lost, and the next query reconnects', async () => {
    suite.server.addResponder({
      match: 'UNWIND range(1, 100) AS i RETURN i',
      fields: ['i'],
      records: Array.from({ length: 100 }, (_, i) => [int(i)]),
      disconnectAfterRecords: 3,
    });
    suite.server.addResponder({ match: 'RETURN 3 AS three', fields: ['three'], records: [[int(3)]] });
    const ds = dataSource(viewer(), { registry });
    const response = await runQuery(ds, [{ cypher: 'UNWIND range(1, 100) AS i RETURN i' }]);
    expect(response.errors?.[0].message).toMatch(
      new RegExp(
        `^The connection to Memgraph at ${suite.server.url.replace(/[.]/g, '\\.')} was lost.*Refresh the panel once Memgraph is back`
      )
    );
    const next = await runQuery(ds, [{ cypher: 'RETURN 3 AS three', format: 'table' }]);
    expect(next.errors).toBeUndefined();
  });

  it('write query: refused before sending, nothing reaches Memgraph', async () => {
    const runsBefore = suite.server.runs.length;
    const message = await errorOf(viewer(), "MATCH (l:InspectionLot {id: 'L-1'}) SET l.status = 'APPROVED'");
    expect(message).toContain('Refused in the browser before sending: this query writes (SET)');
    expect(message).toContain('at line 1, column 37');
    expect(suite.server.runs.length).toBe(runsBefore);
  });

  it('missing parameter: named before sending', async () => {
    const runsBefore = suite.server.runs.length;
    expect(await errorOf(viewer(), 'MATCH (l:InspectionLot {id: $lot}) RETURN l')).toContain(
      'Parameter $lot has no value.'
    );
    expect(suite.server.runs.length).toBe(runsBefore);
  });

  it('a server restart between two queries: the second one succeeds without reloading', async () => {
    suite.server.addResponder({ match: 'RETURN 4 AS four', fields: ['four'], records: [[int(4)]] });
    const ds = dataSource(viewer(), { registry });
    expect((await runQuery(ds, [{ cypher: 'RETURN 4 AS four' }])).errors).toBeUndefined();
    const connectionsBefore = suite.server.stats().totalConnections;
    await suite.server.restart();
    suite.server.addResponder({ match: 'RETURN 4 AS four', fields: ['four'], records: [[int(4)]] });
    const after = await runQuery(ds, [{ cypher: 'RETURN 4 AS four', format: 'table' }]);
    expect(after.errors).toBeUndefined();
    expect(after.data[0].fields[0].values).toEqual([4]);
    expect(suite.server.stats().totalConnections).toBeGreaterThan(connectionsBefore);
  });
});

describe('cancellation', () => {
  it('unsubscribing stops the stream on the wire (DISCARD, ROLLBACK) and gives the connection back to the pool', async () => {
    const cypher = 'MATCH (e:Element) RETURN e.id AS id';
    suite.server.addResponder({
      match: cypher,
      fields: ['id'],
      records: Array.from({ length: 500 }, (_, i) => [`E-${i}`]),
      batchDelayMs: 300,
    });
    suite.server.addResponder({ match: 'RETURN 5 AS five', fields: ['five'], records: [[int(5)]] });
    // One connection only: the follow-up query can run only on the connection the cancelled one gave back.
    const ds = dataSource({ ...viewer(), fetchSize: 10, maxConnections: 1 }, { registry });
    const subscription = ds.query(queryRequest([{ cypher, format: 'table' }])).subscribe();
    await suite.server.waitFor((s) => s.lastRun?.query === cypher && s.lastRun.recordsSent >= 10);
    const run = suite.server.lastRun!;
    const connections = suite.server.stats().totalConnections;
    subscription.unsubscribe();
    await suite.server.waitFor(() => run.outcome === 'discarded', 5_000);
    await suite.server.waitFor((s) => s.stats().activeStreams === 0 && s.stats().openTransactions === 0, 5_000);
    expect(run.recordsSent).toBeLessThan(500);
    const afterRun = suite.server.messages.filter(
      (m) => m.connectionId === run.connectionId && m.receivedAt >= run.receivedAt
    );
    expect(afterRun.map((m) => m.type)).toEqual(expect.arrayContaining(['DISCARD', 'ROLLBACK']));
    expect(afterRun.map((m) => m.type)).not.toContain('RESET');

    const next = await runQuery(ds, [{ cypher: 'RETURN 5 AS five', format: 'table' }]);
    expect(next.errors).toBeUndefined();
    expect(next.data[0].fields[0].values).toEqual([5]);
    expect(suite.server.lastRun?.connectionId).toBe(run.connectionId);
    expect(suite.server.stats().totalConnections).toBe(connections);
  });
});
