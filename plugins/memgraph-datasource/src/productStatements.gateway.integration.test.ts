/** @jest-environment node */
// Every statement the product itself sends passes the real Bolt gateway and gets exactly the answer a direct
// connection gets, over the real neo4j-driver on TCP and on WebSocket; what reaches "Memgraph" (the Bolt test
// server) through the gateway is the checker's canonical text with the gateway's QUERY MEMORY LIMIT, never the
// text as sent.
import { checkReadQuery } from '@opentruss/cypher';
import { startBoltGateway, type BoltGateway } from '@opentruss/bolt-gateway';
import { CHANNELS, openDriver } from '@opentruss/bolt-testing';
import { startBoltTestServer, type BoltTestServer } from '@opentruss/bolt-test-server';
import neo4j, { type Driver } from 'neo4j-driver';

import { productStatements } from './testing/productStatements';

const MEMGRAPH = { user: 'memgraph-admin', password: 'mg-secret' };
const VIEWER = { user: 'viewer', password: 'viewer-secret' };
const MEMORY_LIMIT_MB = 1024;
const STATEMENTS = productStatements();

let server: BoltTestServer;
let gateway: BoltGateway;

beforeAll(async () => {
  server = await startBoltTestServer({ users: { [MEMGRAPH.user]: MEMGRAPH.password } });
  // One exact-text responder per statement, keyed by the text the product sends, with rows only it returns (the
  // exporter sends some dashboard texts too: the later responder answers both, directly and through the gateway).
  STATEMENTS.forEach(({ source, text }, i) => {
    server.addResponder({ name: source, match: text, fields: ['source', 'i'], records: [[source, neo4j.int(i)]] });
  });
  gateway = await startBoltGateway({
    upstream: { host: '127.0.0.1', port: server.port, ...MEMGRAPH, connectTimeoutMs: 2000 },
    viewers: { users: `${VIEWER.user}:${VIEWER.password}` },
    limits: { queryMemoryLimitMb: MEMORY_LIMIT_MB },
    processMetrics: false,
    log: () => undefined,
  });
});

afterAll(async () => {
  await gateway?.stop();
  await server?.stop();
});

async function rowsOf(driver: Driver, text: string, parameters: Record<string, unknown>): Promise<unknown[]> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(text, parameters);
    return result.records.map((record) => record.toObject());
  } finally {
    await session.close();
  }
}

it('the list covers every kind of statement the product sends', () => {
  const kinds = new Set(STATEMENTS.map(({ source }) => source.split(':')[0]));
  expect([...kinds].sort()).toEqual(['catalogue', 'exporter', 'health', 'index-advisor', 'macro-example', 'schema']);
});

describe.each(CHANNELS)('over %s', (channel) => {
  let direct: Driver;
  let viaGateway: Driver;

  beforeAll(() => {
    direct = openDriver(channel, server.url, MEMGRAPH.user, MEMGRAPH.password);
    viaGateway = openDriver(channel, gateway.url, VIEWER.user, VIEWER.password);
  });

  afterAll(async () => {
    await direct.close();
    await viaGateway.close();
  });

  it.each(STATEMENTS.map((statement) => [statement.source, statement] as const))(
    '%s: same rows as direct; Memgraph receives the canonical text',
    async (_source, { text, parameters }) => {
      const directRows = await rowsOf(direct, text, parameters);
      expect(server.lastRun?.query).toBe(text);

      const gatewayRows = await rowsOf(viaGateway, text, parameters);
      const checked = checkReadQuery(text, { queryMemoryLimitMb: MEMORY_LIMIT_MB });
      if (!checked.ok) {
        throw new Error(`${_source} refused: ${checked.refusal.reason}`);
      }
      const [sentDirect, received] = server.runs.slice(-2);
      expect(received.query).toBe(checked.canonical);
      if (checked.kind === 'read') {
        expect(received.query).toMatch(new RegExp(` QUERY MEMORY LIMIT ${MEMORY_LIMIT_MB} MB$`));
      }
      // The responder that answered the text as the product sends it answered its canonical text too.
      expect(sentDirect.responder).toBeDefined();
      expect(received.responder).toBe(sentDirect.responder);
      expect(received.parameters).toEqual(sentDirect.parameters);
      expect(gatewayRows).toEqual(directRows);
      expect(directRows).toHaveLength(1);
    }
  );
});
