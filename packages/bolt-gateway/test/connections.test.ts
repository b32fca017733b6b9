// Logins, broken clients and a broken upstream: each problem ends that connection only, with Memgraph's answer
// where Memgraph has one, and the gateway keeps serving everyone else.
import net from 'node:net';
import { gatewayErrorCodes } from '@opentruss/contract';
import neo4j, { type Driver } from 'neo4j-driver';
import { requestTags as tags, responseTags as responses } from '@opentruss/bolt-protocol';
import {
  CHANNELS,
  DRIVER6_VERSIONS,
  handshake,
  message,
  openDriver,
  RawBoltClient,
  type Channel,
} from '@opentruss/bolt-testing';
import {
  eventually,
  MEMGRAPH_PASSWORD,
  MEMGRAPH_USER,
  startStack,
  VIEWER,
  VIEWER_TOKEN,
  type Stack,
} from './support/stack';

const QUERY = 'MATCH (l:InspectionLot) RETURN count(l) AS n';

async function count(driver: Driver): Promise<number> {
  const { records } = await driver.executeQuery(QUERY);
  return neo4j.integer.toNumber(records[0].get('n'));
}

/** One attempt, no retry (executeQuery retries transient failures for 30 s). */
async function countOnce(driver: Driver): Promise<number> {
  const session = driver.session();
  try {
    const { records } = await session.run(QUERY);
    return neo4j.integer.toNumber(records[0].get('n'));
  } finally {
    await session.close();
  }
}

function errorOf(promise: Promise<unknown>): Promise<{ code?: string; message: string } | undefined> {
  return promise.then(
    () => undefined,
    (error: { code?: string; message: string }) => error
  );
}

describe.each(CHANNELS)('logins over %s', (channel: Channel) => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ responders: [{ match: QUERY, fields: ['n'], records: [[neo4j.int(12)]] }] });
  });

  afterAll(() => stack.stop());

  it('lets a viewer read with a password or a bearer token', async () => {
    const byPassword = openDriver(channel, stack.gateway.url, VIEWER.user, VIEWER.password);
    const module = channel === 'tcp' ? neo4j : (await import('@opentruss/bolt-testing')).browserNeo4j();
    const byToken = module.driver(stack.gateway.url, module.auth.bearer(VIEWER_TOKEN));
    try {
      expect(await count(byPassword)).toBe(12);
      expect(await count(byToken)).toBe(12);
    } finally {
      await byPassword.close();
      await byToken.close();
    }
  });

  it.each([
    ['a wrong viewer password', VIEWER.user, 'wrong'],
    ['an unknown viewer', 'nobody', VIEWER.password],
    ["Memgraph's own credential (it is not a viewer credential)", MEMGRAPH_USER, MEMGRAPH_PASSWORD],
  ])('answers %s as the gateway: Unauthenticated, and opens nothing upstream', async (_name, user, password) => {
    const upstreamBefore = stack.server.stats().totalConnections;
    const driver = openDriver(channel, stack.gateway.url, user, password);
    try {
      const error = await errorOf(count(driver));
      expect(error).toMatchObject({
        code: gatewayErrorCodes.viewerUnauthenticated,
        message: expect.stringMatching(
          /^Authentication failure: the Bolt gateway does not accept this viewer credential .*BOLT_GATEWAY_VIEWERS/
        ),
      });
    } finally {
      await driver.close();
    }
    expect(stack.server.stats().totalConnections).toBe(upstreamBefore);
  });

  it('never logs a credential', () => {
    const logged = JSON.stringify(stack.logs);
    for (const secret of [MEMGRAPH_PASSWORD, VIEWER.password, VIEWER_TOKEN]) {
      expect(logged).not.toContain(secret);
    }
  });
});

