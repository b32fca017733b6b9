// Memgraph down, slow, hanging or failing: up 0, no business value left to look current, one clear log line,
// and recovery on the next run. Also: collections never overlap, and the series count respects the cap.
import { startBoltTestServer, type BoltTestServer } from '@opentruss/bolt-test-server';
import { expandMacros } from '@opentruss/cypher';
import { catalogueQuery, generateDemoGraph } from '@opentruss/opentruss-graph';
import { METRIC_NAMES, startBusinessExporter, type BusinessExporter, type ExporterOptions } from '../src';
import { exporterResponders, scrape, testExporterOptions } from '../testing/catalogue-memgraph';

const graph = generateDemoGraph();
const BUSINESS_SERIES = /^opentruss_(elements_total|inspection_lots_total|workflow_operations_total|business_(?!up|last_success|collection))/;

let server: BoltTestServer;
let exporter: BusinessExporter | undefined;
let logs: string[];

async function start(options: Partial<ExporterOptions> = {}) {
  logs = [];
  exporter = await startBusinessExporter(
    testExporterOptions(server.url, {
      intervalMs: 100,
      queryTimeoutMs: 1000,
      now: () => graph.nowMs,
      log: (line) => logs.push(line),
      ...options,
    })
  );
  return exporter;
}

const businessKeys = (samples: Map<string, number>) => [...samples.keys()].filter((key) => BUSINESS_SERIES.test(key));

beforeEach(async () => {
  server = await startBoltTestServer({ responders: exporterResponders(graph) });
});

afterEach(async () => {
  await exporter?.stop();
  exporter = undefined;
  await server.stop();
});

async function healthyThen(fault: () => void | Promise<void>) {
  const running = await start();
  await running.nextCollection();
  const healthy = await scrape(running.url);
  expect(healthy.get(METRIC_NAMES.up)).toBe(1);
  expect(businessKeys(healthy).length).toBeGreaterThan(50);
  await fault();
  await upBecomes(running, 0);
  return { running, healthy };
}

/** Waits (bounded) until a collection has ended with `opentruss_business_up` at `value`. */
async function upBecomes(running: BusinessExporter, value: 0 | 1) {
  const deadline = Date.now() + 15_000;
  while ((await scrape(running.url)).get(METRIC_NAMES.up) !== value) {
    if (Date.now() > deadline) {
      throw new Error(`opentruss_business_up never became ${value}; log:\n${logs.join('\n')}`);
    }
    await running.nextCollection();
  }
}

async function expectWithdrawn(running: BusinessExporter, healthy: Map<string, number>, logLine: RegExp) {
  const failed = await scrape(running.url);
  expect(failed.get(METRIC_NAMES.up)).toBe(0);
  expect(businessKeys(failed)).toEqual([]);
  // The last success stays what it was: how old the last good figures are, not a fresh-looking time.
  expect(failed.get(METRIC_NAMES.lastSuccess)).toBe(healthy.get(METRIC_NAMES.lastSuccess));
  expect(failed.get(`${METRIC_NAMES.collections}{result="failure"}`)).toBeGreaterThanOrEqual(1);
  const errors = logs.filter((line) => line.startsWith('ERROR'));
  expect(errors.length).toBeGreaterThanOrEqual(1);
  expect(errors[0]).toMatch(
    /^ERROR collection from Memgraph at bolt:\/\/127\.0\.0\.1:\d+ failed after \d+\.\d\d s, business metrics withdrawn until the next success \(in 0\.1 s\): /
  );
  expect(errors[0]).toMatch(logLine);
}

async function expectRecovered(running: BusinessExporter, healthy: Map<string, number>) {
  await upBecomes(running, 1);
  const recovered = await scrape(running.url);
  expect(recovered.get(METRIC_NAMES.up)).toBe(1);
  expect(businessKeys(recovered)).toEqual(businessKeys(healthy));
}

