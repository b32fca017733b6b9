// A Memgraph that goes silent, in the browser: a host that accepts connections and never answers is reported
// after one connection attempt within the connection timeout; queries that hang give up at the query timeout and
// free their pooled connections at once (panels that only waited for the pool say so); and the first wall refresh
// after Memgraph answers again succeeds for every panel.
import type { HostDatasource } from "../src/server/hostPage";
import { browserSession, memgraphDatasource } from "../src/harness/e2eSession";
import type { SerializedResponse } from "../host/src/api/types";

const session = browserSession("silent-memgraph");
const SILENT_HOST = "memgraph-silent-host";
const HANGING = "memgraph-hanging";
/** As the datasource's default: four connections per browser. */
const MAX_CONNECTIONS = 4;
/** More panels than connections, like a wall screen. */
const PANELS = [
  "lots",
  "elements",
  "approvals",
  "inspections",
  "defects",
  "users",
];
const panelQuery = (panel: string) =>
  `MATCH (p:Panel {name: '${panel}'}) RETURN '${panel}' AS panel`;

let memgraphHangs = true;

function datasource(
  uid: string,
  jsonData: Record<string, unknown>,
): HostDatasource {
  return {
    ...memgraphDatasource(session.bolt, jsonData),
    uid,
    name: uid,
    isDefault: false,
  };
}

function runPanels(datasourceUid: string): Promise<SerializedResponse[]> {
  return Promise.all(
    PANELS.map((panel) =>
      session.call((e2e, arg) => e2e.runPanel(arg.panel, arg.request), {
        panel,
        request: {
          datasourceUid,
          targets: [
            { refId: "A", cypher: panelQuery(panel), format: "table" } as never,
          ],
        },
      }),
    ),
  );
}

session.prepare(async () => {
  session.bolt.addResponder({
    name: "every panel, while Memgraph answers",
    match: (query) =>
      !memgraphHangs && PANELS.some((panel) => panelQuery(panel) === query),
    fields: ["panel"],
    records: (run) => [[/'(\w+)' AS panel/.exec(run.query)![1]]],
  });
  session.bolt.addResponder({
    name: "every panel, while Memgraph hangs",
    match: (query) =>
      memgraphHangs && PANELS.some((panel) => panelQuery(panel) === query),
    fields: ["panel"],
    hang: true,
  });
  session.host.setDatasources([
    datasource(SILENT_HOST, { connectionTimeoutSeconds: 3 }),
    datasource(HANGING, {
      queryTimeoutSeconds: 1,
      maxConnections: MAX_CONNECTIONS,
    }),
  ]);
  await session.open();
});

describe("a Memgraph that does not answer, in the browser", () => {
  session.test(
    "a host that accepts and never answers: one connection attempt, reported within the connection timeout",
    async () => {
      session.bolt.setSilent(true);
      try {
        const started = Date.now();
        const response = await session.call(
          (e2e, request) => e2e.runPanel("silent", request),
          {
            datasourceUid: SILENT_HOST,
            targets: [{ refId: "A", cypher: "RETURN 1 AS one" } as never],
          },
        );
        const elapsed = Date.now() - started;
        expect(response.errors).toHaveLength(1);
        expect(response.errors[0].message).toMatch(
          /^Cannot reach Memgraph at bolt:\/\/127\.0\.0\.1:\d+\. The browser opens/,
        );
        expect(response.errors[0].details).toBe(
          "Failed to establish connection in 3000ms",
        );
        expect(elapsed).toBeGreaterThanOrEqual(2_900);
        expect(elapsed).toBeLessThan(4_500); // not twice the setting
        expect(session.bolt.stats().unansweredConnections).toBe(1);
      } finally {
        session.bolt.setSilent(false);
      }
    },
  );

  session.test(
    "hung queries give up at the query timeout and free their connections at once; the next refresh works",
    async () => {
      memgraphHangs = true;
      const runsBefore = session.bolt.runs.length;
      const stalled = await runPanels(HANGING);
      const gaveUpAt = Date.now();
      const messages = stalled.map(
        (response) => response.errors[0]?.message ?? "",
      );
      // Four panels reached Memgraph and got no answer; the other two waited for a connection the whole time.
      expect(
        messages.filter((m) =>
          m.startsWith(
            "The query did not finish within the query timeout (1 s)",
          ),
        ),
      ).toHaveLength(MAX_CONNECTIONS);
      const busy = messages.filter((m) =>
        m.startsWith(
          `All ${MAX_CONNECTIONS} connections this browser may open`,
        ),
      );
      expect(busy).toHaveLength(PANELS.length - MAX_CONNECTIONS);
      expect(busy[0]).toContain('"Maximum connections per browser"');

      // Every hung connection is closed right after the give-up, without a RESET that Memgraph would leave unanswered.
      // (The two waiting panels got the freed connections just before their own deadline, so their queries may have
      // been sent too.)
      const hung = session.bolt.runs
        .slice(runsBefore)
        .filter(
          (r) => r.responder?.name === "every panel, while Memgraph hangs",
        );
      expect(hung.length).toBeGreaterThanOrEqual(MAX_CONNECTIONS);
      const hungConnections = new Set(hung.map((r) => r.connectionId));
      await session.bolt.waitFor(
        (s) =>
          s.connections
            .filter((c) => hungConnections.has(c.connectionId))
            .every((c) => !c.open),
        2_000,
      );
      expect(Date.now() - gaveUpAt).toBeLessThan(1_000);
      expect(
        session.bolt.messages
          .filter((m) => hungConnections.has(m.connectionId))
          .map((m) => m.type),
      ).not.toContain("RESET");

      // Memgraph answers again: the very first refresh succeeds for every panel.
      memgraphHangs = false;
      const refreshed = await runPanels(HANGING);
      expect(refreshed.map((response) => response.errors)).toEqual(
        PANELS.map(() => []),
      );
      expect(
        refreshed.map((response) => response.frames[0].fields[0].values),
      ).toEqual(PANELS.map((panel) => [panel]));
      expect(Date.now() - gaveUpAt).toBeLessThan(3_000);
      expect(session.bolt.stats().openConnections).toBeLessThanOrEqual(
        MAX_CONNECTIONS,
      );
    },
  );
});
