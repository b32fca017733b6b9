// Wall refresh: the wall dashboard's Memgraph panels (as the built app ships them), refreshed again and again for
// a couple of minutes from one browser, must not pile up connections at Memgraph: sampled all along, the open
// connections stay within the datasource's maximum, the pool is reused (no new connections after warm-up), nothing
// stays streaming or in a transaction between refreshes, and closing the wall screen brings the server back to
// no connections at all.
import type { ServerStats } from '@opentruss/bolt-test-server';

import { browserSession, memgraphDatasource } from '../src/harness/e2eSession';
import { loadVariables, memgraphPanels, refreshWall, wallDashboard } from '../src/harness/wallDashboard';
import { workbenchArea } from '../src/harness/workbench';
import { OPENTRUSS_FIXTURE, serveOpenTrussMemgraph } from '../src/memgraph/opentrussMemgraph';

/** How long the wall keeps refreshing (ms). About two minutes keeps the suite short; raise it for a longer soak. */
const WALL_REFRESH_DURATION_MS = Number(process.env.E2E_WALL_REFRESH_MS ?? 120_000);
/** Faster than Grafana's 5 s minimum refresh, to get many refreshes into the duration. */
const REFRESH_INTERVAL_MS = 2_000;
/** How often the server's connection counts are sampled while the wall runs. */
const SAMPLE_INTERVAL_MS = 100;
/** The datasource's "maximum connections per browser" for this wall screen. */
const MAX_CONNECTIONS = 3;

const session = browserSession('wall-refresh', OPENTRUSS_FIXTURE);

session.prepare(async () => {
  serveOpenTrussMemgraph(session.bolt);
  session.host.setDatasources([memgraphDatasource(session.bolt, { maxConnections: MAX_CONNECTIONS })]);
  await session.open();
});

session.test(
  `the wall refreshed every ${REFRESH_INTERVAL_MS / 1000} s for ${WALL_REFRESH_DURATION_MS / 1000} s keeps Memgraph's connections bounded and returns them`,
  async () => {
    const dashboard = wallDashboard();
    const panels = memgraphPanels(dashboard);
    expect(panels.length).toBeGreaterThanOrEqual(3);
    expect(session.bolt.stats().openConnections).toBe(0);
    await loadVariables(session, dashboard);
    await session.call(
      (e2e, arg) => e2e.show({ kind: 'panels', panels: arg }),
      panels.map(({ key, title }) => ({ key, title }))
    );

    const samples: Array<ServerStats & { at: number }> = [];
    const sampler = setInterval(() => samples.push({ at: Date.now(), ...session.bolt.stats() }), SAMPLE_INTERVAL_MS);
    const refresh = () => refreshWall(session, panels);
    let rounds = 0;
    let afterWarmUp: ServerStats | undefined;
    try {
      const started = Date.now();
      while (Date.now() - started < WALL_REFRESH_DURATION_MS) {
        const roundStarted = Date.now();
        const results = await refresh();
        rounds++;
        for (const result of results) {
          expect(result.errors).toEqual([]);
          expect(result.state).toBe('Done');
          expect(result.frames[0].length).toBeGreaterThan(0);
        }
        // Between refreshes nothing is running: every query finished and gave its connection back.
        await session.bolt.waitFor((s) => s.stats().activeStreams === 0 && s.stats().openTransactions === 0, 5_000);
        afterWarmUp ??= session.bolt.stats();
        if (rounds === 1) {
          await session.page
            .locator('[data-testid="e2e-frames"][data-state="Done"]')
            .nth(panels.length - 1)
            .waitFor();
          await session.screenshot('01-wall-panels-after-first-refresh', workbenchArea(session));
        }
        // The next refresh is a timer, as on a wall screen.
        await new Promise((resolve) =>
          setTimeout(resolve, Math.max(0, REFRESH_INTERVAL_MS - (Date.now() - roundStarted)))
        );
      }
    } finally {
      clearInterval(sampler);
    }

    const idle = session.bolt.stats();
    const most = Math.max(...samples.map((s) => s.openConnections));
    const report =
      `${rounds} refreshes of ${panels.length} panels; ${samples.length} samples; open connections at most ${most}; ` +
      `after warm-up ${JSON.stringify(afterWarmUp)}; at the end ${JSON.stringify(idle)}`;
    console.log(`wall refresh: ${report}`);
    expect(rounds).toBeGreaterThanOrEqual(Math.floor(WALL_REFRESH_DURATION_MS / REFRESH_INTERVAL_MS / 2));
    expect(most).toBeLessThanOrEqual(MAX_CONNECTIONS);
    // The pool is reused: no connection opened after the first refresh, none closed, none leaked.
    expect(idle.totalConnections).toBe(afterWarmUp!.totalConnections);
    expect(idle.openConnections).toBe(afterWarmUp!.openConnections);
    expect(idle.totalConnections).toBeLessThanOrEqual(MAX_CONNECTIONS);
    expect(session.bolt.runs.filter((r) => r.outcome !== 'completed')).toEqual([]);

    // The wall screen goes off: every connection closes, the server is back where it started.
    await session.page.goto('about:blank');
    await session.bolt.waitFor((s) => s.stats().openConnections === 0, 15_000);
    expect(session.bolt.stats()).toMatchObject({ openConnections: 0, activeStreams: 0, openTransactions: 0 });
  },
  WALL_REFRESH_DURATION_MS + 90_000
);
