// A Memgraph that stops answering, in the browser: a host that accepts connections and never answers is reported
// after one connection attempt within the connection timeout; the wall dashboard's panels behind hung queries give
// up at the query timeout and free their pooled connections at once (panels that only waited for the pool say so);
// and the first wall refresh after Memgraph answers again succeeds for every panel.
import type { HostDatasource } from '../src/server/hostPage';
import { browserSession, memgraphDatasource } from '../src/harness/e2eSession';
import { loadVariables, memgraphPanels, refreshWall, wallDashboard } from '../src/harness/wallDashboard';
import { OPENTRUSS_FIXTURE, serveOpenTrussMemgraph } from '../src/memgraph/opentrussMemgraph';

const session = browserSession('silent-memgraph', OPENTRUSS_FIXTURE);
const SILENT_HOST = 'memgraph-silent-host';
const HANGING = 'memgraph-hanging';
/** Fewer connections than the wall has Memgraph panels, so some panels wait for the pool. */
const MAX_CONNECTIONS = 2;
const HUNG_RESPONDER = 'every query, while Memgraph hangs';

let memgraphHangs = false;

function datasource(uid: string, jsonData: Record<string, unknown>): HostDatasource {
  return { ...memgraphDatasource(session.bolt, jsonData), uid, name: uid, isDefault: false };
}

session.prepare(async () => {
  serveOpenTrussMemgraph(session.bolt);
  // Added last, so it wins over the fixture while Memgraph "hangs": nothing is answered, not even the timeout.
  session.bolt.addResponder({ name: HUNG_RESPONDER, match: () => memgraphHangs, fields: ['hung'], hang: true });
  session.host.setDatasources([
    datasource(SILENT_HOST, { connectionTimeoutSeconds: 3 }),
    datasource(HANGING, { queryTimeoutSeconds: 1, maxConnections: MAX_CONNECTIONS }),
  ]);
  await session.open();
});

describe('a Memgraph that does not answer, in the browser', () => {
  session.test(
    'a host that accepts and never answers: one connection attempt, reported within the connection timeout',
    async () => {
      session.bolt.setSilent(true);
      try {
        const started = Date.now();
        const response = await session.call((e2e, request) => e2e.runPanel('silent', request), {
          datasourceUid: SILENT_HOST,
          targets: [{ refId: 'A', cypher: 'RETURN 1 AS one' } as never],
        });
        const elapsed = Date.now() - started;
        expect(response.errors).toHaveLength(1);
        expect(response.errors[0].message).toMatch(
          /^Cannot reach Memgraph at bolt:\/\/127\.0\.0\.1:\d+\. The browser opens/
        );
        // The driver's long generic text stays out of the message, in the details.
        expect(response.errors[0].details).toBe('Failed to establish connection in 3000ms');
        expect(elapsed).toBeGreaterThanOrEqual(2_900);
        expect(elapsed).toBeLessThan(4_500); // one attempt, not two
        expect(session.bolt.stats().unansweredConnections).toBe(1);
      } finally {
        session.bolt.setSilent(false);
      }
    }
  );

  session.test(
    'the wall behind a hung Memgraph: give-ups free their connections at once, the first refresh after it answers works',
    async () => {
      const dashboard = wallDashboard();
      const panels = memgraphPanels(dashboard);
      expect(panels.length).toBeGreaterThan(MAX_CONNECTIONS);
      await loadVariables(session, dashboard, HANGING);
      expect((await refreshWall(session, panels)).map((r) => r.errors)).toEqual(panels.map(() => []));

      memgraphHangs = true;
      const runsBefore = session.bolt.runs.length;
      const stalled = await refreshWall(session, panels);
      const gaveUpAt = Date.now();
      const messages = stalled.map((response) => response.errors[0]?.message ?? '');
      // Two panels reached Memgraph and got no answer; the others waited for a connection the whole time.
      const unanswered = messages.filter((m) => m.startsWith('The query did not finish within the query timeout (1 s)'));
      const busy = messages.filter((m) => m.startsWith(`All ${MAX_CONNECTIONS} connections this browser may open`));
      expect(unanswered).toHaveLength(MAX_CONNECTIONS);
      expect(busy).toHaveLength(panels.length - MAX_CONNECTIONS);
      expect(busy[0]).toContain('"Maximum connections per browser"');

      // Every hung connection is closed right after the give-up, without a RESET that Memgraph would leave
      // unanswered. (A waiting panel that got a freed connection just before its own deadline sent its query too.)
      const hung = session.bolt.runs.slice(runsBefore).filter((r) => r.responder?.name === HUNG_RESPONDER);
      expect(hung.length).toBeGreaterThanOrEqual(MAX_CONNECTIONS);
      const hungConnections = new Set(hung.map((r) => r.connectionId));
      await session.bolt.waitFor(
        (s) => s.connections.filter((c) => hungConnections.has(c.connectionId)).every((c) => !c.open),
        2_000
      );
      expect(Date.now() - gaveUpAt).toBeLessThan(1_000);
      const sentOnHung = session.bolt.messages.filter((m) => hungConnections.has(m.connectionId)).map((m) => m.type);
      expect(sentOnHung).not.toContain('RESET');

      // Memgraph answers again: the very first refresh succeeds for every panel, on fresh connections.
      memgraphHangs = false;
      const refreshed = await refreshWall(session, panels);
      expect(refreshed.map((response) => response.errors)).toEqual(panels.map(() => []));
      expect(refreshed.map((response) => response.state)).toEqual(panels.map(() => 'Done'));
      expect(Date.now() - gaveUpAt).toBeLessThan(3_000);
      expect(session.bolt.stats().activeStreams).toBe(0);
    }
  );
});
