/** @jest-environment node */
import '../testing/grafanaInNode';

import neo4j from 'neo4j-driver';

import { dataSource, runQuery } from '../testing/harness';
import { startBoltTestServerForSuite } from '../testing/boltTestServerSuite';

// Memgraph's refusal of a query over its QUERY MEMORY LIMIT (the Bolt gateway appends one to every query; a user
// may write one too) reaches the panel saying what happened and what to do — not "temporary problem, retry",
// although Memgraph sends it as a TransientError.
const suite = startBoltTestServerForSuite({ users: { viewer: 'secret' } });
const QUERY = 'MATCH (a:Element), (b:Element) RETURN count(*) AS pairs QUERY MEMORY LIMIT 64 MB';

it('a query over its memory limit: the panel says so, names the gateway setting, and advises a lighter query', async () => {
  suite.server.addResponder({ match: QUERY, fields: ['pairs'], records: [[neo4j.int(1)]], memoryMb: 100 });
  const settings = { url: suite.server.url, username: 'viewer', password: 'secret' };
  const response = await runQuery(dataSource(settings, { registry: suite.registry }), [{ cypher: QUERY, format: 'table' }]);
  expect(response.errors).toHaveLength(1);
  const message = response.errors![0].message!;
  expect(message).toMatch(/^Memgraph stopped the query: it needed more memory than one query may use \(Memory limit exceeded! /);
  expect(message).toContain('set to 64.00MiB');
  expect(message).toContain('BOLT_GATEWAY_QUERY_MEMORY_LIMIT_MB');
  expect(message).not.toMatch(/retry|Refresh/i);
  expect(suite.server.lastRun).toMatchObject({ query: QUERY, outcome: 'failed' });
});
