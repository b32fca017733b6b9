/** @jest-environment node */
import '../testing/grafanaInNode';

import type { RunRecord } from '@opentruss/bolt-test-server';
import neo4j from 'neo4j-driver';
import { firstValueFrom } from 'rxjs';

import { ResultColumn } from '../model/resultColumn';
import { startBoltTestServerForSuite } from '../testing/boltTestServerSuite';
import { driverOptions } from './driverOptions';
import { runCypher, type RunOptions } from './runCypher';
import { resolveSettings } from './settings';

const int = neo4j.int;

const suite = startBoltTestServerForSuite();

let drivers = 0;
/** A driver of the test's own; with one connection, a follow-up query shows the connection a stream gave back. */
function newDriver(maxConnections?: number) {
  const settings = resolveSettings({ url: suite.server.url, maxConnections });
  return suite.registry.driverFor(`run-cypher-${++drivers}`, driverOptions(settings));
}
const oneConnectionDriver = () => newDriver(1);

const options = (overrides: Partial<RunOptions> = {}): RunOptions => ({
  maxRows: 10_000,
  fetchSize: 1_000,
  timeoutMs: 10_000,
  failureContext: { url: suite.server.url, username: '', queryTimeoutSeconds: 10, maxConnections: 1 },
  ...overrides,
});

const numbers = (count: number) => () =>
  (function* rows() {
    for (let i = 1; i <= count; i++) {
      yield [int(i)];
    }
  })();

/** The message types the server received on a run's connection from its RUN on (by position: times tie). */
function messagesSince(run: { connectionId: string; query: string }): string[] {
  const onConnection = suite.server.messages.filter((m) => m.connectionId === run.connectionId);
  const runs = onConnection.flatMap((m, index) => (m.type === 'RUN' && m.fields[0] === run.query ? [index] : []));
  const runAt = runs.length ? runs[runs.length - 1] : -1;
  expect(runAt).toBeGreaterThanOrEqual(0);
  return onConnection.slice(runAt).map((m) => m.type);
}

/**
 * Runs `text` on a one-connection driver and unsubscribes once the server's run of it satisfies `ready`; then waits
 * for the server to see the stream discarded (not reset) and nothing left open.
 */
async function unsubscribeOnceServerSees(
  text: string,
  overrides: Partial<RunOptions>,
  ready: (run: RunRecord) => boolean
) {
  const driver = oneConnectionDriver();
  const subscription = runCypher(driver, { text, parameters: {} }, options(overrides)).subscribe();
  await suite.server.waitFor((s) => s.lastRun?.query === text && ready(s.lastRun));
  const run = suite.server.lastRun!;
  subscription.unsubscribe();
  await suite.server.waitFor(() => run.outcome === 'discarded');
  await suite.server.waitFor((s) => s.stats().activeStreams === 0 && s.stats().openTransactions === 0);
  expect(messagesSince(run)).not.toContain('RESET');
  return { driver, run };
}

async function expectConnectionReusable(driver: ReturnType<typeof oneConnectionDriver>, connectionId: string) {
  suite.server.addResponder({ match: 'RETURN 1 AS one', fields: ['one'], records: [[int(1)]] });
  const next = await firstValueFrom(runCypher(driver, { text: 'RETURN 1 AS one', parameters: {} }, options()));
  expect(next.columns[0].values).toEqual([int(1)]);
  expect(suite.server.lastRun?.connectionId).toBe(connectionId);
}

