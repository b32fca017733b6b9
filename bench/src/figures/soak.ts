import type { DataQueryResponse } from '@grafana/data';
import type { ServerStats } from '@opentruss/bolt-test-server';
import type { DataSource } from 'opentruss-memgraph-datasource/testing';

import { collectGarbage, spread } from '../measure';
import { Clients, benchSettings } from '../paths/clients';
import { expectNoErrors, panelQuery } from '../paths/panels';
import type { PanelWorkload } from '../workloads';
import { atMost, type BenchContext, type FigureResult } from './figure';

export const HEAP_GROWTH_TARGET_MB = 10;
/** Every this many refreshes, the viewer changes the time range early: everything still running is cancelled. */
const TIME_RANGE_CHANGE_EVERY = 10;
const TIME_RANGE_CHANGE_AFTER_MS = 5;
const CHECKPOINTS = 10;
const SETTLE_TIMEOUT_MS = 15_000;

interface Tally {
  completed: number;
  cancelled: number;
  failed: string[];
}

/**
 * Figure 4: a wall refreshing forever. Each refresh issues every panel's query at once; the refresh that follows
 * comes as soon as the quick panels are done, so the slow panel is cancelled mid-stream (unsubscribed) every time,
 * and every tenth refresh comes after a few milliseconds (a time-range change), cancelling whatever is running.
 * At the end: what is still open at the server, and how much the heap grew after GC.
 */
export async function soakFigure(context: BenchContext): Promise<FigureResult> {
  const { profile, workloads, server, log } = context;
  const panels = [...workloads.soakPanels, workloads.soakSlowPanel];
  const total = profile.soakQueries;
  log(`figure 4: soak, ${total.toLocaleString('en-US')} queries in refreshes of ${panels.length} panels`);
  const clients = new Clients(benchSettings(server.url));
  const ds = clients.dataSource;
  const tally: Tally = { completed: 0, cancelled: 0, failed: [] };
  const runsBefore = (await server.outcomes()).runs;
  const heapBeforeMb = heapAfterGc();
  const heapMb: number[] = [];
  const checkpointEvery = Math.max(panels.length, Math.floor(total / CHECKPOINTS));
  const started = performance.now();

  let issued = 0;
  let nextCheckpoint = checkpointEvery;
  for (let refresh = 0; issued < total; refresh++) {
    const batch = panels.slice(0, Math.min(panels.length, total - issued));
    const early = refresh % TIME_RANGE_CHANGE_EVERY === TIME_RANGE_CHANGE_EVERY - 1;
    await refreshWall(ds, batch, early, workloads.soakSlowPanel, tally);
    issued += batch.length;
    if (issued >= nextCheckpoint || issued >= total) {
      nextCheckpoint += checkpointEvery;
      heapMb.push(heapAfterGc());
      log(`figure 4: ${issued.toLocaleString('en-US')} queries, heap ${heapMb.at(-1)!.toFixed(1)} MB after GC`);
    }
  }
  const elapsedMs = performance.now() - started;

  const settled = await settle(context);
  const finalHeapMb = heapAfterGc();
  const { outcomes } = await server.outcomes(runsBefore);
  const pooledConnections = (await server.stats()).openConnections;
  await clients.close();
  const afterClose = await waitForStats(context, (s) => s.openConnections === 0, 5_000);

  const leakedSessions = settled.activeStreams + settled.openTransactions;
  // The first checkpoint is the baseline: by then the JIT, the pool and Grafana's caches have warmed up.
  const growthMb = finalHeapMb - heapMb[0];
  return {
    id: 4,
    title: `Soak: ${total.toLocaleString('en-US')} queries as a wall issues them (refreshes with cancellations)`,
    measurements: [
      { label: 'queries completed', unit: 'count', value: tally.completed },
      { label: 'queries cancelled while running (unsubscribed)', unit: 'count', value: tally.cancelled },
      { label: 'queries failed', unit: 'count', value: tally.failed.length },
      {
        label: 'server outcomes',
        unit: '',
        value: Object.entries(outcomes)
          .map(([outcome, count]) => `${outcome} ${count}`)
          .join(', '),
      },
      { label: 'result streams + transactions open at the server at the end', unit: 'count', value: leakedSessions },
      {
        label: 'connections open at the server at the end (pooled, instance alive)',
        unit: 'count',
        value: pooledConnections,
      },
      {
        label: 'connections open at the server after the instance closed',
        unit: 'count',
        value: afterClose.openConnections,
      },
      { label: 'heap after GC before the first query', unit: 'MB', value: heapBeforeMb },
      { label: 'heap after GC at each checkpoint', unit: 'MB', spread: spread(heapMb) },
      { label: `heap growth after GC (end − first checkpoint)`, unit: 'MB', value: growthMb },
      { label: 'mean time per query (wall ÷ queries)', unit: 'ms', value: elapsedMs / total },
    ],
    targets: [
      atMost('0 sessions (streams / transactions) left open at the server', leakedSessions, 0, 'count'),
      atMost('0 connections left open after the instance closed', afterClose.openConnections, 0, 'count'),
      atMost('heap growth after GC < 10 MB', growthMb, HEAP_GROWTH_TARGET_MB, 'MB'),
    ],
    notes: [
      `Heap measured after two forced GCs (--expose-gc) at ${heapMb.length} checkpoints; the first (after ${checkpointEvery.toLocaleString('en-US')} queries) is the baseline.`,
      `Panels: ${workloads.soakPanels.length} quick ones (server delay 0–5 ms) and one streaming 5,000 rows in batches 25 ms apart, which every refresh cancels.`,
      ...(tally.failed.length ? [`First failures: ${tally.failed.slice(0, 3).join(' | ')}`] : []),
    ],
  };
}

