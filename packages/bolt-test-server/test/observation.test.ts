// What tests can observe and script: runs with their parameters and extras, messages, connections, stats,
// waitFor, responder precedence, lazy sources, DISCARD, summaries, and a restart between two queries.
import neo4j, { type Driver } from 'neo4j-driver';
import { startBoltTestServer, type BoltTestServer, type Row } from '../src';
import { CHANNELS, openDriver, type Channel } from '@opentruss/bolt-testing';

const LOTS = 'MATCH (l:InspectionLot) WHERE l.status = $status AND l.updated_at >= $from RETURN l.id AS id';

describe.each(CHANNELS)('over %s', (channel: Channel) => {
  let server: BoltTestServer;
  let driver: Driver;

  beforeEach(async () => {
    server = await startBoltTestServer({
      responders: [{ match: LOTS, fields: ['id'], records: [['lot-1'], ['lot-2']] }],
    });
    driver = openDriver(channel, server.url, 'grafana', 'pw', { fetchSize: 3 });
  });

  afterEach(async () => {
    await driver.close();
    await server.stop();
  });

  it('records the query text untouched and the variables as parameters', async () => {
    const injection = "APPROVED' OR 1=1 //";
    const from = new neo4j.types.DateTime(2024, 5, 1, 0, 0, 0, 0, 8 * 3600);
    await driver.executeQuery(LOTS, { status: injection, from }, { routing: neo4j.routing.READ, database: 'memgraph' });
    const run = server.lastRun!;
    expect(run.query).toBe(LOTS);
    expect(run.parameters.status).toBe(injection);
    expect(String(run.parameters.from)).toBe('2024-05-01T00:00:00+08:00');
    expect(run).toMatchObject({ explicitTransaction: true, outcome: 'completed', recordsSent: 2, transport: channel });
    expect(run.extra).toMatchObject({ mode: 'r', db: 'memgraph' });
    expect(run.responder?.match).toBe(LOTS);
  });

  it('records RUN extras of auto-commit queries: mode, tx_timeout, tx_metadata', async () => {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      await session.run(LOTS, { status: 'SUBMITTED', from: null }, { timeout: 3000, metadata: { panel: 'lots' } });
    } finally {
      await session.close();
    }
    expect(server.lastRun).toMatchObject({
      explicitTransaction: false,
      extra: { mode: 'r', tx_timeout: neo4j.int(3000), tx_metadata: { panel: 'lots' } },
    });
  });

  it('lists every message with its connection, and the connections', async () => {
    await driver.executeQuery(LOTS, { status: 'APPROVED', from: null });
    const types = server.messages.map((m) => m.type);
    expect(types.slice(0, 2)).toEqual(['HELLO', 'LOGON']);
    expect(types).toEqual(expect.arrayContaining(['BEGIN', 'RUN', 'PULL', 'COMMIT']));
    expect(new Set(server.messages.map((m) => m.connectionId))).toEqual(new Set(['bolt-1']));
    expect(server.connections).toEqual([
      expect.objectContaining({ connectionId: 'bolt-1', transport: channel, boltVersion: '5.2', userAgent: expect.stringMatching(/^neo4j-javascript\//), open: true }),
    ]);
  });

  it('counts open connections, streams and transactions', async () => {
    server.addResponder({ match: 'UNWIND range(1, 10) AS i RETURN i', fields: ['i'], records: Array.from({ length: 10 }, (_, i) => [i]) });
    const session = driver.session();
    const tx = await session.beginTransaction();
    try {
      await tx.run(LOTS, { status: 'APPROVED', from: null });
      expect(server.stats()).toEqual({
        openConnections: 1,
        activeStreams: 0,
        openTransactions: 1,
        totalConnections: 1,
        unansweredConnections: 0,
      });
      const result = tx.run('UNWIND range(1, 10) AS i RETURN i');
      await result.keys();
      await server.waitFor((s) => s.stats().activeStreams === 1);
      await result;
      expect(server.stats().activeStreams).toBe(0);
      await tx.commit();
    } finally {
      await session.close();
    }
    expect(server.stats()).toMatchObject({ openConnections: 1, openTransactions: 0 });
    expect(server.runs.map((r) => r.explicitTransaction)).toEqual([true, true]);
  });

  it('streams from a generator lazily, batch by batch as the driver pulls', async () => {
    let produced = 0;
    server.addResponder({
      match: 'UNWIND range(1, 10) AS i RETURN i',
      fields: ['i', 'square'],
      *records(): Generator<Row> {
        for (let i = 1; i <= 10; i++) {
          produced++;
          yield [BigInt(i), BigInt(i * i)];
        }
      },
    });
    const session = driver.session();
    try {
      const seen: number[] = [];
      for await (const record of session.run('UNWIND range(1, 10) AS i RETURN i')) {
        seen.push(record.get('square').toNumber());
        if (seen.length === 1) {
          // fetchSize 3: the first batch plus one row of look-ahead, no more
          expect(produced).toBeLessThanOrEqual(4);
        }
      }
      expect(seen).toEqual([1, 4, 9, 16, 25, 36, 49, 64, 81, 100]);
    } finally {
      await session.close();
    }
    expect(server.messages.filter((m) => m.type === 'PULL')).toHaveLength(4);
  });

  it('streams from an async generator, and hands the RUN to the records function', async () => {
    server.addResponder({
      match: (query) => query.startsWith('MATCH (e:Element '),
      fields: ['id', 'level'],
      async *records(run) {
        for (let i = 1; i <= 4; i++) {
          await new Promise((resolve) => setImmediate(resolve));
          yield [`el-${i}`, run.parameters.level];
        }
      },
    });
    const { records } = await driver.executeQuery('MATCH (e:Element {level_id: $level}) RETURN e', { level: 'L3' });
    expect(records.map((r) => [r.get('id'), r.get('level')])).toEqual([
      ['el-1', 'L3'],
      ['el-2', 'L3'],
      ['el-3', 'L3'],
      ['el-4', 'L3'],
    ]);
  });

  it('discards the rest of an endless stream without draining it', async () => {
    let produced = 0;
    server.addResponder({
      match: 'MATCH (n) RETURN n',
      fields: ['n'],
      *records() {
        for (;;) {
          produced++;
          yield [produced];
        }
      },
    });
    const session = driver.session();
    try {
      const result = session.run('MATCH (n) RETURN n');
      await result.keys();
      const summary = await result.summary();
      expect(summary.server.agent).toBe('Neo4j/v5.11.0 compatible graph database server - Memgraph');
    } finally {
      await session.close();
    }
    expect(server.messages.map((m) => m.type)).toContain('DISCARD');
    expect(server.lastRun).toMatchObject({ outcome: 'discarded' });
    expect(produced).toBeLessThan(10);
  });

  it('gives later responders precedence, honours times, and forgets all on clearResponders', async () => {
    server.addResponder({ match: /InspectionLot/, fields: ['id'], records: [['override']], times: 1 });
    const ids = async () => (await driver.executeQuery(LOTS, { status: 'x', from: null })).records.map((r) => r.get('id'));
    expect(await ids()).toEqual(['override']);
    expect(await ids()).toEqual(['lot-1', 'lot-2']);
    server.clearResponders();
    await expect(ids()).rejects.toMatchObject({ code: 'Memgraph.ClientError.MemgraphError.MemgraphError' });
  });

  it('matches with a predicate over the query and its parameters', async () => {
    server.addResponder({
      match: (query, parameters) => query === LOTS && parameters.status === 'PUBLISHED',
      fields: ['id'],
      records: [['published-lot']],
    });
    const ids = async (status: string) =>
      (await driver.executeQuery(LOTS, { status, from: null })).records.map((r) => r.get('id'));
    expect(await ids('PUBLISHED')).toEqual(['published-lot']);
    expect(await ids('APPROVED')).toEqual(['lot-1', 'lot-2']);
  });

  it('merges a responder summary into Memgraph’s final summary', async () => {
    server.addResponder({
      match: "CREATE (:Project {id: 'p-9'})",
      fields: [],
      summary: { type: 'w', stats: { 'nodes-created': neo4j.int(1), 'properties-set': neo4j.int(1) } },
    });
    const { summary } = await driver.executeQuery("CREATE (:Project {id: 'p-9'})");
    expect(summary.queryType).toBe('w');
    expect(summary.counters.updates().nodesCreated).toBe(1);
    expect(summary.counters.updates().propertiesSet).toBe(1);
  });

  it('survives a restart between two queries on the same port', async () => {
    const port = server.port;
    await driver.executeQuery(LOTS, { status: 'APPROVED', from: null });
    await server.restart();
    expect(server.port).toBe(port);
    expect(server.connections[0]).toMatchObject({ open: false, closeReason: 'server stopped' });
    const { records } = await driver.executeQuery(LOTS, { status: 'APPROVED', from: null });
    expect(records).toHaveLength(2);
    expect(server.stats().totalConnections).toBe(2);
    expect(server.lastRun?.connectionId).toBe('bolt-2');
  });
});

describe('waitFor', () => {
  it('resolves as soon as the condition holds and rejects with the stats after the timeout', async () => {
    const server = await startBoltTestServer();
    try {
      await expect(server.waitFor((s) => s.stats().totalConnections === 0, 100)).resolves.toBeUndefined();
      const start = Date.now();
      await expect(server.waitFor((s) => s.stats().totalConnections > 0, 150)).rejects.toThrow(
        /not met within 150 ms \(stats: \{"openConnections":0/
      );
      expect(Date.now() - start).toBeGreaterThanOrEqual(145);
    } finally {
      await server.stop();
    }
  });
});

describe('historyLimit', () => {
  it('keeps only about the latest runs and messages', async () => {
    const server = await startBoltTestServer({
      historyLimit: 10,
      responders: [{ match: /^RETURN \d+$/, fields: ['n'], records: [[1.0]] }],
    });
    const driver = openDriver('tcp', server.url);
    try {
      for (let i = 0; i < 30; i++) {
        await driver.executeQuery(`RETURN ${i}`);
      }
    } finally {
      await driver.close();
      await server.stop();
    }
    expect(server.runs.length).toBeGreaterThanOrEqual(10);
    expect(server.runs.length).toBeLessThanOrEqual(11);
    expect(server.lastRun?.query).toBe('RETURN 29');
    expect(server.messages.length).toBeLessThanOrEqual(11);
  });

  it('must be a positive integer', async () => {
    await expect(startBoltTestServer({ historyLimit: 0 })).rejects.toThrow(/historyLimit must be a positive integer/);
  });
});