describe('broken clients close only their own connection', () => {
  let stack: Stack;
  let driver: Driver;

  beforeAll(async () => {
    stack = await startStack(
      { responders: [{ match: QUERY, fields: ['n'], records: [[neo4j.int(12)]] }] },
      { handshakeTimeoutMs: 300, maxMessageBytes: 64 * 1024 }
    );
    driver = openDriver('tcp', stack.gateway.url, VIEWER.user, VIEWER.password);
    expect(await count(driver)).toBe(12);
  });

  afterAll(async () => {
    await driver.close();
    await stack.stop();
  });

  async function loggedIn(): Promise<RawBoltClient> {
    const client = await RawBoltClient.connect(stack.gateway.port);
    client.send(handshake(DRIVER6_VERSIONS));
    await client.readBytes(4);
    client.startMessages();
    client.send(
      Buffer.concat([
        message(tags.HELLO, { user_agent: 'raw/1' }),
        message(tags.LOGON, { scheme: 'basic', principal: VIEWER.user, credentials: VIEWER.password }),
      ])
    );
    expect((await client.readMessage()).tag).toBe(responses.SUCCESS);
    expect((await client.readMessage()).tag).toBe(responses.SUCCESS);
    return client;
  }

  it.each([
    ['bytes that are not PackStream', Buffer.from([0x00, 0x03, 0xb1, 0x10, 0xe7, 0x00, 0x00])],
    ['an unknown message type', Buffer.from([0x00, 0x02, 0xb0, 0x55, 0x00, 0x00])],
    ['a message over the size limit', Buffer.concat([message(tags.RUN, 'RETURN $x', { x: 'x'.repeat(70_000) }, {})])],
  ])('%s', async (_name, bytes) => {
    const client = await loggedIn();
    const runsBefore = stack.server.runs.length;
    client.send(bytes);
    await client.waitForClose();
    expect(stack.server.runs.length).toBe(runsBefore);
    expect(await count(driver)).toBe(12);
  });

  it('drops a half-open handshake and a client that never says which transport', async () => {
    const halfOpen = await RawBoltClient.connect(stack.gateway.port);
    halfOpen.send(handshake(DRIVER6_VERSIONS).subarray(0, 10));
    const silent = await RawBoltClient.connect(stack.gateway.port);
    silent.send(Buffer.from([0x60]));
    const noLogin = await RawBoltClient.connect(stack.gateway.port);
    noLogin.send(handshake(DRIVER6_VERSIONS));
    await Promise.all([halfOpen.waitForClose(2000), silent.waitForClose(2000), noLogin.waitForClose(2000)]);
    expect(await count(driver)).toBe(12);
  });

  it('answers plain HTTP on the Bolt port with 426', async () => {
    const response = await fetch(`http://127.0.0.1:${stack.gateway.port}/`);
    expect(response.status).toBe(426);
  });
});

