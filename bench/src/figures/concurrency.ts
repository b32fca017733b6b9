import { resolveSettings, type DataSource } from 'opentruss-memgraph-datasource/testing';
import { lastValueFrom } from 'rxjs';

import { spread, timed } from '../measure';
import { Clients, benchSettings } from '../paths/clients';
import { expectNoErrors, panelQuery } from '../paths/panels';
import type { PanelWorkload } from '../workloads';
import { atMost, type BenchContext, type FigureResult } from './figure';

export const CONCURRENCY_TARGET = 2;

interface Round {
  slowestAloneMs: number;
  sumAloneMs: number;
  burstMs: number;
  /** The same burst through an instance allowed one connection per panel. */
  wideBurstMs: number;
  peakConnections: number;
  openedConnections: number;
}

/**
 * Figure 3: a wall dashboard's panels all refresh at once through one datasource instance (one driver, the default
 * pool of 4 connections). Each round uses a fresh instance (a browser opening the dashboard): first every panel's
 * query alone, one after the other, then all of them at once.
 */
export async function concurrencyFigure(context: BenchContext): Promise<FigureResult> {
  const { profile, workloads, server, log } = context;
  const panels = workloads.concurrencyPanels;
  const maxConnections = resolveSettings(benchSettings(server.url)).maxConnections;
  log(`figure 3: ${panels.length} panels at once, ${profile.runs} rounds (+${profile.warmups} warm-up)`);
  const rounds: Round[] = [];
  for (let i = 0; i < profile.warmups + profile.runs; i++) {
    const round = await concurrencyRound(context, panels);
    if (i >= profile.warmups) {
      rounds.push(round);
    }
  }
  const of = (key: keyof Round) => spread(rounds.map((r) => r[key]));
  const ratio = spread(rounds.map((r) => r.burstMs / r.slowestAloneMs));
  const wideRatio = spread(rounds.map((r) => r.wideBurstMs / r.slowestAloneMs));
  const peak = Math.max(...rounds.map((r) => r.peakConnections));
  const delays = panels.map((p) => p.delayMs ?? 0);
  return {
    id: 3,
    title: `Concurrency: ${panels.length} panels' queries at once through one datasource instance (max ${maxConnections} connections)`,
    measurements: [
      { label: 'slowest single query, run alone', unit: 'ms', spread: of('slowestAloneMs') },
      { label: `all ${panels.length} at once, wall`, unit: 'ms', spread: of('burstMs') },
      { label: 'wall ÷ slowest single query', unit: '×', spread: ratio },
      {
        label: `floor with ${maxConnections} connections: sum of alone times ÷ ${maxConnections}`,
        unit: 'ms',
        spread: spread(rounds.map((r) => r.sumAloneMs / maxConnections)),
      },
      { label: `with maxConnections ${panels.length}: all at once, wall`, unit: 'ms', spread: of('wideBurstMs') },
      { label: `with maxConnections ${panels.length}: wall ÷ slowest single query`, unit: '×', spread: wideRatio },
      { label: 'connections open at once at the server (peak)', unit: 'count', spread: of('peakConnections') },
      { label: 'connections opened per instance (whole round)', unit: 'count', spread: of('openedConnections') },
      { label: 'configured maximum', unit: 'count', value: maxConnections },
    ],
    targets: [
      atMost('wall time ≤ 2× the slowest single query', ratio.median, CONCURRENCY_TARGET, '×'),
      atMost(`connections open at once ≤ the configured maximum (worst round)`, peak, maxConnections, 'count'),
    ],
    notes: [
      `Memgraph's work per panel is simulated by the server waiting ${Math.min(...delays)}–${Math.max(...delays)} ms before answering ` +
        "(spread evenly over the ops manual's normal database query time, < 100 ms); results are a stat (1 row), a table (50 rows) or a time series (5 × 100 points), in turn.",
      `With ${maxConnections} connections the queries queue for the pool: the wall time cannot fall below the sum of the alone times ÷ ${maxConnections} (the floor row). ` +
        `The maxConnections ${panels.length} rows show the same burst when the pool is not the limit (targets are judged on the default, ${maxConnections}).`,
    ],
  };
}

async function concurrencyRound(context: BenchContext, panels: PanelWorkload[]): Promise<Round> {
  const { server } = context;
  const before = await server.stats();
  const clients = new Clients(benchSettings(server.url));
  try {
    const ds = clients.dataSource;
    const alone: number[] = [];
    for (const panel of panels) {
      alone.push((await timed(() => runPanel(ds, panel))).wallMs);
    }
    await server.watchConnections();
    const burst = await timed(() => runAll(ds, panels));
    const peakConnections = await server.peakConnections();
    const after = await server.stats();
    return {
      slowestAloneMs: Math.max(...alone),
      sumAloneMs: alone.reduce((a, b) => a + b, 0),
      burstMs: burst.wallMs,
      wideBurstMs: await wideBurst(context, panels),
      peakConnections,
      openedConnections: after.totalConnections - before.totalConnections,
    };
  } finally {
    await clients.close();
  }
}

/** A fresh instance allowed one connection per panel, warmed with one query (as the default one is by its alone runs). */
async function wideBurst(context: BenchContext, panels: PanelWorkload[]): Promise<number> {
  const clients = new Clients(benchSettings(context.server.url, { maxConnections: panels.length }));
  try {
    await runPanel(clients.dataSource, panels[0]);
    return (await timed(() => runAll(clients.dataSource, panels))).wallMs;
  } finally {
    await clients.close();
  }
}

async function runPanel(ds: DataSource, panel: PanelWorkload): Promise<void> {
  expectNoErrors(panel, await lastValueFrom(panelQuery(ds, panel)));
}

async function runAll(ds: DataSource, panels: PanelWorkload[]): Promise<void> {
  await Promise.all(panels.map((panel) => runPanel(ds, panel)));
}
