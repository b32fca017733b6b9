/** @jest-environment node */
import '../testing/grafanaInNode';

import { startBoltTestServerForSuite } from '../testing/boltTestServerSuite';
import { dataSource, runQuery } from '../testing/harness';

// What the built plugin runs in a browser: neo4j-driver's browser build, whose channel is a WebSocket.
jest.mock('neo4j-driver', () => jest.requireActual('neo4j-driver/lib/browser/neo4j-web.js'));

const suite = startBoltTestServerForSuite();

it('queries Memgraph over Bolt-over-WebSocket with the browser driver', async () => {
  const neo4j = jest.requireActual('neo4j-driver');
  suite.server.addResponder({
    match: 'MATCH (l:InspectionLot) RETURN l.status AS status, count(*) AS lots',
    fields: ['status', 'lots'],
    records: [['APPROVED', neo4j.int(3)]],
  });
  const ds = dataSource({ url: suite.server.url }, { registry: suite.registry });
  const response = await runQuery(ds, [
    { cypher: 'MATCH (l:InspectionLot) RETURN l.status AS status, count(*) AS lots', format: 'table' },
  ]);
  expect(response.errors).toBeUndefined();
  expect(response.data[0].fields.map((f: { values: unknown[] }) => f.values)).toEqual([['APPROVED'], [3]]);
  const connection = suite.server.connections.find((c) => c.connectionId === suite.server.lastRun!.connectionId)!;
  expect(connection.transport).toBe('websocket');
  expect(suite.server.lastRun?.explicitTransaction).toBe(true);
});
