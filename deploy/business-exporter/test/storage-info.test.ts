// Memgraph's memory and storage from SHOW STORAGE INFO: the real neo4j-driver against the Bolt test server answering
// both statements as Memgraph 3.12 does (text sizes, refusal inside explicit transactions). Expected bytes are worked
// out by hand from the texts Memgraph prints; a missing row, a value that is not a size and a failing statement
// each cost only their own figures and never the business metrics.
import { startBoltTestServer, storageInfoResponders, type BoltTestServer, type StorageFigures } from '@opentruss/bolt-test-server';
import { generateDemoGraph } from '@opentruss/opentruss-graph';
import { METRIC_NAMES, startBusinessExporter, type BusinessExporter } from '../src';
import { catalogueResponders, scrape, testExporterOptions } from '../testing/catalogue-memgraph';

const graph = generateDemoGraph();
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const M = METRIC_NAMES.storage;

const FIGURES: StorageFigures = {
  memoryResBytes: 1.234 * GiB, // printed "1.23GiB"
  peakMemoryResBytes: 2 * GiB, // "2.00GiB"
  diskUsageBytes: 300.5 * MiB, // "300.50MiB"
  memoryTrackedBytes: 1000, // "1000B": exact below 1 KiB
  memoryLimitBytes: 7.2 * GiB, // "7.20GiB"
  vertexCount: 400_000,
  edgeCount: 900_000,
  graphMemoryTrackedBytes: 1.125 * GiB, // "1.12GiB": fmt rounds the exact tie to even
};

let server: BoltTestServer;
let exporter: BusinessExporter | undefined;
let logs: string[];

async function collected(responders = storageInfoResponders(() => FIGURES), intervalMs = 60_000) {
  server = await startBoltTestServer({ responders: [...catalogueResponders(graph), ...responders] });
  logs = [];
  exporter = await startBusinessExporter(
    testExporterOptions(server.url, { intervalMs, now: () => graph.nowMs, log: (line) => logs.push(line) })
  );
  await exporter.nextCollection();
  return scrape(exporter.url);
}

afterEach(async () => {
  await exporter?.stop();
  exporter = undefined;
  await server.stop();
});

it('exports every figure in bytes, as precisely as Memgraph printed it, read auto-commit', async () => {
  const samples = await collected();
  expect(samples.get(M.memoryResident)).toBe(Math.round(1.23 * GiB));
  expect(samples.get(M.peakResident)).toBe(2 * GiB);
  expect(samples.get(M.diskUsage)).toBe(300.5 * MiB);
  expect(samples.get(M.memoryTracked)).toBe(1000);
  expect(samples.get(M.memoryLimit)).toBe(Math.round(7.2 * GiB));
  expect(samples.get(M.graphMemoryTracked)).toBe(Math.round(1.12 * GiB));
  expect(samples.get(M.vertices)).toBe(400_000);
  expect(samples.get(M.edges)).toBe(900_000);
  expect(samples.get(M.up)).toBe(1);
  expect(samples.get(METRIC_NAMES.up)).toBe(1);
  const shows = server.runs.filter((run) => run.query.startsWith('SHOW STORAGE INFO'));
  expect(shows.map((run) => [run.query, run.explicitTransaction, run.outcome, run.extra.mode])).toEqual([
    ['SHOW STORAGE INFO', false, 'completed', 'r'],
    ['SHOW STORAGE INFO ON CURRENT DATABASE', false, 'completed', 'r'],
  ]);
  // The catalogue's queries still run in READ transactions.
  expect(server.runs.filter((run) => !run.query.startsWith('SHOW')).every((run) => run.explicitTransaction)).toBe(true);
  expect(logs.filter((line) => line.includes('storage'))).toEqual([]);
});

it('a missing row and a value that is not a size cost only their figure, with a log line naming each', async () => {
  const samples = await collected(
    storageInfoResponders(() => FIGURES, {
      rows: (rows) =>
        rows
          .filter(([name]) => name !== 'memory_limit')
          .map(([name, value]) => [name, name === 'peak_memory_res' || name === 'edge_count' ? 'unknown' : value]),
    })
  );
  expect(samples.has(M.memoryLimit)).toBe(false);
  expect(samples.has(M.peakResident)).toBe(false);
  expect(samples.has(M.edges)).toBe(false);
  expect(samples.get(M.memoryResident)).toBe(Math.round(1.23 * GiB));
  expect(samples.get(M.vertices)).toBe(400_000);
  expect(samples.get(M.up)).toBe(0);
  expect(samples.get(METRIC_NAMES.up)).toBe(1);
  const warnings = logs.filter((line) => line.startsWith('WARNING Memgraph storage figures'));
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toContain('SHOW STORAGE INFO row "peak_memory_res" is "unknown", not a size such as "1.23GiB"');
  expect(warnings[0]).toContain('SHOW STORAGE INFO has no row "memory_limit"');
  expect(warnings[0]).toContain('SHOW STORAGE INFO ON CURRENT DATABASE row "edge_count" is "unknown", not an integer');
});

it('SHOW failing leaves the business metrics whole; the warning is logged once, and recovery once', async () => {
  // No storage responder: the test server answers both statements with Memgraph's error for an unknown query.
  const failing = await collected([], 50);
  expect(failing.get(METRIC_NAMES.up)).toBe(1);
  expect([...failing.keys()].filter((key) => key.startsWith('opentruss_elements_total')).length).toBeGreaterThan(0);
  expect([...failing.keys()].filter((key) => key.startsWith('opentruss_memgraph_') && key !== M.up)).toEqual([]);
  expect(failing.get(M.up)).toBe(0);
  await exporter!.nextCollection();
  storageInfoResponders(() => FIGURES).forEach((responder) => server.addResponder(responder));
  // A collection may have begun before the responders came: wait (bounded) for one that saw them.
  let recovered = await scrape(exporter!.url);
  for (let attempt = 0; attempt < 20 && recovered.get(M.up) !== 1; attempt++) {
    await exporter!.nextCollection();
    recovered = await scrape(exporter!.url);
  }
  expect(recovered.get(M.up)).toBe(1);
  expect(recovered.get(M.vertices)).toBe(400_000);
  expect(logs.filter((line) => line.includes('storage figures'))).toEqual([
    expect.stringMatching(/^WARNING Memgraph storage figures from bolt:\/\/127\.0\.0\.1:\d+ incomplete, .*SHOW STORAGE INFO failed: .*; SHOW STORAGE INFO ON CURRENT DATABASE failed: /),
    expect.stringMatching(/^Memgraph storage figures from .* complete again$/),
  ]);
});