describe('runCypher streams records into columns', () => {
  it('pulls batch after batch until the end, then rolls back', async () => {
    suite.server.addResponder({ match: 'UNWIND range(1, 2500) AS i RETURN i', fields: ['i'], records: numbers(2_500) });
    const result = await firstValueFrom(
      runCypher(newDriver(), { text: 'UNWIND range(1, 2500) AS i RETURN i', parameters: {} }, options())
    );
    expect(result.rowCount).toBe(2_500);
    expect(result.truncated).toBe(false);
    expect(result.columns[0].values.map(Number)).toEqual(Array.from({ length: 2_500 }, (_, i) => i + 1));
    const run = suite.server.lastRun!;
    expect(run).toMatchObject({ outcome: 'completed', recordsSent: 2_500, explicitTransaction: true });
    const types = messagesSince(run);
    expect(types.filter((t) => t === 'PULL')).toHaveLength(3);
    expect(types).toContain('ROLLBACK');
    await suite.server.waitFor((s) => s.stats().openTransactions === 0 && s.stats().activeStreams === 0);
  });

  it('exactly as many rows as the cap is not truncated', async () => {
    suite.server.addResponder({ match: 'UNWIND range(1, 5) AS i RETURN i', fields: ['i'], records: numbers(5) });
    const result = await firstValueFrom(
      runCypher(newDriver(), { text: 'UNWIND range(1, 5) AS i RETURN i', parameters: {} }, options({ maxRows: 5 }))
    );
    expect(result.truncated).toBe(false);
    expect(result.rowCount).toBe(5);
    expect(suite.server.lastRun?.outcome).toBe('completed');
  });

  it('an auto-commit (SHOW) result stops at the cap with DISCARD, without RESET', async () => {
    suite.server.addResponder({ match: 'SHOW NODE_LABELS INFO', fields: ['node labels'], records: numbers(1_000) });
    const driver = oneConnectionDriver();
    const result = await firstValueFrom(
      runCypher(
        driver,
        { text: 'SHOW NODE_LABELS INFO', parameters: {} },
        options({ maxRows: 5, fetchSize: 100, autoCommit: true })
      )
    );
    expect(result.truncated).toBe(true);
    expect(result.columns[0].values).toEqual([1, 2, 3, 4, 5].map((i) => int(i)));
    const run = suite.server.lastRun!;
    expect(run.explicitTransaction).toBe(false);
    await suite.server.waitFor(() => run.outcome === 'discarded');
    expect(run.recordsSent).toBeLessThanOrEqual(2 * 6); // the cap + 1 per pull; one more pull may have been in flight
    expect(messagesSince(run)).toContain('DISCARD');
    expect(messagesSince(run)).not.toContain('RESET');
    await expectConnectionReusable(driver, run.connectionId);
  });

  it('unsubscribing from an auto-commit stream discards the rest and gives the connection back', async () => {
    suite.server.addResponder({ match: 'SHOW STORAGE INFO', fields: ['i'], records: numbers(500), batchDelayMs: 300 });
    const { driver, run } = await unsubscribeOnceServerSees(
      'SHOW STORAGE INFO',
      { fetchSize: 10, autoCommit: true },
      (started) => started.recordsSent >= 10
    );
    expect(run.recordsSent).toBeLessThan(500);
    await expectConnectionReusable(driver, run.connectionId);
  });

  it('unsubscribing before the first record arrives stops after the batch pulled with the RUN', async () => {
    suite.server.addResponder({
      match: 'MATCH (e:Element) RETURN e.id',
      fields: ['e.id'],
      records: Array.from({ length: 100 }, (_, i) => [`E-${i}`]),
      delayMs: 300,
    });
    const { driver, run } = await unsubscribeOnceServerSees(
      'MATCH (e:Element) RETURN e.id',
      { fetchSize: 10 },
      () => true
    );
    expect(run.recordsSent).toBe(10);
    expect(messagesSince(run)).toEqual(expect.arrayContaining(['DISCARD', 'ROLLBACK']));
    await expectConnectionReusable(driver, run.connectionId);
  });

  it('a failure while collecting fails that query with a message, and the connection is reused', async () => {
    suite.server.addResponder({ match: 'UNWIND range(1, 50) AS i RETURN i', fields: ['i'], records: numbers(50) });
    const driver = oneConnectionDriver();
    const add = jest.spyOn(ResultColumn.prototype, 'add');
    add
      .mockImplementationOnce(() => undefined)
      .mockImplementationOnce(() => {
        throw new Error('cannot take this value');
      });
    try {
      await expect(
        firstValueFrom(runCypher(driver, { text: 'UNWIND range(1, 50) AS i RETURN i', parameters: {} }, options()))
      ).rejects.toThrow('The Memgraph query failed: cannot take this value.');
    } finally {
      add.mockRestore();
    }
    const run = suite.server.lastRun!;
    await suite.server.waitFor((s) => s.stats().activeStreams === 0 && s.stats().openTransactions === 0);
    await expectConnectionReusable(driver, run.connectionId);
  });
});
