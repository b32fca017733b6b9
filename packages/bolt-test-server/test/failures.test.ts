// FAILURE, IGNORED and RESET as Memgraph answers them, the errors a test setup can make, and the messages
// that make Memgraph close a connection.
import neo4j, { type Driver } from 'neo4j-driver';
import { startBoltTestServer, type BoltTestServer } from '../src';
import { requestTags as tags, responseTags as responses } from '@opentruss/bolt-protocol';
import { CHANNELS, openDriver, type Channel, connectReady, DRIVER6_VERSIONS, handshake, message, RawBoltClient } from '@opentruss/bolt-testing';

const OK = 'RETURN 1 AS n';

let server: BoltTestServer;

beforeEach(async () => {
  server = await startBoltTestServer({ responders: [{ match: OK, fields: ['n'], records: [[neo4j.int(1)]] }] });
});

afterEach(async () => {
  await server.stop();
});

describe('FAILURE → IGNORED → RESET, on the wire', () => {
  it('ignores everything after a failure until RESET, then answers again', async () => {
    const client = await connectReady(server.port);
    client.send(
      Buffer.concat([
        message(tags.RUN, 'MATCH (x) RETURN nothing', {}, {}),
        message(tags.PULL, { n: neo4j.int(-1) }),
        message(tags.RUN, OK, {}, {}),
        message(tags.PULL, { n: neo4j.int(-1) }),
      ])
    );
    const failure = await client.readMessage();
    expect(failure.tag).toBe(responses.FAILURE);
    expect(failure.fields[0]).toEqual({
      code: 'Memgraph.ClientError.MemgraphError.MemgraphError',
      message: expect.stringContaining('MATCH (x) RETURN nothing'),
    });
    for (let i = 0; i < 3; i++) {
      expect((await client.readMessage()).tag).toBe(responses.IGNORED);
    }
    expect(server.runs.map((r) => [r.query, r.outcome])).toEqual([
      ['MATCH (x) RETURN nothing', 'failed'],
      [OK, 'ignored'],
    ]);

    client.send(Buffer.from([0x00, 0x02, 0xb0, 0x0f, 0x00, 0x00])); // RESET, as the Bolt docs spell it
    const reset = await client.readMessage();
    expect(reset.tag).toBe(responses.SUCCESS);
    expect(reset.fields[0]).toEqual({});

    client.send(Buffer.concat([message(tags.RUN, OK, {}, {}), message(tags.PULL, { n: neo4j.int(-1) })]));
    expect((await client.readMessage()).fields[0]).toEqual({ fields: ['n'] });
    expect((await client.readMessage()).fields[0]).toEqual([neo4j.int(1)]);
    expect((await client.readMessage()).fields[0]).toMatchObject({ has_more: false });
    expect(server.lastRun?.outcome).toBe('completed');
    client.destroy();
  });

  it('marks a result that RESET interrupts as reset', async () => {
    server.addResponder({ match: 'UNWIND range(1, 5) AS i RETURN i', fields: ['i'], records: [[1.0], [2.0], [3.0], [4.0], [5.0]] });
    const client = await connectReady(server.port);
    client.send(Buffer.concat([message(tags.RUN, 'UNWIND range(1, 5) AS i RETURN i', {}, {}), message(tags.PULL, { n: neo4j.int(2) })]));
    await client.readMessage(); // fields
    await client.readMessage();
    await client.readMessage();
    expect((await client.readMessage()).fields[0]).toEqual({ has_more: true });
    expect(server.stats().activeStreams).toBe(1);
    client.send(message(tags.RESET));
    expect((await client.readMessage()).tag).toBe(responses.SUCCESS);
    expect(server.lastRun).toMatchObject({ outcome: 'reset', recordsSent: 2 });
    expect(server.stats().activeStreams).toBe(0);
    client.destroy();
  });

  it('answers ROUTE like a Memgraph 3.12 that is not part of a cluster, then ignores until RESET', async () => {
    const client = await connectReady(server.port);
    client.send(message(0x66, {}, [], { db: null }));
    expect((await client.readMessage()).fields[0]).toEqual({
      code: 'Memgraph.TransientError.MemgraphError.MemgraphError',
      message: 'You cannot fetch routing table from an instance which is not part of a cluster.',
    });
    client.send(message(tags.RUN, OK, {}, {}));
    expect((await client.readMessage()).tag).toBe(responses.IGNORED);
    client.destroy();
  });
});

