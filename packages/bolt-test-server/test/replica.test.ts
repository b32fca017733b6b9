// The server as a Memgraph REPLICA: a query whose responder declares a write (summary type w / rw, as Memgraph
// reports it) is refused with Memgraph 3.12's exact WriteQueryOnReplicaException; reads are answered as on MAIN.
import neo4j from 'neo4j-driver';
import { CHANNELS, openDriver } from '@opentruss/bolt-testing';
import { startBoltTestServer, type BoltTestServer } from '../src';

const WRITE = "CREATE (:Note {text: 'x'})";
const READ = 'MATCH (n) RETURN count(n) AS n';
const REFUSAL = {
  code: 'Memgraph.ClientError.MemgraphError.MemgraphError',
  message:
    'Write queries are forbidden on the replica instance. Replica instances accept only read queries, while the main ' +
    'instance accepts read and write queries. Please retry your query on the main instance.',
};

let server: BoltTestServer;

beforeEach(async () => {
  server = await startBoltTestServer({
    role: 'replica',
    responders: [
      { match: WRITE, fields: [], summary: { type: 'w', stats: { 'nodes-created': neo4j.int(1) } }, delayMs: 50 },
      { match: READ, fields: ['n'], records: [[neo4j.int(3)]] },
    ],
  });
});

afterEach(() => server.stop());

describe.each(CHANNELS)('over %s', (channel) => {
  it('refuses a write with Memgraph’s exact code and text, at RUN, and answers reads', async () => {
    const driver = openDriver(channel, server.url);
    try {
      await expect(driver.executeQuery(WRITE)).rejects.toMatchObject(REFUSAL);
      expect(server.lastRun).toMatchObject({ query: WRITE, outcome: 'failed', failure: REFUSAL, recordsSent: 0 });
      const { records } = await driver.executeQuery(READ, {}, { routing: neo4j.routing.READ });
      expect(records[0].get('n').toNumber()).toBe(3);
      expect(server.connections[0].transport).toBe(channel);
    } finally {
      await driver.close();
    }
  });
});

it('a MAIN runs the same write; setRole switches at once (a demotion or promotion done from outside)', async () => {
  const driver = openDriver('tcp', server.url);
  try {
    server.setRole('main');
    expect(server.role).toBe('main');
    const { summary } = await driver.executeQuery(WRITE);
    expect(summary.counters.updates().nodesCreated).toBe(1);
    server.setRole('replica');
    await expect(driver.executeQuery(WRITE)).rejects.toMatchObject(REFUSAL);
  } finally {
    await driver.close();
  }
});
