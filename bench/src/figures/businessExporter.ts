// Figure 6: what one collection of the business exporter costs the exporter itself — wall time, CPU time and
// memory — at the ops manual's 6-month capacity (400K elements, 4K lots, 25 projects), with "Memgraph" (the Bolt
// test server with the reference evaluators) in its own process.
import { fork } from 'node:child_process';
import path from 'node:path';
import {
  collectSnapshot,
  createBusinessMetrics,
  MemgraphReader,
  type BusinessSnapshot,
} from '@opentruss/business-exporter';
import { collectGarbage, spread } from '../measure';
import type { Profile } from '../profile';
import type { ExporterServerMessage } from '../server/exporterServerProcess';
import { expectEqual, type FigureResult } from './figure';

const START_TIMEOUT_MS = 5 * 60_000;
const MB = 1024 * 1024;

type Ready = Extract<ExporterServerMessage, { type: 'ready' }>;

async function startServer(profile: Profile) {
  const child = fork(path.join(__dirname, '../server/exporterServerProcess.ts'), [profile.exporterGraph], {
    cwd: path.resolve(__dirname, '../..'),
    execArgv: ['--import', 'tsx', '--max-old-space-size=4096'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<Ready>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the exporter's Bolt test server did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the exporter's Bolt test server exited (code ${code}) before it was ready`));
    });
    child.once('message', (message: ExporterServerMessage) => {
      clearTimeout(timer);
      if (message.type === 'ready') {
        resolve(message);
      }
    });
  });
  const serverCpuMs = () =>
    new Promise<number>((resolve) => {
      child.once('message', (message: ExporterServerMessage) => {
        if (message.type === 'cpu') {
          resolve(message.userMs + message.systemMs);
        }
      });
      child.send('cpu');
    });
  const stop = async () => {
    child.removeAllListeners('exit');
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
  };
  return { ready, serverCpuMs, stop };
}

function check(snapshot: BusinessSnapshot, ready: Ready, maxBuildings: number): void {
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  expectEqual('lots counted by the collection', sum(snapshot.lotsByStatus), ready.lots);
  expectEqual('elements counted by the collection', sum(snapshot.elementsByStatus), ready.elements);
  expectEqual('buildings with series', snapshot.buildings.length, Math.min(ready.buildings, maxBuildings));
}

export async function businessExporterFigure(options: {
  profile: Profile;
  log: (line: string) => void;
}): Promise<FigureResult> {
  const { profile, log } = options;
  log(`figure 6: generating the ${profile.exporterGraph} demo graph in the server process (about 30 s for 400K elements)`);
  const server = await startServer(profile);
  const maxBuildings = 100;
  const reader = new MemgraphReader({ url: server.ready.url, user: '', password: '', queryTimeoutMs: 300_000 });
  const metrics = createBusinessMetrics();
  const samples = { wall: [] as number[], cpu: [] as number[], serverCpu: [] as number[], allocated: [] as number[] };
  let exposition = '';
  const heapAfterGc: number[] = [];
  try {
    const collect = async () => {
      const snapshot = await collectSnapshot((statement) => reader.read(statement), {
        now: server.ready.nowMs,
        maxBuildings,
      });
      metrics.publish(snapshot, Date.now(), 0);
      exposition = await metrics.registry.metrics();
      check(snapshot, server.ready, maxBuildings);
    };
    for (let i = 0; i < profile.warmups + 1; i++) {
      await collect(); // the first one also makes the server evaluate and cache every query
    }
    for (let round = 0; round < profile.runs; round++) {
      collectGarbage();
      heapAfterGc.push(process.memoryUsage().heapUsed);
      const serverBefore = await server.serverCpuMs();
      const heapBefore = process.memoryUsage().heapUsed;
      const cpu = process.cpuUsage();
      const start = performance.now();
      await collect();
      samples.wall.push(performance.now() - start);
      const used = process.cpuUsage(cpu);
      samples.cpu.push((used.user + used.system) / 1000);
      samples.allocated.push((process.memoryUsage().heapUsed - heapBefore) / MB);
      samples.serverCpu.push((await server.serverCpuMs()) - serverBefore);
    }
    collectGarbage();
    heapAfterGc.push(process.memoryUsage().heapUsed);
  } finally {
    await reader.close();
    await server.stop();
  }
  const series = exposition.split('\n').filter((line) => line && !line.startsWith('#')).length;
  const { ready } = server;
  return {
    id: 6,
    title: `Business exporter, one collection at ${ready.elements.toLocaleString('en-US')} elements / ${ready.lots.toLocaleString('en-US')} lots / ${ready.buildings} buildings`,
    measurements: [
      { label: 'collection, wall (10 queries, server included)', unit: 'ms', spread: spread(samples.wall) },
      { label: 'exporter CPU time per collection', unit: 'ms', spread: spread(samples.cpu) },
      { label: 'exporter heap allocated per collection (before GC)', unit: 'MB', spread: spread(samples.allocated) },
      {
        label: 'exporter heap retained after GC, last − first round',
        unit: 'MB',
        value: (heapAfterGc.at(-1)! - heapAfterGc[0]) / MB,
      },
      { label: 'exporter heap after GC', unit: 'MB', value: heapAfterGc.at(-1)! / MB },
      { label: 'stand-in server CPU per collection (encoding cached rows)', unit: 'ms', spread: spread(samples.serverCpu) },
      { label: 'series served on /metrics', unit: 'series', value: series },
      { label: '/metrics size', unit: 'KB', value: Buffer.byteLength(exposition) / 1024 },
    ],
    targets: [],
    notes: [
      'Memgraph is stood in for by the Bolt test server in its own process; it evaluates each distinct query once and then serves the rows from memory, so the wall time is the exporter, the driver and the wire, not Memgraph’s own query time.',
      'Every timed collection is checked: lots and elements add up to the catalogue evaluators’ totals, the labelled buildings to the cap.',
    ],
  };
}
