// The exporter against MAIN's SHOW REPLICAS as emulated on a Bolt test server, read back over HTTP as Prometheus would.
import { replicationMetrics as m } from '@opentruss/contract';
import { MemgraphInstance, startReplicationExporter, type RunningExporter } from '../src';
import { startEmulatedReplication, type EmulatedPair } from '../testing/memgraph-replication';

let pair: EmulatedPair;
let exporter: RunningExporter;

async function scrape(): Promise<string> {
  await exporter.collected();
  const response = await fetch(`http://127.0.0.1:${exporter.port}/metrics`);
  expect(response.status).toBe(200);
  return response.text();
}

const sample = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

beforeEach(async () => {
  pair = await startEmulatedReplication({
    mainUsers: { opentruss: 'main-secret' },
    replicaUsers: { opentruss_reader: 'r' },
    state: { replicaRole: 'replica', registered: [{ name: 'observability_replica', address: 'memgraph-replica:10000', mode: 'async' }] },
  });
  const main = new MemgraphInstance({ label: 'memgraph', url: pair.main.url, user: 'opentruss', password: 'main-secret', passwordFrom: 'test' }, 500);
  exporter = await startReplicationExporter({ main, expectedReplicas: ['observability_replica'], host: '127.0.0.1', port: 0, intervalMs: 50, log: () => undefined });
});

afterEach(async () => {
  await exporter.stop();
  await pair.stop();
});

it('a healthy replica: up, ready, 0 behind', async () => {
  const text = await scrape();
  expect(sample(text, m.mainUp)).toBe(1);
  expect(sample(text, `${m.replicaUp}{replica="observability_replica"}`)).toBe(1);
  expect(sample(text, `${m.replicaStatus}{replica="observability_replica",status="ready"}`)).toBe(1);
  expect(sample(text, `${m.replicaStatus}{replica="observability_replica",status="invalid"}`)).toBe(0);
  expect(sample(text, `${m.replicaBehind}{replica="observability_replica"}`)).toBe(0);
});

it('behind: the negative `behind` of SHOW REPLICAS becomes a positive count', async () => {
  pair.state.behind = 42;
  await scrape();
  const text = await scrape();
  expect(sample(text, `${m.replicaBehind}{replica="observability_replica"}`)).toBe(42);
  expect(sample(text, `${m.replicaStatus}{replica="observability_replica",status="replicating"}`)).toBe(1);
});

it('MAIN cannot reach the replica: down, invalid', async () => {
  pair.state.replicaReachable = false;
  await scrape();
  const text = await scrape();
  expect(sample(text, `${m.replicaUp}{replica="observability_replica"}`)).toBe(0);
  expect(sample(text, `${m.replicaStatus}{replica="observability_replica",status="invalid"}`)).toBe(1);
});

it('our replica no longer registered: down, unregistered (not silently absent)', async () => {
  pair.state.registered = [];
  await scrape();
  const text = await scrape();
  expect(sample(text, `${m.replicaUp}{replica="observability_replica"}`)).toBe(0);
  expect(sample(text, `${m.replicaStatus}{replica="observability_replica",status="unregistered"}`)).toBe(1);
});

it('MAIN down: main_up 0 and no replica series (the last values are not kept)', async () => {
  await pair.main.stop();
  await scrape();
  const text = await scrape();
  expect(sample(text, m.mainUp)).toBe(0);
  expect(text).not.toContain(`${m.replicaUp}{`);
});
