import { startBoltTestServer, type ServerStats } from '@opentruss/bolt-test-server';
import { fork } from 'node:child_process';
import path from 'node:path';

import type { Profile } from '../profile';
import { allWorkloads, benchWorkloads, toResponder } from '../workloads';
import { type ControlRequest, type RunOutcomes, type ServerCpu, serverController } from './control';
import type { ControlMessage, ServerMessage } from './serverProcess';

/** Where the Bolt test server runs: its own process (default, honest client timings) or the client's. */
export type Placement = 'child-process' | 'in-process';

const START_TIMEOUT_MS = 30_000;
const REQUEST_TIMEOUT_MS = 30_000;

/** The Bolt test server serving the benchmark's workloads, and what the benchmark asks it. */
export class BenchServer {
  constructor(
    readonly url: string,
    readonly placement: Placement,
    private readonly send: (request: ControlRequest) => Promise<unknown>,
    readonly stop: () => Promise<void>
  ) {}

  stats(): Promise<ServerStats> {
    return this.send({ op: 'stats' }) as Promise<ServerStats>;
  }

  /** Outcomes of the runs received since run number `sinceRun`. */
  outcomes(sinceRun = 0): Promise<RunOutcomes> {
    return this.send({ op: 'outcomes', sinceRun }) as Promise<RunOutcomes>;
  }

  /** Starts recording the most connections open at once; `peakConnections()` reads and stops it. */
  async watchConnections(): Promise<void> {
    await this.send({ op: 'watchConnections' });
  }

  peakConnections(): Promise<number> {
    return this.send({ op: 'peakConnections' }) as Promise<number>;
  }

  /** The server process's CPU time so far (in-process: the whole process's, client included). */
  cpu(): Promise<ServerCpu> {
    return this.send({ op: 'cpu' }) as Promise<ServerCpu>;
  }
}

export async function startBenchServer(profile: Profile, placement: Placement): Promise<BenchServer> {
  if (placement === 'in-process') {
    const server = await startBoltTestServer({ responders: allWorkloads(benchWorkloads(profile)).map(toResponder) });
    return new BenchServer(server.url, placement, serverController(server), () => server.stop());
  }
  return startChild(profile);
}

async function startChild(profile: Profile): Promise<BenchServer> {
  const child = fork(path.join(__dirname, 'serverProcess.ts'), [JSON.stringify(profile)], {
    cwd: path.resolve(__dirname, '../..'),
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the Bolt test server process did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the Bolt test server process exited (code ${code}) before it was ready`));
    });
    child.on('message', (message: ServerMessage) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message.url);
      } else {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (message.error !== undefined) {
          waiter?.reject(new Error(`bench server: ${message.error}`));
        } else {
          waiter?.resolve(message.result);
        }
      }
    });
  });
  child.on('exit', () => pending.forEach((w) => w.reject(new Error('the Bolt test server process exited'))));

  const send = (request: ControlRequest) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(
          new Error(`the Bolt test server process did not answer ${request.op} within ${REQUEST_TIMEOUT_MS / 1000} s`)
        );
      }, REQUEST_TIMEOUT_MS);
      const settle =
        <T>(fn: (value: T) => void) =>
        (value: T) => {
          clearTimeout(timer);
          fn(value);
        };
      pending.set(id, { resolve: settle(resolve), reject: settle(reject) });
      child.send({ id, request } satisfies ControlMessage);
    });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    }
  };
  return new BenchServer(url, 'child-process', send, stop);
}