describe('failure modes', () => {
  it('Memgraph answering an error', async () => {
    const failing = expandMacros(catalogueQuery('elements-per-building').cypher);
    const { running, healthy } = await healthyThen(() =>
      server.addResponder({
        match: failing,
        failure: { code: 'Memgraph.ClientError.MemgraphError.MemgraphError', message: 'Invalid types: string and float for <.' },
      })
    );
    await expectWithdrawn(running, healthy, /Invalid types: string and float for <\.$/);
    server.clearResponders();
    exporterResponders(graph).forEach((responder) => server.addResponder(responder));
    await expectRecovered(running, healthy);
  }, 30_000);

  it('Memgraph too slow: its transaction timeout ends the query', async () => {
    const slow = expandMacros(catalogueQuery('lots-by-status').cypher);
    const { running, healthy } = await healthyThen(() =>
      server.addResponder({ match: slow, fields: ['status', 'lots'], records: [], delayMs: 3000, times: 2 })
    );
    await expectWithdrawn(running, healthy, /transaction timeout/);
    expect(server.runs.some((run) => run.outcome === 'timed_out')).toBe(true);
    await expectRecovered(running, healthy);
  }, 30_000);

  it('Memgraph not answering at all: the exporter gives up on its own and reconnects', async () => {
    const hung = expandMacros(catalogueQuery('approval-totals').cypher);
    const { running, healthy } = await healthyThen(() =>
      server.addResponder({ match: hung, fields: ['action', 'events'], hang: true, times: 1 })
    );
    await expectWithdrawn(running, healthy, /query approval-totals got no answer within 1000 ms$/);
    await expectRecovered(running, healthy);
    const connections = server.connections.map((c) => c.connectionId);
    expect(new Set(connections).size).toBeGreaterThanOrEqual(2);
  }, 30_000);

  it('Memgraph down, then back on the same port', async () => {
    const { running, healthy } = await healthyThen(() => server.stop());
    await expectWithdrawn(running, healthy, /ECONNREFUSED|connect|Connection/i);
    await server.restart();
    await expectRecovered(running, healthy);
  }, 30_000);
});

describe('scheduling', () => {
  it('never overlaps collections, however slow Memgraph is', async () => {
    server.clearResponders();
    // Every query takes 60 ms, collections would start every 10 ms if they were on a fixed timer.
    exporterResponders(graph).forEach((responder) => server.addResponder({ ...responder, delayMs: 60 }));
    let most = 0;
    const running = await start({ intervalMs: 10 });
    await server.waitFor((s) => {
      most = Math.max(most, s.stats().openTransactions, s.stats().activeStreams);
      return s.runs.filter((run) => run.responder?.name === 'projects-variable').length >= 3;
    }, 20_000);
    await running.nextCollection();
    expect(most).toBe(1);
    // Each collection's ten queries and two SHOW STORAGE INFO statements run in order; the next collection starts
    // only after the last one finished.
    const names = server.runs.map((run) => run.responder?.name);
    const first = names.slice(0, 12);
    expect(names.slice(12, 24)).toEqual(first);
    expect(first.slice(10)).toEqual(['SHOW STORAGE INFO', 'SHOW STORAGE INFO ON CURRENT DATABASE']);
    const starts = server.runs.filter((run) => run.responder?.name === 'projects-variable');
    const ends = server.runs.filter((run) => run.responder?.name === 'SHOW STORAGE INFO ON CURRENT DATABASE');
    expect(starts[1].receivedAt).toBeGreaterThanOrEqual(ends[0].receivedAt + 60);
  }, 30_000);
});

describe('cardinality', () => {
  it('labels at most BUSINESS_EXPORTER_MAX_BUILDINGS buildings and warns about the rest', async () => {
    const many = generateDemoGraph({
      size: {
        projects: 60,
        buildingsPerProject: 3,
        levelsPerBuilding: 1,
        divisionsPerBuilding: 1,
        subDivisionsPerDivision: 1,
        itemsPerSubDivision: 1,
        lots: 360,
        elements: 2000,
      },
    });
    server.clearResponders();
    exporterResponders(many).forEach((responder) => server.addResponder(responder));
    const running = await start({ maxBuildings: 50, now: () => many.nowMs, intervalMs: 60_000 });
    await running.nextCollection();
    const samples = await scrape(running.url);
    const buildings = new Set(
      [...samples.keys()].map((key) => /building="([^"]+)"/.exec(key)?.[1]).filter((b): b is string => Boolean(b))
    );
    expect(buildings.size).toBe(50);
    // Per building at most: info, 5 lot statuses, acceptance, waiting, oldest age, 2 element statuses, AI,
    // low-confidence count and ratio, 2 actions, last approval = 17 series.
    expect(businessKeys(samples).length).toBeLessThanOrEqual(50 * 17 + 20);
    expect(samples.get(METRIC_NAMES.buildingsOmitted)).toBe(130);
    expect(logs).toContain(
      'WARNING 130 buildings have no per-building series: more real buildings than BUSINESS_EXPORTER_MAX_BUILDINGS=50 (global figures still count them)'
    );
    // The global figures still count every building.
    const lots = ['PLANNING', 'IN_PROGRESS', 'SUBMITTED', 'APPROVED', 'PUBLISHED']
      .map((status) => samples.get(`${METRIC_NAMES.inspectionLotsTotal}{status="${status}"}`)!)
      .reduce((a, b) => a + b);
    expect(lots).toBe(many.withLabel('InspectionLot').length);
    // Memgraph was asked about the 50 labelled buildings only.
    const perBuilding = server.runs.find((run) => run.responder?.name === 'lots-by-status-per-building')!;
    expect((perBuilding.parameters.building as string[]).length).toBe(50);
  }, 30_000);
});
