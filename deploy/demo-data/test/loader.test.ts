import neo4j from 'neo4j-driver';
import { startBoltTestServer, type BoltTestServer, type RunRecord } from '@opentruss/bolt-test-server';
import { RECOMMENDED_INDEXES, createIndexStatement, generateDemoGraph, indexStatements } from '@opentruss/opentruss-graph';
import { ANCHOR_QUERY, COMPLETE_QUERY, loadDemoData, readDemoDataConfig, type DemoDataConfig } from '../src';
import { memgraphResponders, type AnchorState } from './memgraph-double';

const FIRST_NOW = new Date('2026-11-20T08:00:00.000Z');
const NODE_STATEMENT = /^UNWIND \$rows AS row MERGE \(n:(\w+) \{id: row\.id\}\) SET n \+= row\.props$/;
const RELATIONSHIP_STATEMENT = /^UNWIND \$rows AS row MATCH \(a:\w+ \{id: row\.start\}\) MATCH \(b:\w+ \{id: row\.end\}\) MERGE \(a\)-\[:\w+\]->\(b\)$/;

let server: BoltTestServer;
let state: AnchorState;
let logs: string[];

const config = (overrides: Partial<DemoDataConfig> = {}): DemoDataConfig => ({
  ...readDemoDataConfig({ MEMGRAPH_URL: server.url, DEMO_DATA_BATCH_SIZE: '50', MEMGRAPH_WAIT_INTERVAL_MS: '50' }, FIRST_NOW),
  ...overrides,
});
const load = (overrides: Partial<DemoDataConfig> = {}) => loadDemoData(config(overrides), (line) => logs.push(line));
const batches = () => server.runs.filter((r) => r.query.startsWith('UNWIND'));
const rowsOf = (runs: RunRecord[]) => runs.flatMap((r) => r.parameters.rows as Array<Record<string, unknown>>);

beforeEach(async () => {
  state = {};
  logs = [];
  server = await startBoltTestServer({ responders: memgraphResponders(state) });
});
afterEach(() => server.stop());