describe('messages that make Memgraph close the connection', () => {
  async function expectClosed(bytes: Buffer, reason: RegExp): Promise<void> {
    const client = await connectReady(server.port);
    client.send(bytes);
    await client.waitForClose();
    const connection = server.connections[server.connections.length - 1];
    await server.waitFor(() => !connection.open);
    expect(connection.closeReason).toMatch(reason);
  }

  it('RUN while a result is still open', () =>
    expectClosed(
      Buffer.concat([message(tags.RUN, OK, {}, {}), message(tags.RUN, OK, {}, {})]),
      /RUN while a result is still open/
    ));

  it('PULL with nothing to pull', () => expectClosed(message(tags.PULL, { n: neo4j.int(-1) }), /PULL without an open result/));

  it('an unknown message tag', () => expectClosed(message(0x77), /unknown message tag 0x77/));

  it('a parameter that is not PackStream', () =>
    expectClosed(
      // RUN "x" {p: <struct with the unknown tag 0x01>} {}
      Buffer.from([0x00, 0x0b, 0xb3, 0x10, 0x81, 0x78, 0xa1, 0x81, 0x70, 0xb1, 0x01, 0x01, 0xa0, 0x00, 0x00]),
      /malformed message: unknown structure tag 0x1/
    ));

  it('GOODBYE', () => expectClosed(message(0x02), /GOODBYE/));

  it('a HELLO without user_agent (Memgraph requires one on Bolt 5)', async () => {
    const client = await RawBoltClient.connect(server.port);
    client.send(Buffer.concat([handshake(DRIVER6_VERSIONS), message(tags.HELLO, { scheme: 'none' })]));
    await client.waitForClose();
    await server.waitFor((s) => s.connections.some((c) => c.closeReason === 'HELLO without user_agent'));
  });
});

