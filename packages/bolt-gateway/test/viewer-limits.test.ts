// Queries per viewer credential over all of its connections: a second connection with the same credential is
// refused while the first holds the only slot, another credential is not, and the slot comes back on every way a
// result can end — nothing leaks.
import { gatewayErrorCodes } from "@opentruss/contract";
import neo4j, { type Neo4jError } from "neo4j-driver";
import { errorCodes, requestTags as tags, responseTags as responses } from "@opentruss/bolt-protocol";
import {
  connectReady,
  message,
  openDriver,
  type RawBoltClient,
} from "@opentruss/bolt-testing";
import {
  eventually,
  sentText,
  startStack,
  VIEWER,
  VIEWER_TOKEN,
  type Stack,
} from "./support/stack";

const QUICK = "RETURN 1 AS n";
const HOLD = "UNWIND range(1, 5) AS i RETURN i";
const FAIL = "RETURN fails_later";
const SLOW = "RETURN outlives_the_timeout";
const HANG = "RETURN never_answers";
const LOGIN = {
  scheme: "basic",
  principal: VIEWER.user,
  credentials: VIEWER.password,
};
const TOKEN_LOGIN = { scheme: "bearer", credentials: VIEWER_TOKEN };
const ALL = { n: neo4j.int(-1) };
const QUERY_TIMEOUT_MS = 1000;

const rows = (count: number) =>
  Array.from({ length: count }, (_, i) => [neo4j.int(i + 1)]);

async function openFor(stack: Stack, viewer: string): Promise<number> {
  const values = (await stack.gateway.metrics.viewerOpenQueries.get()).values;
  return values.find((v) => v.labels.viewer === viewer)?.value ?? 0;
}