/** One refresh: every panel's query at once; once the quick ones are done (or after 5 ms), the rest is cancelled. */
async function refreshWall(
  ds: DataSource,
  panels: PanelWorkload[],
  early: boolean,
  slowPanel: PanelWorkload,
  tally: Tally
): Promise<void> {
  const running = panels.map((panel) => {
    let done = false;
    let resolveFinished!: () => void;
    const finished = new Promise<void>((resolve) => (resolveFinished = resolve));
    const finish = () => {
      done = true;
      resolveFinished();
    };
    const subscription = panelQuery(ds, panel).subscribe({
      next: (response: DataQueryResponse) => {
        try {
          expectNoErrors(panel, response);
          tally.completed++;
        } catch (error) {
          tally.failed.push((error as Error).message);
        }
      },
      error: (error: Error) => {
        tally.failed.push(`${panel.name}: ${error.message}`);
        finish();
      },
      complete: finish,
    });
    const cancel = () => {
      if (!done) {
        tally.cancelled++;
        subscription.unsubscribe();
        finish();
      }
    };
    return { panel, finished, cancel };
  });
  if (early) {
    await new Promise((resolve) => setTimeout(resolve, TIME_RANGE_CHANGE_AFTER_MS));
  } else {
    await Promise.all(running.filter((r) => r.panel !== slowPanel).map((r) => r.finished));
  }
  running.forEach((r) => r.cancel());
}

function heapAfterGc(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** Cancelled streams stop at their next batch boundary: give them a bounded time to. */
function settle(context: BenchContext): Promise<ServerStats> {
  return waitForStats(context, (s) => s.activeStreams === 0 && s.openTransactions === 0, SETTLE_TIMEOUT_MS);
}

/** Polls the server's stats until `done` holds or `timeoutMs` passes; returns the last stats either way. */
async function waitForStats(
  context: BenchContext,
  done: (stats: ServerStats) => boolean,
  timeoutMs: number
): Promise<ServerStats> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stats = await context.server.stats();
    if (done(stats) || Date.now() >= deadline) {
      return stats;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
