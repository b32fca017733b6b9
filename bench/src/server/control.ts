import type { BoltTestServer, RunOutcome, ServerStats } from '@opentruss/bolt-test-server';

/** What the benchmark asks the Bolt test server, whether it runs in a child process or in this one. */
export type ControlRequest =
  | { op: 'stats' }
  | { op: 'outcomes'; sinceRun: number }
  | { op: 'watchConnections' }
  | { op: 'peakConnections' }
  | { op: 'cpu' };

export interface RunOutcomes {
  /** Runs received in total (the index the next `sinceRun` can start from). */
  runs: number;
  outcomes: Partial<Record<RunOutcome, number>>;
}

export interface ServerCpu {
  userMs: number;
  systemMs: number;
}

/** Answers control requests from the server's own observations (stats, runs, connections). */
export function serverController(server: BoltTestServer): (request: ControlRequest) => Promise<unknown> {
  let watch: { peak: number; stopped: boolean } | undefined;
  const openConnections = () => server.connections.filter((c) => c.open).length;

  const watchConnections = async (state: { peak: number; stopped: boolean }) => {
    // waitFor is the server's event hook: its predicate sees every connection opening and closing. It is re-armed
    // every second so that stopping never leaves a long timer behind.
    while (!state.stopped) {
      await server
        .waitFor(() => {
          state.peak = Math.max(state.peak, openConnections());
          return state.stopped;
        }, 1_000)
        .catch(() => undefined);
    }
  };

  return async (request) => {
    switch (request.op) {
      case 'stats':
        return server.stats() satisfies ServerStats;
      case 'outcomes': {
        const outcomes: RunOutcomes['outcomes'] = {};
        for (const run of server.runs.slice(request.sinceRun)) {
          outcomes[run.outcome] = (outcomes[run.outcome] ?? 0) + 1;
        }
        return { runs: server.runs.length, outcomes } satisfies RunOutcomes;
      }
      case 'watchConnections':
        if (watch) {
          watch.stopped = true;
        }
        watch = { peak: openConnections(), stopped: false };
        void watchConnections(watch);
        return undefined;
      case 'peakConnections': {
        if (!watch) {
          throw new Error('peakConnections without watchConnections');
        }
        watch.stopped = true;
        return watch.peak;
      }
      case 'cpu': {
        const { user, system } = process.cpuUsage();
        return { userMs: user / 1000, systemMs: system / 1000 } satisfies ServerCpu;
      }
    }
  };
}