/** Waits (bounded) until the viewer has `count` open queries. */
async function untilOpen(
  stack: Stack,
  viewer: string,
  count: number,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await openFor(stack, viewer)) !== count) {
    if (Date.now() > deadline) {
      throw new Error(
        `${viewer} still has ${await openFor(stack, viewer)} open queries, expected ${count}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function expectTags(
  client: RawBoltClient,
  expected: number[],
): Promise<void> {
  const seen: number[] = [];
  for (let i = 0; i < expected.length; i++) {
    seen.push((await client.readMessage()).tag);
  }
  expect(seen).toEqual(expected);
}

const { SUCCESS, RECORD, FAILURE, IGNORED } = responses;

async function expectRuns(client: RawBoltClient): Promise<void> {
  client.send(
    Buffer.concat([message(tags.RUN, QUICK, {}, {}), message(tags.PULL, ALL)]),
  );
  await expectTags(client, [SUCCESS, RECORD, SUCCESS]);
}

async function expectViewerLimit(client: RawBoltClient): Promise<void> {
  client.send(
    Buffer.concat([message(tags.RUN, QUICK, {}, {}), message(tags.PULL, ALL)]),
  );
  const failure = await client.readMessage();
  expect(failure.tag).toBe(FAILURE);
  expect(failure.fields[0]).toEqual({
    code: gatewayErrorCodes.limitReached,
    message:
      'Bolt gateway: the viewer credential "viewer" already has 1 queries open over all its connections ' +
      "(BOLT_GATEWAY_MAX_QUERIES_PER_VIEWER). Retry when some have finished, or give each group of viewers its own " +
      "credential.",
  });
  await expectTags(client, [IGNORED]);
  client.send(message(tags.RESET));
  await expectTags(client, [SUCCESS]);
}

/** How a path takes the slot on connection A (`start`) and how its result ends (`end`). */
interface Path {
  start(a: RawBoltClient): Promise<void>;
  end(a: RawBoltClient): Promise<void>;
  outcome: string;
}

const PATHS: Array<[string, Path]> = [
  [
    "completed (every record pulled)",
    {
      start: async (a) => {
        a.send(message(tags.RUN, HOLD, {}, {}));
        await expectTags(a, [SUCCESS]);
      },
      end: async (a) => {
        a.send(message(tags.PULL, { n: neo4j.int(2) }));
        await expectTags(a, [RECORD, RECORD, SUCCESS]); // has_more: still open
        a.send(message(tags.PULL, ALL));
        await expectTags(a, [RECORD, RECORD, RECORD, SUCCESS]);
      },
      outcome: "completed",
    },
  ],
  [
    "discarded (DISCARD)",
    {
      start: async (a) => {
        a.send(message(tags.RUN, HOLD, {}, {}));
        await expectTags(a, [SUCCESS]);
      },
      end: async (a) => {
        a.send(message(tags.DISCARD, ALL));
        await expectTags(a, [SUCCESS]);
      },
      outcome: "discarded",
    },
  ],
  [
    "reset (RESET while the result is open)",
    {
      start: async (a) => {
        a.send(message(tags.RUN, HOLD, {}, {}));
        await expectTags(a, [SUCCESS]);
      },
      end: async (a) => {
        a.send(message(tags.RESET));
        await expectTags(a, [SUCCESS]);
      },
      outcome: "reset",
    },
  ],
  [
    "disconnected (the client goes away)",
    {
      start: async (a) => {
        a.send(message(tags.RUN, HOLD, {}, {}));
        await expectTags(a, [SUCCESS]);
      },
      end: async (a) => a.destroy(),
      outcome: "disconnected",
    },
  ],
  [
    "failed (Memgraph answers FAILURE)",
    {
      start: async (a) => a.send(message(tags.RUN, FAIL, {}, {})),
      end: async (a) => {
        const failure = await a.readMessage();
        expect(failure.fields[0]).toMatchObject({ message: "boom" });
      },
      outcome: "failed",
    },
  ],
  [
    "timed out (Memgraph's transaction timeout)",
    {
      start: async (a) => a.send(message(tags.RUN, SLOW, {}, {})),
      end: async (a) => {
        const failure = await a.readMessage(QUERY_TIMEOUT_MS * 3);
        expect(failure.fields[0]).toMatchObject({
          message: expect.stringMatching(/transaction timeout/),
        });
      },
      outcome: "failed",
    },
  ],
  [
    "cut by the gateway's watchdog (Memgraph never answers)",
    {
      start: async (a) => a.send(message(tags.RUN, HANG, {}, {})),
      end: (a) => a.waitForClose(QUERY_TIMEOUT_MS + 8000),
      outcome: "timed_out",
    },
  ],
  [
    "committed (a transaction)",
    {
      start: async (a) => {
        a.send(
          Buffer.concat([
            message(tags.BEGIN, {}),
            message(tags.RUN, HOLD, {}, {}),
          ]),
        );
        await expectTags(a, [SUCCESS, SUCCESS]);
      },
      end: async (a) => {
        a.send(Buffer.concat([message(tags.PULL, ALL), message(tags.COMMIT)]));
        await expectTags(a, [
          RECORD,
          RECORD,
          RECORD,
          RECORD,
          RECORD,
          SUCCESS,
          SUCCESS,
        ]);
      },
      outcome: "completed",
    },
  ],
];

describe("queries per viewer over all its connections (raw Bolt)", () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack(
      {
        responders: [
          { match: QUICK, fields: ["n"], records: [[neo4j.int(1)]] },
          { match: HOLD, fields: ["i"], records: rows(5) },
          {
            match: FAIL,
            delayMs: QUERY_TIMEOUT_MS / 2,
            failure: { code: errorCodes.client, message: "boom" },
          },
          {
            match: SLOW,
            delayMs: 10 * QUERY_TIMEOUT_MS,
            fields: ["n"],
            records: [[neo4j.int(1)]],
          },
          { match: HANG, hang: true, fields: ["n"] },
        ],
      },
      { maxQueriesPerViewer: 1, queryTimeoutMs: QUERY_TIMEOUT_MS },
    );
  });

  afterAll(() => stack.stop());

  it.each(PATHS)(
    "a slot is held and given back when the result is %s",
    async (_name, path) => {
      const outcomes = async () =>
        (await stack.gateway.metrics.queries.get()).values;
      const count = async (outcome: string) =>
        (await outcomes()).find((v) => v.labels.outcome === outcome)?.value ??
        0;
      const endedBefore = await count(path.outcome);
      const [a, b, other] = await Promise.all([
        connectReady(stack.gateway.port, LOGIN),
        connectReady(stack.gateway.port, LOGIN),
        connectReady(stack.gateway.port, TOKEN_LOGIN),
      ]);
      try {
        await path.start(a);
        await untilOpen(stack, VIEWER.user, 1);
        // The same credential on another connection waits; another credential does not.
        await expectViewerLimit(b);
        await expectRuns(other);
        expect(await openFor(stack, "token:1")).toBe(0);
        expect(await openFor(stack, VIEWER.user)).toBe(1);
        await path.end(a);
        await untilOpen(stack, VIEWER.user, 0);
        await expectRuns(b);
        expect(await openFor(stack, VIEWER.user)).toBe(0);
        expect(await count(path.outcome)).toBeGreaterThan(endedBefore);
      } finally {
        [a, b, other].forEach((client) => client.destroy());
      }
    },
    20_000,
  );

  it("counts refusals by the limit reason, and leaves no viewer with an open query behind", async () => {
    const refusals = (await stack.gateway.metrics.refusals.get()).values;
    expect(
      refusals.find((v) => v.labels.reason === "limit")?.value,
    ).toBeGreaterThanOrEqual(PATHS.length);
    await eventually(
      () => stack.gateway.connectionCount() === 0,
      "connections closed",
    );
    const open = (await stack.gateway.metrics.viewerOpenQueries.get()).values;
    expect(open.every((v) => v.value === 0)).toBe(true);
  });
});

it("refuses a second connection of the same viewer with the real driver (TCP and WebSocket), then lets it run", async () => {
  const slow = "RETURN slowly";
  const stack = await startStack(
    {
      responders: [
        { match: QUICK, fields: ["n"], records: [[neo4j.int(1)]] },
        {
          match: slow,
          delayMs: 1500,
          fields: ["n"],
          records: [[neo4j.int(2)]],
        },
      ],
    },
    { maxQueriesPerViewer: 1 },
  );
  const overTcp = openDriver(
    "tcp",
    stack.gateway.url,
    VIEWER.user,
    VIEWER.password,
  );
  const overWebSocket = openDriver(
    "websocket",
    stack.gateway.url,
    VIEWER.user,
    VIEWER.password,
  );
  try {
    const running = overTcp.executeQuery(slow);
    await eventually(
      () => stack.server.runs.some((run) => run.query === sentText(slow)),
      "the slow query reached the server",
    );
    const session = overWebSocket.session({
      defaultAccessMode: neo4j.session.READ,
    });
    const error = await session.run(QUICK).then(
      () => undefined,
      (e: Neo4jError) => e,
    );
    await session.close();
    expect(error?.code).toBe(gatewayErrorCodes.limitReached);
    expect(error?.message).toContain("BOLT_GATEWAY_MAX_QUERIES_PER_VIEWER");
    expect(
      stack.server.runs.filter((run) => run.query === sentText(QUICK)),
    ).toEqual([]);
    expect((await running).records[0].get("n").toNumber()).toBe(2);
    expect(
      (await overWebSocket.executeQuery(QUICK)).records[0].get("n").toNumber(),
    ).toBe(1);
    expect(await openFor(stack, VIEWER.user)).toBe(0);
  } finally {
    await overTcp.close();
    await overWebSocket.close();
    await stack.stop();
  }
}, 20_000);
