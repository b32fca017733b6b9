// Results stream through without piling up in the gateway, cancellation reaches Memgraph, and the limits hold:
// queries per connection, connections per client address, with nothing left behind when clients go.
import net from 'node:net';
import neo4j from 'neo4j-driver';
import { requestTags as tags, responseTags as responses } from '@opentruss/bolt-protocol';
import {
  connectReady,
  DRIVER6_VERSIONS,
  handshake,
  message,
  openDriver,
  CHANNELS,
  type Channel,
} from '@opentruss/bolt-testing';
import { eventually, startStack, VIEWER, type Stack } from './support/stack';

const STREAM = 'UNWIND range(1, $rows) AS i RETURN i, i * 2 AS j';
const LOGIN = { scheme: 'basic', principal: VIEWER.user, credentials: VIEWER.password };

function* rows(count: number): Generator<unknown[]> {
  for (let i = 1; i <= count; i++) {
    yield [neo4j.int(i), `row ${i} ${'x'.repeat(40)}`];
  }
}

describe.each(CHANNELS)('streams over %s', (channel: Channel) => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({
      responders: [
        {
          match: STREAM,
          fields: ['i', 'j'],
          records: ({ parameters }) => rows(neo4j.integer.toNumber(parameters.rows as never)),
        },
      ],
    });
  });

  afterAll(() => stack.stop());

  it('streams 200,000 rows in order, every one of them', async () => {
    const driver = openDriver(channel, stack.gateway.url, VIEWER.user, VIEWER.password);
    try {
      let expected = 1;
      const session = driver.session();
      await new Promise<void>((resolve, reject) => {
        session.run(STREAM, { rows: neo4j.int(200_000) }).subscribe({
          onNext: (record) => {
            if (neo4j.integer.toNumber(record.get('i')) !== expected++) {
              reject(new Error(`row ${expected - 1} out of order`));
            }
          },
          onCompleted: () => resolve(),
          onError: reject,
        });
      });
      await session.close();
      expect(expected - 1).toBe(200_000);
    } finally {
      await driver.close();
    }
  }, 30_000);

  it('passes a cancellation mid-stream on to Memgraph', async () => {
    const driver = openDriver(channel, stack.gateway.url, VIEWER.user, VIEWER.password, { fetchSize: 100 });
    const before = stack.server.runs.length;
    try {
      const session = driver.session();
      const result = session.run(STREAM, { rows: neo4j.int(1_000_000) });
      let seen = 0;
      await new Promise<void>((resolve) => {
        result.subscribe({
          onNext: () => {
            if (++seen === 250) {
              resolve();
            }
          },
        });
      });
      await session.close(); // the driver DISCARDs or RESETs what is left
      await stack.server.waitFor((s) => s.runs.length > before && s.runs[before].outcome !== 'streaming');
      expect(['discarded', 'reset']).toContain(stack.server.runs[before].outcome);
      expect(stack.server.runs[before].recordsSent).toBeLessThan(10_000);
    } finally {
      await driver.close();
    }
  });
});