describe('an upstream that goes away', () => {
  it('fails clearly while Memgraph is down, and recovers when it is back, without a gateway restart', async () => {
    const stack = await startStack({ responders: [{ match: QUERY, fields: ['n'], records: [[neo4j.int(12)]] }] });
    const driver = openDriver('tcp', stack.gateway.url, VIEWER.user, VIEWER.password);
    try {
      expect(await count(driver)).toBe(12);
      const upstreamUp = async () => (await stack.gateway.metrics.upstreamUp.get()).values[0]?.value;
      expect(await upstreamUp()).toBe(1);
      await stack.server.stop();
      // Probed at scrape time: MemgraphDown sees a dead Memgraph with no client connected.
      expect(await upstreamUp()).toBe(0);
      // The pooled connection died with Memgraph (one failure of its own); the next one cannot log in upstream.
      let error = await errorOf(countOnce(driver));
      if (error && !/unreachable/.test(error.message)) {
        error = await errorOf(countOnce(driver));
      }
      expect(error?.message).toMatch(/^Bolt gateway: Memgraph at 127\.0\.0\.1:\d+ is unreachable \(ECONNREFUSED\)/);
      expect(error?.code).toBe(gatewayErrorCodes.memgraphUnreachable);
      expect(error?.message).toMatch(/retry once it is back/);
      await stack.server.restart();
      expect(await upstreamUp()).toBe(1);
      stack.server.addResponder({ match: QUERY, fields: ['n'], records: [[neo4j.int(13)]] });
      expect(await countOnce(driver)).toBe(13);
      const failures = (await stack.gateway.metrics.upstreamFailures.get()).values;
      expect(failures.find((v) => v.labels.reason === 'unreachable')?.value).toBeGreaterThan(0);
      // A restart in the middle of a session: that connection ends (at most one failed query), the next works.
      await stack.server.restart();
      stack.server.addResponder({ match: QUERY, fields: ['n'], records: [[neo4j.int(14)]] });
      const first = await errorOf(countOnce(driver));
      expect(first === undefined || /closed|ServiceUnavailable|Connection/i.test(first.message)).toBe(true);
      expect(await countOnce(driver)).toBe(14);
      await eventually(() => stack.gateway.connectionCount() <= 1, 'closed client connections released');
    } finally {
      await driver.close();
      await stack.stop();
    }
  }, 20_000);

  it("says that the gateway's settings are wrong when Memgraph refuses the gateway's own credential", async () => {
    const stack = await startStack({}, {}, {});
    await stack.gateway.stop();
    const { startBoltGateway } = await import('../src');
    const logs: Array<{ event: string; fields: Record<string, unknown> }> = [];
    const gateway = await startBoltGateway({
      upstream: { host: '127.0.0.1', port: stack.server.port, user: MEMGRAPH_USER, password: 'not-the-password' },
      viewers: { users: `${VIEWER.user}:${VIEWER.password}` },
      processMetrics: false,
      log: (event, fields) => logs.push({ event, fields }),
    });
    const driver = openDriver('tcp', gateway.url, VIEWER.user, VIEWER.password);
    try {
      const error = await errorOf(countOnce(driver));
      expect(error?.code).toBe(gatewayErrorCodes.misconfigured);
      expect(error?.message).toMatch(
        /^Bolt gateway: Memgraph at 127\.0\.0\.1:\d+ refused the gateway's login \(Authentication failure\)\. The gateway's own settings are wrong, not your credential: BOLT_GATEWAY_MEMGRAPH_USER and BOLT_GATEWAY_MEMGRAPH_PASSWORD/
      );
      expect(error?.message).not.toMatch(/once Memgraph is back/);
      expect(error?.message).not.toContain('not-the-password');
      const logged = logs.find((line) => line.event === 'upstream_failed');
      expect(logged?.fields).toMatchObject({ reason: 'login', message: error?.message });
      expect(JSON.stringify(logs)).not.toContain('not-the-password');
      const failures = (await gateway.metrics.upstreamFailures.get()).values;
      expect(failures.find((v) => v.labels.reason === 'login')?.value).toBe(1);
    } finally {
      await driver.close();
      await gateway.stop();
      await stack.server.stop();
    }
  });

  it('names BOLT_GATEWAY_UPSTREAM when what answers there is not Bolt', async () => {
    const notBolt = net.createServer((socket) =>
      socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'))
    );
    await new Promise<void>((resolve) => notBolt.listen(0, '127.0.0.1', resolve));
    const { startBoltGateway } = await import('../src');
    const gateway = await startBoltGateway({
      upstream: { host: '127.0.0.1', port: (notBolt.address() as net.AddressInfo).port },
      viewers: { users: `${VIEWER.user}:${VIEWER.password}` },
      processMetrics: false,
      log: () => undefined,
    });
    const driver = openDriver('tcp', gateway.url, VIEWER.user, VIEWER.password);
    try {
      const error = await errorOf(countOnce(driver));
      expect(error?.code).toBe(gatewayErrorCodes.misconfigured);
      expect(error?.message).toMatch(
        /does not speak Bolt 5\.2 \(answered 48545450\)\. The gateway's BOLT_GATEWAY_UPSTREAM setting/
      );
    } finally {
      await driver.close();
      await gateway.stop();
      await new Promise((resolve) => notBolt.close(resolve));
    }
  });
});

it('a socket that connects and closes at once costs nothing', async () => {
  const stack = await startStack();
  try {
    await new Promise<void>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port: stack.gateway.port }, () => socket.destroy());
      socket.on('close', () => resolve());
    });
    await eventually(() => stack.gateway.connectionCount() === 0, 'no session left');
  } finally {
    await stack.stop();
  }
});