describe.each(CHANNELS)('errors through the driver over %s', (channel: Channel) => {
  let driver: Driver;

  beforeEach(() => {
    driver = openDriver(channel, server.url);
  });

  afterEach(async () => {
    await driver.close();
  });

  it('names an unmatched query in a Memgraph client error, and the connection recovers', async () => {
    const query = 'MATCH (l:InspectionLot) WHERE l.status = $status RETURN count(l)';
    await expect(driver.executeQuery(query, { status: 'APPROVED' })).rejects.toMatchObject({
      code: 'Memgraph.ClientError.MemgraphError.MemgraphError',
      message: expect.stringContaining(query),
    });
    const { records } = await driver.executeQuery(OK);
    expect(records[0].get('n').toNumber()).toBe(1);
    expect(server.stats().totalConnections).toBe(1); // the same connection, after the driver's RESET
    expect(server.messages.map((m) => m.type)).toContain('RESET');
  });

  it('passes a responder failure through with its code and message', async () => {
    server.addResponder({
      match: /^MATCH \(n\) RETURN n\.missing/,
      failure: { code: 'Memgraph.ClientError.MemgraphError.MemgraphError', message: "Invalid types: null and int for '<'." },
    });
    await expect(driver.executeQuery('MATCH (n) RETURN n.missing < 1')).rejects.toMatchObject({
      code: 'Memgraph.ClientError.MemgraphError.MemgraphError',
      message: "Invalid types: null and int for '<'.",
    });
    expect(server.lastRun).toMatchObject({ outcome: 'failed', failure: { message: "Invalid types: null and int for '<'." } });
  });

  it('lets executeRead retry a transient error, answered once (times: 1)', async () => {
    server.addResponder({ match: OK, times: 1, failure: { code: 'Memgraph.TransientError.MemgraphError.MemgraphError', message: 'Cannot resolve conflicting transactions.' } });
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const value = await session.executeRead(async (tx) => (await tx.run(OK)).records[0].get('n').toNumber());
      expect(value).toBe(1);
    } finally {
      await session.close();
    }
    expect(server.runs.map((r) => r.outcome)).toEqual(['failed', 'completed']);
  });

  it('reports a row of the wrong width with the responder, the row and the fields', async () => {
    server.addResponder({ name: 'bad rows', match: OK, fields: ['n'], records: [[1.0], [2.0, 'extra']] });
    await expect(driver.executeQuery(OK)).rejects.toMatchObject({
      code: 'Memgraph.DatabaseError.MemgraphError.MemgraphError',
      message: expect.stringMatching(/"bad rows": row 2 must be an array of 1 value\(s\) for fields \[n\], got 2 value\(s\)/),
    });
  });

  it('reports a value Bolt cannot carry, with a hint', async () => {
    server.addResponder({ name: 'js dates', match: OK, fields: ['n'], records: [[new Date(0)]] });
    await expect(driver.executeQuery(OK)).rejects.toMatchObject({
      message: expect.stringMatching(/"js dates", row 1, field "n": a Date cannot be sent over Bolt: use neo4j\.types\.DateTime\.fromStandardDate/),
    });
  });

  it('reports a generator that throws', async () => {
    server.addResponder({
      name: 'broken generator',
      match: OK,
      fields: ['n'],
      *records() {
        yield [1.0];
        throw new Error('disk on fire');
      },
    });
    await expect(driver.executeQuery(OK)).rejects.toMatchObject({
      message: expect.stringContaining('"broken generator" failed producing records: disk on fire'),
    });
  });
});

describe('responders checked when added', () => {
  it.each([
    ['no match', { fields: ['n'] }, /`match` must be/],
    ['both fields and failure', { match: 'x', fields: ['n'], failure: { code: 'c', message: 'm' } }, /either `fields`/],
    ['neither', { match: 'x' }, /either `fields`/],
    ['a bad failure', { match: 'x', failure: { code: 1 } }, /`failure` must be/],
    ['a negative delay', { match: 'x', fields: [], delayMs: -1 }, /`delayMs` must be a number ≥ 0/],
  ])('refuses %s', (_name, responder, error) => {
    expect(() => server.addResponder(responder as never)).toThrow(error);
  });
});

describe('a silent host: accepts connections, never answers', () => {
  it('answers neither the Bolt handshake nor a WebSocket upgrade, counts the connections, and recovers', async () => {
    server.setSilent(true);
    const raw = await RawBoltClient.connect(server.port);
    raw.send(handshake(DRIVER6_VERSIONS));
    await server.waitFor((s) => s.stats().unansweredConnections === 1);
    await expect(raw.readBytes(1, 300)).rejects.toThrow();
    expect(server.stats()).toMatchObject({ totalConnections: 0, openConnections: 0 });

    // Over WebSocket the upgrade is never answered, so the browser driver's connection timeout applies: one attempt.
    const started = Date.now();
    const ws = openDriver('websocket', server.url, 'tester', 'secret', { connectionTimeout: 500 });
    const session = ws.session(); // not executeQuery: its retries would make more attempts
    await expect(session.run(OK)).rejects.toMatchObject({ message: 'Failed to establish connection in 500ms' });
    await session.close();
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(server.stats().unansweredConnections).toBe(2);
    await ws.close();

    server.setSilent(false);
    const tcp = openDriver('tcp', server.url);
    expect((await tcp.executeQuery(OK)).records[0].get('n')).toEqual(neo4j.int(1));
    await tcp.close();
    raw.destroy();
  });
});
