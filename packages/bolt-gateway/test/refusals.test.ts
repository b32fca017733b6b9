// Read-only by construction: every class of write is answered by the gateway with a Memgraph-shaped FAILURE that
// names the clause, and the server behind it records nothing. Transactions and auto-commit runs reach it in READ mode.
import { gatewayErrorCodes } from '@opentruss/contract';
import neo4j, { type Driver, type Neo4jError, type Session } from 'neo4j-driver';
import { requestTags as tags, responseTags as responses } from '@opentruss/bolt-protocol';
import {
  CHANNELS,
  connectReady,
  message,
  openDriver,
  type Channel,
} from '@opentruss/bolt-testing';
import { checkReadQuery } from '@opentruss/cypher';
import { DEFAULT_LIMITS } from '../src';
import { startStack, VIEWER, type Stack } from './support/stack';

/** A WRITE-mode session (the driver's default access mode), closed afterwards. */
async function withSession<T>(driver: Driver, work: (session: Session) => Promise<T>): Promise<T> {
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}

const WRITES: Array<[string, string]> = [
  ['CREATE (n:Element {id: 1})', 'CREATE'],
  ["MERGE (n:Element {id: '1'}) RETURN n", 'MERGE'],
  ['MATCH (n) SET n.status = 1', 'SET'],
  ['MATCH (n) DELETE n', 'DELETE'],
  ['MATCH (n) DETACH DELETE n', 'DETACH DELETE'],
  ['MATCH (n) REMOVE n:Element', 'REMOVE'],
  ['MATCH (n) FOREACH (x IN [1] | SET n.a = x)', 'FOREACH'],
  ['CREATE INDEX ON :Element(id)', 'CREATE INDEX ON'],
  ['DROP INDEX ON :Element(id)', 'DROP INDEX ON'],
  ['CREATE CONSTRAINT ON (n:Element) ASSERT n.id IS UNIQUE', 'CREATE CONSTRAINT ON'],
  ['CREATE TRIGGER t ON CREATE BEFORE COMMIT EXECUTE CREATE (:X)', 'CREATE TRIGGER'],
  ["LOAD CSV FROM '/x.csv' WITH HEADER AS row CREATE (:X)", 'LOAD CSV'],
  ["CALL create.node(['A'], {}) YIELD node RETURN node", 'CALL create.node'],
  ['CALL my_module.do_something() YIELD x RETURN x', 'CALL my_module.do_something'],
  ['MATCH (n) CALL { WITH n CREATE (m:Copy) } RETURN n', 'CREATE'],
  ['// just a comment\nMATCH (n) /* and another */ DETACH DELETE n', 'DETACH DELETE'],
  ['MATCH (n)\u00A0DETACH\u2003DELETE n', 'DETACH DELETE'],
  ['STORAGE\x1CMODE IN_MEMORY_ANALYTICAL', 'STORAGE MODE IN_MEMORY_ANALYTICAL'],
  ["CREATE USER intruder IDENTIFIED BY 'x'", 'CREATE USER'],
  ["SET PASSWORD FOR viewer TO 'y'", 'SET PASSWORD FOR'],
  ['SHOW USERS', 'SHOW USERS'],
  ['CREATE KAFKA STREAM s TOPICS t TRANSFORM m.f', 'CREATE KAFKA STREAM'],
  ['CREATE SNAPSHOT', 'CREATE SNAPSHOT'],
  ['FREE MEMORY', 'FREE MEMORY'],
  ["TERMINATE TRANSACTIONS '1'", 'TERMINATE TRANSACTIONS'],
  ['SET DATABASE SETTING "query.timeout" TO "0"', 'SET DATABASE SETTING'],
];

