/** @jest-environment node */
import '../testing/grafanaInNode';

import { startBoltTestServer, type BoltTestServer } from '@opentruss/bolt-test-server';

import { DriverRegistry } from './driverRegistry';
import { dataSource, runQuery } from '../testing/harness';

// What the built plugin runs in a browser: neo4j-driver's browser build, whose channel is a WebSocket.
jest.mock('neo4j-driver', () => jest.requireActual('neo4j-driver/lib/browser/neo4j-web.js'));

let server: BoltTestServer;
const registry = new DriverRegistry();

beforeAll(async () => {
  server = await startBoltTestServer();
});
afterAll(async () => {
  await registry.closeAll();
  await server.stop();
});

it('queries Memgraph over Bolt-over-WebSocket with the browser driver', async () => {
  const neo4j = jest.requireActual('neo4j-driver');
  server.addResponder({
    match: 'MATCH (l:InspectionLot) RETURN l.status AS status, count(*) AS lots',
    fields: ['status', 'lots'],
    records: [['APPROVED', neo4j.int(3)]],
  });
  const ds = dataSource({ url: server.url }, { registry });
  const response = await runQuery(ds, [
    { cypher: 'MATCH (l:InspectionLot) RETURN l.status AS status, count(*) AS lots', format: 'table' },
  ]);
  expect(response.errors).toBeUndefined();
  expect(response.data[0].fields.map((f: { values: unknown[] }) => f.values)).toEqual([['APPROVED'], [3]]);
  const connection = server.connections.find((c) => c.connectionId === server.lastRun!.connectionId)!;
  expect(connection.transport).toBe('websocket');
  expect(server.lastRun?.explicitTransaction).toBe(true);
});
