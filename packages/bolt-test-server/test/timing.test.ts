// Delays, transaction timeouts, hangs and disconnects: what a datasource must survive, through the driver.
import neo4j, { type Driver } from 'neo4j-driver';
import { startBoltTestServer, type BoltTestServer } from '../src';
import { CHANNELS, openDriver, type Channel } from '@opentruss/bolt-testing';

const QUERY = 'MATCH (e:Element) RETURN e.id AS id';
const rows = (count: number) => Array.from({ length: count }, (_, i) => [`el-${i + 1}`]);

let server: BoltTestServer;

beforeEach(async () => {
  server = await startBoltTestServer();
});

afterEach(async () => {
  await server.stop();
});

async function elapsed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

describe.each(CHANNELS)('over %s', (channel: Channel) => {
  let driver: Driver;

  beforeEach(() => {
    driver = openDriver(channel, server.url, 'u', 'p', { fetchSize: 2 });
  });

  afterEach(async () => {
    await driver.close();
  });

  it('waits delayMs before answering the RUN', async () => {
    server.addResponder({ match: QUERY, fields: ['id'], records: rows(1), delayMs: 250 });
    const { ms, result } = await elapsed(() => driver.executeQuery(QUERY));
    expect(result.records.map((r) => r.get('id'))).toEqual(['el-1']);
    expect(ms).toBeGreaterThanOrEqual(245);
  });

  it('waits batchDelayMs before each PULL after the first', async () => {
    server.addResponder({ match: QUERY, fields: ['id'], records: rows(6), batchDelayMs: 120 });
    const { ms, result } = await elapsed(() => driver.executeQuery(QUERY));
    expect(result.records.map((r) => r.get('id'))).toEqual(['el-1', 'el-2', 'el-3', 'el-4', 'el-5', 'el-6']);
    const pulls = server.messages.filter((m) => m.type === 'PULL');
    expect(pulls.map((m) => (m.fields[0] as { n: unknown }).n)).toEqual([neo4j.int(2), neo4j.int(2), neo4j.int(2)]);
    expect(ms).toBeGreaterThanOrEqual(2 * 115);
  });

  it('fails a RUN still delaying past tx_timeout with Memgraph’s transient timeout error', async () => {
    server.addResponder({ match: QUERY, fields: ['id'], records: rows(1), delayMs: 5000 });
    const session = driver.session();
    try {
      const { ms } = await elapsed(() =>
        expect(session.run(QUERY, {}, { timeout: 200 })).rejects.toMatchObject({
          code: 'Memgraph.TransientError.MemgraphError.MemgraphError',
          message: 'Transaction was asked to abort because of transaction timeout.',
        })
      );
      expect(ms).toBeLessThan(2000);
    } finally {
      await session.close();
    }
    expect(server.lastRun).toMatchObject({ outcome: 'timed_out', extra: { tx_timeout: neo4j.int(200) } });
  });

  it('fails a stream still going past tx_timeout, between batches', async () => {
    // The first batch answers at once; the second waits 3 s, far past the 500 ms timeout.
    server.addResponder({ match: QUERY, fields: ['id'], records: rows(10), batchDelayMs: 3000 });
    const session = driver.session();
    const received: string[] = [];
    try {
      await expect(
        (async () => {
          for await (const record of session.run(QUERY, {}, { timeout: 500 })) {
            received.push(record.get('id'));
          }
        })()
      ).rejects.toMatchObject({ code: 'Memgraph.TransientError.MemgraphError.MemgraphError' });
    } finally {
      await session.close();
    }
    expect(received).toEqual(['el-1', 'el-2']);
    expect(server.lastRun).toMatchObject({ outcome: 'timed_out', recordsSent: 2 });
  });

  it('counts an explicit transaction’s timeout from BEGIN (executeRead, which retries it)', async () => {
    server.addResponder({ match: QUERY, fields: ['id'], records: rows(1), delayMs: 400 });
    const retryingDriver = openDriver(channel, server.url, 'u', 'p', { maxTransactionRetryTime: 300 });
    const session = retryingDriver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      await expect(session.executeRead((tx) => tx.run(QUERY), { timeout: 100 })).rejects.toMatchObject({
        code: 'Memgraph.TransientError.MemgraphError.MemgraphError',
      });
    } finally {
      await session.close();
      await retryingDriver.close();
    }
    const timedOut = server.runs.filter((r) => r.outcome === 'timed_out');
    expect(timedOut.length).toBeGreaterThanOrEqual(2); // the first attempt and at least one retry
    expect(timedOut[0]).toMatchObject({ explicitTransaction: true, extra: { mode: 'r', tx_timeout: neo4j.int(100) } });
  });

  it('disconnects in the middle of a stream after disconnectAfterRecords', async () => {
    server.addResponder({ match: QUERY, fields: ['id'], records: rows(10), disconnectAfterRecords: 3 });
    const session = driver.session({ fetchSize: 1000 });
    const received: string[] = [];
    try {
      await expect(
        (async () => {
          for await (const record of session.run(QUERY)) {
            received.push(record.get('id'));
          }
        })()
      ).rejects.toMatchObject({ code: expect.stringMatching(/ServiceUnavailable|SessionExpired/) });
    } finally {
      await session.close();
    }
    expect(received).toEqual(['el-1', 'el-2', 'el-3']);
    expect(server.lastRun).toMatchObject({ outcome: 'disconnected', recordsSent: 3 });
    await server.waitFor((s) => s.stats().openConnections === 0);
  });

  it('hangs until the client gives up, and the client’s close ends it', async () => {
    server.addResponder({ match: QUERY, fields: ['id'], records: rows(1), hang: true });
    const session = driver.session();
    const pending = session.run(QUERY, {}, { timeout: 50 }).then(
      () => 'answered',
      () => 'failed'
    );
    const winner = await Promise.race([pending, new Promise((resolve) => setTimeout(() => resolve('client timeout'), 400))]);
    expect(winner).toBe('client timeout'); // not even tx_timeout rescues a hang
    expect(server.lastRun).toMatchObject({ outcome: 'streaming', recordsSent: 0 });
    expect(server.stats().activeStreams).toBe(1);
    await driver.close();
    await server.waitFor((s) => s.lastRun?.outcome === 'disconnected' && s.stats().activeStreams === 0);
    // (neo4j-driver leaves the abandoned run's promise pending forever; nothing to await there.)
  });
});