describe.each(CHANNELS)('refusals over %s', (channel: Channel) => {
  let stack: Stack;
  let driver: Driver;

  beforeAll(async () => {
    stack = await startStack({ responders: [{ match: /.*/s, fields: ['x'], records: [[neo4j.int(1)]] }] });
    driver = openDriver(channel, stack.gateway.url, VIEWER.user, VIEWER.password);
  });

  afterAll(async () => {
    await driver.close();
    await stack.stop();
  });

  it.each(WRITES)('%s is refused naming %s, in auto-commit and in a transaction', async (query, clause) => {
    const runsBefore = stack.server.runs.length;
    for (const attempt of [
      () => withSession(driver, (s) => s.run(query).then((r) => r.records)),
      () => driver.executeQuery(query),
      () => withSession(driver, (s) => s.executeWrite((tx) => tx.run(query))),
    ]) {
      const error = await attempt().then(
        () => undefined,
        (e: unknown) => e
      );
      // The browser bundle has its own Neo4jError class: compare by name.
      expect((error as Error)?.constructor.name).toBe('Neo4jError');
      expect((error as Neo4jError).code).toBe(gatewayErrorCodes.refused);
      expect((error as Neo4jError).message).toContain(`(${clause})`);
      expect((error as Neo4jError).message).toMatch(/^Refused by the Bolt gateway: /);
    }
    expect(stack.server.runs.length).toBe(runsBefore);
  });

  it('sends a BEGIN that asked for write mode as READ, and auto-commit runs as READ', async () => {
    await withSession(driver, (s) => s.executeWrite((tx) => tx.run('MATCH (n) RETURN n')));
    const begin = [...stack.server.messages].reverse().find((m) => m.type === 'BEGIN');
    expect((begin?.fields[0] as Record<string, unknown>).mode).toBe('r');
    expect(stack.server.lastRun?.extra.mode).toBe('r');
    await withSession(driver, (s) => s.run('MATCH (n) RETURN n').then((r) => r.records));
    expect(stack.server.lastRun?.explicitTransaction).toBe(false);
    expect(stack.server.lastRun?.extra.mode).toBe('r');
  });

  it('caps the transaction timeout at the gateway limit', async () => {
    await driver.executeQuery('MATCH (n) RETURN n', {}, { transactionConfig: { timeout: 10 * 60_000 } });
    expect(neo4j.integer.toNumber(stack.server.lastRun?.extra.tx_timeout as never)).toBe(60_000);
  });

  it('counts refusals by reason', async () => {
    const values = (await stack.gateway.metrics.refusals.get()).values;
    const count = (reason: string) => values.find((v) => v.labels.reason === reason)?.value ?? 0;
    expect(count('write')).toBeGreaterThan(0);
    expect(count('admin')).toBeGreaterThan(0);
    expect(count('procedure')).toBeGreaterThan(0);
  });
});

it('answers pipelined messages behind a refused one with IGNORED until RESET, as Memgraph does', async () => {
  const stack = await startStack({
    responders: [{ match: 'MATCH (n) RETURN n', fields: ['n'], records: [[neo4j.int(7)]] }],
  });
  try {
    const client = await connectReady(stack.gateway.port, {
      scheme: 'basic',
      principal: VIEWER.user,
      credentials: VIEWER.password,
    });
    const all = { n: neo4j.int(-1) };
    client.send(
      Buffer.concat([
        message(tags.RUN, 'MATCH (n) RETURN n', {}, {}),
        message(tags.PULL, all),
        message(tags.RUN, 'CREATE (x)', {}, {}),
        message(tags.PULL, all),
        message(tags.RUN, 'MATCH (n) RETURN n', {}, {}),
        message(tags.PULL, all),
        message(tags.RESET),
        message(tags.RUN, 'MATCH (n) RETURN n', {}, {}),
        message(tags.PULL, all),
      ])
    );
    const answers: number[] = [];
    for (let i = 0; i < 11; i++) {
      answers.push((await client.readMessage()).tag);
    }
    const { SUCCESS, RECORD, FAILURE, IGNORED } = responses;
    expect(answers).toEqual([
      SUCCESS,
      RECORD,
      SUCCESS,
      FAILURE,
      IGNORED,
      IGNORED,
      IGNORED,
      SUCCESS,
      SUCCESS,
      RECORD,
      SUCCESS,
    ]);
    // What Memgraph receives is the checker's canonical text (canonical.test.ts), once per accepted RUN.
    const checked = checkReadQuery('MATCH (n) RETURN n', { queryMemoryLimitMb: DEFAULT_LIMITS.queryMemoryLimitMb });
    const canonical = checked.ok ? checked.canonical : 'refused';
    expect(stack.server.runs.map((r) => r.query)).toEqual([canonical, canonical]);
    client.destroy();
  } finally {
    await stack.stop();
  }
});
