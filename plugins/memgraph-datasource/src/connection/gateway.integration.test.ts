/** @jest-environment node */
// The datasource behind the real Bolt gateway (the stack's way), with the Bolt test server standing in for Memgraph:
// each failure tells its source — the gateway (a refusal, its viewer credential, its own Memgraph settings) or
// Memgraph itself — and what fixes it.
import '../testing/grafanaInNode';

import { startBoltGateway, type BoltGateway } from '@opentruss/bolt-gateway';
import neo4j from 'neo4j-driver';

import { dataSource, runQuery } from '../testing/harness';
import { startBoltTestServerForSuite } from '../testing/boltTestServerSuite';

const MEMGRAPH_USER = 'memgraph-admin';
const MEMGRAPH_PASSWORD = 'memgraph-secret';
const VIEWERS = 'viewer:viewer-secret';

const suite = startBoltTestServerForSuite({ users: { [MEMGRAPH_USER]: MEMGRAPH_PASSWORD } });
const registry = suite.registry;
const gateways: BoltGateway[] = [];

afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.stop()));
});

async function gateway(memgraphPassword = MEMGRAPH_PASSWORD): Promise<BoltGateway> {
  const started = await startBoltGateway({
    upstream: { host: '127.0.0.1', port: suite.server.port, user: MEMGRAPH_USER, password: memgraphPassword },
    viewers: { users: VIEWERS },
    processMetrics: false,
    log: () => undefined,
  });
  gateways.push(started);
  return started;
}

async function errorOf(settings: Parameters<typeof dataSource>[0], cypher: string): Promise<string> {
  const response = await runQuery(dataSource(settings, { registry }), [{ cypher, format: 'table' }]);
  expect(response.data).toEqual([]);
  expect(response.errors).toHaveLength(1);
  return response.errors![0].message!;
}

describe('through the Bolt gateway, a failure names who answered', () => {
  it('a request the gateway refuses (a database chosen in the settings) is the gateway’s, and Memgraph sees nothing', async () => {
    const { url } = await gateway();
    suite.server.addResponder({ match: 'MATCH (n) RETURN count(n) AS c', fields: ['c'], records: [[neo4j.int(1)]] });
    const runsBefore = suite.server.runs.length;
    const message = await errorOf(
      { url, username: 'viewer', password: 'viewer-secret', database: 'tenant' },
      'MATCH (n) RETURN count(n) AS c'
    );
    expect(message).toMatch(/^Refused by the Bolt gateway: BEGIN asks for the database "tenant"/);
    expect(message).toContain('the datasource\'s "Database" setting empty');
    expect(message).not.toMatch(/Memgraph rejected/);
    expect(suite.server.runs.length).toBe(runsBefore);
    // Without the database, the same query runs.
    const ok = await runQuery(dataSource({ url, username: 'viewer', password: 'viewer-secret' }, { registry }), [
      { cypher: 'MATCH (n) RETURN count(n) AS c', format: 'table' },
    ]);
    expect(ok.errors).toBeUndefined();
  });

  it('a wrong viewer password is the gateway refusing its viewer credential', async () => {
    const { url } = await gateway();
    expect(await errorOf({ url, username: 'viewer', password: 'wrong' }, 'RETURN 1')).toBe(
      `The Bolt gateway at ${url} refused the credentials of user "viewer": it accepts only its viewer credentials. ` +
        "Check the username and password in the datasource settings against the gateway's BOLT_GATEWAY_VIEWERS."
    );
  });

  it("a wrong Memgraph password in the gateway's settings is a configuration error, not an outage", async () => {
    const { url } = await gateway('not-the-memgraph-password');
    const message = await errorOf({ url, username: 'viewer', password: 'viewer-secret' }, 'RETURN 1');
    expect(message).toMatch(/^Bolt gateway: Memgraph at 127\.0\.0\.1:\d+ refused the gateway's login/);
    expect(message).toContain('BOLT_GATEWAY_MEMGRAPH_USER and BOLT_GATEWAY_MEMGRAPH_PASSWORD');
    expect(message).not.toMatch(/once Memgraph is back|Memgraph refused the credentials of user "viewer"/);
  });

  it('an error Memgraph raises still reads as Memgraph’s', async () => {
    const { url } = await gateway();
    suite.server.addResponder({
      match: 'RETURN nope',
      failure: { code: 'Memgraph.ClientError.MemgraphError.MemgraphError', message: "Unbound variable: 'nope'." },
    });
    expect(await errorOf({ url, username: 'viewer', password: 'viewer-secret' }, 'RETURN nope')).toBe(
      "Memgraph rejected the query: Unbound variable: 'nope'."
    );
  });
});