describe('demo-data loader against the Bolt test server', () => {
  it('creates the ops manual indexes first, each in auto-commit, before any data', async () => {
    await expect(load()).resolves.toBe('loaded');
    const queries = server.runs.map((r) => r.query);
    expect(queries[0]).toBe('RETURN 1 AS ok');
    const indexRuns = server.runs.slice(1, 1 + indexStatements().length);
    expect(indexRuns.map((r) => r.query)).toEqual(indexStatements().map((s) => s.cypher));
    expect(indexRuns.slice(0, 4).map((r) => r.query)).toEqual(RECOMMENDED_INDEXES.map(createIndexStatement));
    expect(indexRuns.every((r) => !r.explicitTransaction && r.outcome === 'completed')).toBe(true);
    expect(queries.indexOf(ANCHOR_QUERY)).toBe(1 + indexStatements().length);
    expect(queries.at(-1)).toBe(COMPLETE_QUERY);
  });

  it('loads the whole demo graph in parameterised, batched MERGEs inside write transactions', async () => {
    await load();
    const graph = generateDemoGraph({ preset: 'small', now: FIRST_NOW });
    const nodeRuns = batches().filter((r) => NODE_STATEMENT.test(r.query));
    const relationshipRuns = batches().filter((r) => RELATIONSHIP_STATEMENT.test(r.query));
    expect(nodeRuns.length + relationshipRuns.length).toBe(batches().length); // no other statement shape
    expect(batches().every((r) => r.explicitTransaction && r.extra.mode !== 'r' && r.outcome === 'completed')).toBe(true);
    expect(batches().every((r) => (r.parameters.rows as unknown[]).length <= 50)).toBe(true);
    expect(nodeRuns.length).toBeGreaterThan(graph.nodes.length / 50);

    expect(rowsOf(nodeRuns).map((row) => row.id).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    expect(rowsOf(relationshipRuns)).toHaveLength(graph.relationships.length);
    // Values travel as parameters, never as text: no node id appears in any statement.
    const someIds = graph.nodes.filter((_, i) => i % 25 === 0).map((n) => n.id);
    for (const run of batches()) {
      expect(someIds.some((id) => run.query.includes(id))).toBe(false);
    }
    expect(logs).toContain('Demo graph loaded');
  });

  it('sends the generator values with their Bolt types (integers as Integer, timestamps as temporal values)', async () => {
    await load();
    const props = rowsOf(batches().filter((r) => r.query.includes('MERGE (n:InspectionLot'))).map((row) => row.props as Record<string, unknown>);
    expect(props.length).toBeGreaterThan(10);
    const createdAt = props.map((p) => p.created_at);
    expect(createdAt.some((v) => typeof v === 'string')).toBe(true); // ISO strings, as the rule engine writes them
    expect(createdAt.some((v) => neo4j.isLocalDateTime(v))).toBe(true);
  });

  it('is idempotent: a later run finds the completed load and changes nothing', async () => {
    await load();
    const firstRunCount = server.runs.length;
    await expect(load({ now: new Date('2026-12-24T00:00:00Z') })).resolves.toBe('already-loaded');
    const secondRun = server.runs.slice(firstRunCount);
    expect(secondRun.map((r) => r.query)).toEqual(['RETURN 1 AS ok', ...indexStatements().map((s) => s.cypher), ANCHOR_QUERY]);
    expect(logs.at(-1)).toMatch(/already loaded at .*nothing to do/);
  });

  it('completes an interrupted load with the recorded date, so the MERGEs hit the same ids', async () => {
    const recordedNow = '2026-10-01T00:00:00.000Z';
    state.anchor = { preset: 'small', seed: neo4j.int(config().seed), now: recordedNow };
    await expect(load()).resolves.toBe('loaded');
    const ids = rowsOf(batches().filter((r) => NODE_STATEMENT.test(r.query))).map((row) => row.id as string);
    expect(ids.sort()).toEqual(generateDemoGraph({ now: recordedNow }).nodes.map((n) => n.id).sort());
    expect(ids).not.toEqual(generateDemoGraph({ now: FIRST_NOW }).nodes.map((n) => n.id).sort());
  });

  it('refuses to load a different size on top of a recorded one, and says how to proceed', async () => {
    state.anchor = { preset: 'capacity-now', seed: neo4j.int(config().seed), now: FIRST_NOW.toISOString() };
    await expect(load()).rejects.toThrow(/already holds the demo graph "capacity-now".*DEMO_DATA_SIZE=small.*DETACH DELETE/);
    expect(batches()).toHaveLength(0);
  });

  it('names the failing batch and stops when Memgraph rejects it', async () => {
    server.addResponder({
      match: /MERGE \(n:Element /,
      failure: { code: 'Memgraph.ClientError.MemgraphError.MemgraphError', message: 'Memory limit exceeded!' },
    });
    await expect(load()).rejects.toThrow(/Batch \d+\/\d+ \(UNWIND \$rows AS row MERGE \(n:Element .*failed: Memory limit exceeded!/);
    expect(state.completedAt).toBeUndefined();
  });

  it('tolerates indexes that already exist and reports any other index failure', async () => {
    server.addResponder({ match: 'CREATE INDEX ON :Element(id);', failure: { code: 'Memgraph.ClientError.MemgraphError.MemgraphError', message: 'Index already exists.' } });
    await expect(load()).resolves.toBe('loaded');
    server.addResponder({ match: 'CREATE INDEX ON :Level(id);', failure: { code: 'Memgraph.ClientError.MemgraphError.MemgraphError', message: 'Storage mode forbids it.' } });
    state.completedAt = undefined;
    await expect(load()).rejects.toThrow('CREATE INDEX ON :Level(id); failed: Storage mode forbids it.');
  });
});