it('stops reading Memgraph while the client does not read (back-pressure), and cancels when the client goes', async () => {
  const stack = await startStack({
    responders: [{ match: STREAM, fields: ['i', 'j'], records: () => rows(Number.MAX_SAFE_INTEGER) }],
  });
  try {
    const client = await connectReady(stack.gateway.port, LOGIN);
    const socket = (client as unknown as { socket: net.Socket }).socket;
    socket.pause(); // a client that asked for everything and reads nothing
    client.send(
      Buffer.concat([message(tags.RUN, STREAM, { rows: neo4j.int(0) }, {}), message(tags.PULL, { n: neo4j.int(-1) })])
    );
    await eventually(() => (stack.server.lastRun?.recordsSent ?? 0) > 1000, 'the stream started');
    const heapBefore = process.memoryUsage().heapUsed;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const sentAt1s = stack.server.lastRun!.recordsSent;
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Stalled: the socket buffers on the way are full and nothing more is produced.
    expect(stack.server.lastRun!.recordsSent - sentAt1s).toBeLessThan(2000);
    expect(sentAt1s).toBeLessThan(400_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(32 * 1024 * 1024);
    client.destroy();
    await stack.server.waitFor((s) => s.lastRun?.outcome === 'disconnected');
    await eventually(() => stack.server.stats().openConnections === 0, 'upstream connection closed');
  } finally {
    await stack.stop();
  }
}, 20_000);

it('refuses a query beyond the per-connection limit, naming the setting', async () => {
  const stack = await startStack(
    { responders: [{ match: 'RETURN 1 AS one', fields: ['one'], records: [[neo4j.int(1)]], delayMs: 200 }] },
    { maxQueriesPerConnection: 2 }
  );
  try {
    const client = await connectReady(stack.gateway.port, LOGIN);
    const run = () => [message(tags.RUN, 'RETURN 1 AS one', {}, {}), message(tags.PULL, { n: neo4j.int(-1) })];
    client.send(Buffer.concat([...run(), ...run(), ...run()]));
    const answers = [];
    for (let i = 0; i < 8; i++) {
      answers.push(await client.readMessage());
    }
    const { SUCCESS, RECORD, FAILURE, IGNORED } = responses;
    expect(answers.map((a) => a.tag)).toEqual([SUCCESS, RECORD, SUCCESS, SUCCESS, RECORD, SUCCESS, FAILURE, IGNORED]);
    expect((answers[6].fields[0] as { message: string }).message).toContain('BOLT_GATEWAY_MAX_QUERIES_PER_CONNECTION');
    expect(stack.server.runs).toHaveLength(2);
    client.destroy();
  } finally {
    await stack.stop();
  }
});

it('caps 1,000 connections opened at once at the per-client limit, and leaks none of them', async () => {
  const stack = await startStack({}, { maxConnectionsPerClient: 100, maxConnections: 5000 });
  try {
    const heapBefore = process.memoryUsage().heapUsed;
    const outcomes = await Promise.all(Array.from({ length: 1000 }, () => loginOutcome(stack)));
    const accepted = outcomes.filter((o) => o.answer === 'SUCCESS');
    const refused = outcomes.filter((o) => o.answer === 'FAILURE');
    expect(accepted).toHaveLength(100);
    expect(refused).toHaveLength(900);
    expect(refused[0].message).toContain('BOLT_GATEWAY_MAX_CONNECTIONS_PER_CLIENT');
    expect(stack.server.stats().openConnections).toBe(100);
    accepted.forEach((o) => o.socket.destroy());
    await eventually(() => stack.gateway.connectionCount() === 0, 'every client connection released', 10_000);
    await eventually(() => stack.server.stats().openConnections === 0, 'every upstream connection released', 10_000);
    // The per-address count went back to zero: a new client gets in.
    expect((await loginOutcome(stack)).answer).toBe('SUCCESS');
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  } finally {
    await stack.stop();
  }
}, 60_000);

/** Handshake, HELLO and LOGON in one write; what the gateway answered to the login. */
function loginOutcome(stack: Stack): Promise<{ answer: string; message?: string; socket: net.Socket }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port: stack.gateway.port });
    let received = Buffer.alloc(0);
    socket.on('connect', () =>
      socket.write(
        Buffer.concat([
          handshake(DRIVER6_VERSIONS),
          message(tags.HELLO, { user_agent: 'flood/1' }),
          message(tags.LOGON, LOGIN),
        ])
      )
    );
    socket.on('data', (data) => {
      received = Buffer.concat([received, data]);
      // version (4) + first answer; the second answer decides: after HELLO's SUCCESS comes LOGON's, or a FAILURE.
      const text = received.toString('latin1');
      // Each answer: uint16 chunk size, struct marker, tag …
      if (received.length > 7 && received[7] === responses.FAILURE) {
        resolve({ answer: 'FAILURE', message: text, socket });
      } else if (received.length > 7) {
        const first = 4 + 2 + received.readUInt16BE(4) + 2;
        if (received.length > first + 3) {
          resolve({ answer: received[first + 3] === responses.SUCCESS ? 'SUCCESS' : 'FAILURE', message: text, socket });
        }
      }
    });
    socket.on('error', reject);
  });
}
