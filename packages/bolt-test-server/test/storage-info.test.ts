// SHOW STORAGE INFO as Memgraph 3.12 answers it (PrepareSystemInfoQuery, src/query/interpreter.cpp at v3.12.0), read
// with the real neo4j-driver: the header, every row in Memgraph's order, sizes as GetReadableSize text; and inside
// an explicit transaction Memgraph's InfoInMulticommandTxException, at RUN. The expected rows are written out here
// from the C++ source, not derived from the module under test.
import neo4j, { type Driver } from 'neo4j-driver';
import { startBoltTestServer, storageInfoResponders, type BoltTestServer, type StorageFigures } from '../src';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const figures: StorageFigures = {
  memoryResBytes: 1.5 * GiB,
  peakMemoryResBytes: 2 * GiB,
  diskUsageBytes: 300 * MiB,
  memoryTrackedBytes: 1.25 * GiB,
  memoryLimitBytes: 7.2 * GiB,
  vertexCount: 400_000,
  edgeCount: 900_000,
  graphMemoryTrackedBytes: 1.125 * GiB,
};

let server: BoltTestServer;
let driver: Driver;

beforeEach(async () => {
  server = await startBoltTestServer({ responders: storageInfoResponders(() => figures) });
  driver = neo4j.driver(server.url, neo4j.auth.basic('', ''));
});

afterEach(async () => {
  await driver.close();
  await server.stop();
});

/** Auto-commit (session.run), as Memgraph requires; executeQuery would use a managed (explicit) transaction. */
const rowsOf = async (text: string) => {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const { records } = await session.run(text);
    const keys = records[0]?.keys;
    return { keys, rows: records.map((r) => [r.get(0), neo4j.isInt(r.get(1)) ? `int ${r.get(1)}` : r.get(1)]) };
  } finally {
    await session.close();
  }
};

it('SHOW STORAGE INFO: the instance rows, sizes as Memgraph prints them', async () => {
  const { keys, rows } = await rowsOf('SHOW STORAGE INFO');
  expect(keys).toEqual(['storage info', 'value']);
  expect(rows).toEqual([
    ['vm_max_map_count', 'int 65530'],
    ['memory_res', '1.50GiB'],
    ['peak_memory_res', '2.00GiB'],
    ['disk_usage', '300.00MiB'],
    ['memory_tracked', '1.25GiB'],
    ['memory_limit', '7.20GiB'],
    ['license_memory_limit', 'unlimited'],
    ['query+graph_memory_tracked', '1.12GiB'],
    ['vector_index_memory_tracked', '0B'],
    ['global_isolation_level', 'SNAPSHOT_ISOLATION'],
    ['session_isolation_level', ''],
    ['next_session_isolation_level', ''],
    ['global_storage_mode', 'IN_MEMORY_TRANSACTIONAL'],
  ]);
  expect(server.lastRun).toMatchObject({ explicitTransaction: false, outcome: 'completed' });
});

it('SHOW STORAGE INFO ON CURRENT DATABASE: the database rows', async () => {
  const { keys, rows } = await rowsOf('SHOW STORAGE INFO ON CURRENT DATABASE');
  expect(keys).toEqual(['storage info', 'value']);
  expect(rows.map(([name]) => name)).toEqual([
    'name',
    'database_uuid',
    'state',
    'storage_mode',
    'vertex_count',
    'edge_count',
    'average_degree',
    'unreleased_delta_objects',
    'disk_usage',
    'graph_memory_tracked',
    'query_memory_tracked',
    'vector_index_memory_tracked',
    'tenant_memory_tracked',
    'tenant_peak_memory_tracked',
    'tenant_memory_limit',
    'storage_isolation_level',
    'health',
  ]);
  const value = Object.fromEntries(rows);
  expect(value).toMatchObject({
    name: 'memgraph',
    state: 'HOT',
    vertex_count: 'int 400000',
    edge_count: 'int 900000',
    average_degree: 4.5,
    disk_usage: '300.00MiB',
    graph_memory_tracked: '1.12GiB',
    health: 'ready',
  });
});

it('refuses both inside an explicit transaction, with Memgraph’s text, at RUN', async () => {
  const refusal = {
    code: 'Memgraph.ClientError.MemgraphError.MemgraphError',
    message:
      'Storage information query is not allowed in multicommand transactions. A multicommand transaction, also known ' +
      'as an explicit transaction, groups multiple commands into a single atomic operation. Instead, please use an ' +
      'implicit transaction, also known as an auto committing transaction, in order to execute this particularquery. ' +
      'For more details, visit https://memgraph.com/docs',
  };
  for (const text of ['SHOW STORAGE INFO', 'SHOW STORAGE INFO ON CURRENT DATABASE']) {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      await expect(session.executeRead((tx) => tx.run(text))).rejects.toMatchObject(refusal);
    } finally {
      await session.close();
    }
    expect(server.lastRun).toMatchObject({ query: text, explicitTransaction: true, outcome: 'failed', recordsSent: 0 });
  }
});

it('rejects a responder whose autoCommitOnly is not a name', async () => {
  expect(() => server.addResponder({ match: 'SHOW X', fields: [], autoCommitOnly: '' })).toThrow(/autoCommitOnly/);
});
