// Reads through the gateway are what Memgraph sent: every value type, on TCP and on WebSocket, compared with the
// same query sent straight to the server — and, on a raw socket, the answer bytes themselves.
import net from 'node:net';
import neo4j, { type Driver } from 'neo4j-driver';
import { Dechunker, requestTags as tags } from '@opentruss/bolt-protocol';
import {
  CHANNELS,
  DRIVER6_VERSIONS,
  handshake,
  message,
  normalize,
  openDriver,
  recordOnlyCases,
  scalarCases,
  type Channel,
} from '@opentruss/bolt-testing';
import { MEMGRAPH_PASSWORD, MEMGRAPH_USER, startStack, VIEWER, type Stack } from './support/stack';

const QUERY = 'RETURN $value AS value';

describe.each(CHANNELS)('reads over %s', (channel: Channel) => {
  let stack: Stack;
  let viaGateway: Driver;
  let direct: Driver;

  beforeAll(async () => {
    stack = await startStack();
    viaGateway = openDriver(channel, stack.gateway.url, VIEWER.user, VIEWER.password);
    direct = openDriver(channel, stack.server.url, MEMGRAPH_USER, MEMGRAPH_PASSWORD);
  });

  afterAll(async () => {
    await viaGateway.close();
    await direct.close();
    await stack.stop();
  });

  async function both(value: unknown): Promise<[unknown, unknown]> {
    stack.server.addResponder({ match: QUERY, fields: ['value'], records: [[value]] });
    const read = async (driver: Driver) =>
      (await driver.executeQuery(QUERY, {}, { routing: neo4j.routing.READ })).records[0].get('value');
    return [normalize(await read(viaGateway)), normalize(await read(direct))];
  }

  it('reaches the server on the channel under test, logged in with the Memgraph credential', async () => {
    await both(1);
    const viaGatewayConnection = stack.server.connections.find((c) =>
      c.userAgent?.startsWith('opentruss-bolt-gateway/')
    );
    expect(viaGatewayConnection?.principal).toBe(MEMGRAPH_USER);
    const gatewayTransport = (await stack.gateway.metrics.connections.get()).values.map((v) => v.labels.transport);
    expect(gatewayTransport).toContain(channel);
  });

  it.each([...scalarCases, ...recordOnlyCases])('%s comes back exactly as Memgraph sent it', async (_name, value) => {
    const [gateway, straight] = await both(value);
    expect(gateway).toEqual(straight);
  });

  it.each(scalarCases)('%s arrives upstream as a parameter exactly', async (_name, value) => {
    stack.server.addResponder({ match: QUERY, fields: ['value'], records: [[null]] });
    await viaGateway.executeQuery(QUERY, { value });
    expect(normalize(stack.server.lastRun?.parameters.value)).toEqual(normalize(value));
  });
});

/** Every message a raw client receives for RUN + PULL + GOODBYE after logging in, as raw bytes. */
async function rawAnswers(port: number, auth: Record<string, unknown>, query: string): Promise<Buffer[]> {
  const messages: Buffer[] = [];
  const dechunker = new Dechunker((bytes) => messages.push(bytes));
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.write(
        Buffer.concat([
          handshake(DRIVER6_VERSIONS),
          message(tags.HELLO, { user_agent: 'raw/1' }),
          message(tags.LOGON, auth),
          message(tags.RUN, query, {}, {}),
          message(tags.PULL, { n: neo4j.int(-1) }),
          message(tags.GOODBYE),
        ])
      );
    });
    let versionRead = false;
    socket.on('data', (data: Buffer) => {
      dechunker.write(versionRead ? data : data.subarray(4));
      versionRead = true;
    });
    socket.on('close', () => resolve());
    socket.on('error', reject);
  });
  return messages.slice(2); // the login answers name different connections
}

it('passes the answer bytes through untouched (raw socket, every value type in one row)', async () => {
  const stack = await startStack();
  try {
    const values = [...scalarCases, ...recordOnlyCases].map(([, value]) => value);
    const query = 'RETURN everything';
    stack.server.addResponder({ match: query, fields: values.map((_v, i) => `v${i}`), records: [values] });
    const direct = await rawAnswers(
      stack.server.port,
      { scheme: 'basic', principal: MEMGRAPH_USER, credentials: MEMGRAPH_PASSWORD },
      query
    );
    const gateway = await rawAnswers(
      stack.gateway.port,
      { scheme: 'basic', principal: VIEWER.user, credentials: VIEWER.password },
      query
    );
    expect(direct).toHaveLength(3); // fields, the record, the summary
    expect(gateway.map((b) => b.toString('hex'))).toEqual(direct.map((b) => b.toString('hex')));
  } finally {
    await stack.stop();
  }
});
