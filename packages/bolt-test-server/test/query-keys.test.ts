// How responders are looked up beyond the exact text: an exact-text key also answers its canonical text (what the
// Bolt gateway sends), a trailing QUERY MEMORY LIMIT is accepted as Memgraph accepts it, and a responder can need
// more memory than that limit allows — then the query fails at its first PULL with Memgraph's memory-limit error.
// What reaches the server is recorded exactly as it came.
import { checkReadQuery } from '@opentruss/cypher';
import { errorCodes } from '@opentruss/bolt-protocol';
import { openDriver } from '@opentruss/bolt-testing';
import neo4j, { type Driver, type Neo4jError } from 'neo4j-driver';
import { ResponderRegistry } from '../src/responders/registry';
import { startBoltTestServer, type BoltTestServer } from '../src';

const KEY = 'MATCH (l:InspectionLot)\n// by status\nRETURN l.status AS status, count(*) AS lots';

function canonicalOf(text: string, queryMemoryLimitMb?: number): string {
  const checked = checkReadQuery(text, { queryMemoryLimitMb });
  if (!checked.ok) {
    throw new Error(`refused: ${checked.refusal.reason}`);
  }
  return checked.canonical;
}

let server: BoltTestServer;
let driver: Driver;

beforeEach(async () => {
  server = await startBoltTestServer({
    responders: [
      { name: 'lots', match: KEY, fields: ['status', 'lots'], records: [['APPROVED', neo4j.int(12)]] },
      { name: 'anchored', match: /^RETURN 1$/, fields: ['one'], records: [[neo4j.int(1)]] },
      { name: 'heavy', match: 'MATCH (a), (b) RETURN count(*) AS n', fields: ['n'], records: [[neo4j.int(4)]], memoryMb: 512 },
    ],
  });
  driver = openDriver('tcp', server.url);
});

afterEach(async () => {
  await driver.close();
  await server.stop();
});

async function run(query: string): Promise<unknown[] | Neo4jError> {
  const session = driver.session();
  try {
    return (await session.run(query)).records.map((record) => record.toObject());
  } catch (error) {
    return error as Neo4jError;
  } finally {
    await session.close();
  }
}

it('answers an exact-text key for its canonical text, with or without a memory limit, and records what came', async () => {
  const rows = [{ status: 'APPROVED', lots: neo4j.int(12) }];
  const canonical = canonicalOf(KEY);
  const limited = canonicalOf(KEY, 256);
  expect(canonical).not.toBe(KEY);
  expect(limited).toBe(`${canonical} QUERY MEMORY LIMIT 256 MB`);
  for (const query of [KEY, canonical, limited, `${KEY} query memory limit 10 KB`]) {
    expect(await run(query)).toEqual(rows);
    expect(server.lastRun).toMatchObject({ query, responder: expect.objectContaining({ name: 'lots' }), outcome: 'completed' });
  }
});

it('matches nothing else by canonical text: another spelling of a different query stays unmatched', async () => {
  const error = (await run(canonicalOf('MATCH (l:InspectionLot) RETURN l.status AS status'))) as Neo4jError;
  expect(error.code).toBe(errorCodes.client);
  expect(server.lastRun?.responder).toBeUndefined();
});

it('refuses a second key with the same canonical text (they would answer the same gateway query), not a re-added key', () => {
  const registry = new ResponderRegistry();
  const responder = (name: string, match: string) => ({ name, match, fields: ['n'], records: [] });
  registry.add(responder('first', '// panel 1\nRETURN 1 AS n'));
  expect(() => registry.add(responder('second', '// panel 2\nRETURN 1 AS n'))).toThrow(
    /"second" and "first" have the same canonical text/
  );
  expect(() => registry.add(responder('canonical spelling', canonicalOf('RETURN 1 AS n')))).toThrow(/same canonical text/);
  // The same text again overrides the earlier responder, as a test's own responder overrides a fixture's.
  registry.add(responder('override', '// panel 1\nRETURN 1 AS n'));
  expect(registry.take(canonicalOf('RETURN 1 AS n'), {})?.name).toBe('override');
});

it('gives regular expressions and predicates the query without its trailing memory limit', async () => {
  expect(await run('RETURN 1 QUERY MEMORY LIMIT 100 MB')).toEqual([{ one: neo4j.int(1) }]);
  expect(await run('RETURN 1 QUERY MEMORY UNLIMITED')).toEqual([{ one: neo4j.int(1) }]);
  expect(server.lastRun?.query).toBe('RETURN 1 QUERY MEMORY UNLIMITED');
});

it('fails a query that needs more than its QUERY MEMORY LIMIT at the first PULL, in Memgraph\'s words', async () => {
  const error = (await run('MATCH (a), (b) RETURN count(*) AS n QUERY MEMORY LIMIT 256 MB')) as Neo4jError;
  expect(error.code).toBe(errorCodes.transient);
  expect(error.message).toBe(
    'Memory limit exceeded! Attempting to allocate a chunk of 1.00MiB which would put the current use to ' +
      '257.00MiB, while the maximum allowed size for allocation is set to 256.00MiB.'
  );
  expect(server.lastRun).toMatchObject({ outcome: 'failed', failure: { code: errorCodes.transient } });
  // Within the limit, or without one, it answers.
  expect(await run('MATCH (a), (b) RETURN count(*) AS n QUERY MEMORY LIMIT 1024 MB')).toEqual([{ n: neo4j.int(4) }]);
  expect(await run('MATCH (a), (b) RETURN count(*) AS n')).toEqual([{ n: neo4j.int(4) }]);
});
