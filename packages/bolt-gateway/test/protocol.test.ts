// What reaches Memgraph besides the statement: text that is not UTF-8, the `db` and `imp_user` fields, unknown
// extras, the client's HELLO and ROUTE. Each refusal is answered by the gateway and the test server (standing in for
// Memgraph) records that nothing arrived; what may pass arrives cut to the allowlist.
import { gatewayErrorCodes } from "@opentruss/contract";
import neo4j, { type Driver, type Neo4jError } from "neo4j-driver";
import {
  CHANNELS,
  connectReady,
  DRIVER6_VERSIONS,
  handshake,
  INVALID_UTF8_CASES,
  message,
  messageWithRawFields,
  openDriver,
  queryWithBytes,
  RawBoltClient,
  rawStringField,
  type Channel,
} from "@opentruss/bolt-testing";
import { routingTableUnavailable, requestTags as tags, responseTags as responses } from "@opentruss/bolt-protocol";
import { GATEWAY_USER_AGENT } from "../src/upstream/upstream-link";
import { sentText, startStack, VIEWER, type Stack } from "./support/stack";

const QUERY = "MATCH (n) RETURN n";
const LOGIN = {
  scheme: "basic",
  principal: VIEWER.user,
  credentials: VIEWER.password,
};
const ALL = { n: neo4j.int(-1) };
const ROUTE = 0x66;

/** What the test server received of a type, from connections opened after `since` messages. */
const received = (stack: Stack, type: string, since = 0) =>
  stack.server.messages.slice(since).filter((m) => m.type === type);

async function errorOf(
  work: Promise<unknown>,
): Promise<Neo4jError | undefined> {
  return work.then(
    () => undefined,
    (error: Neo4jError) => error,
  );
}

/** Reads a FAILURE, then checks what follows is IGNORED until RESET, and that a query works again after it. */
async function expectRefusedThenRecovers(
  client: RawBoltClient,
): Promise<Record<string, string>> {
  const failure = await client.readMessage();
  expect(failure.tag).toBe(responses.FAILURE);
  client.send(
    Buffer.concat([message(tags.RUN, QUERY, {}, {}), message(tags.PULL, ALL)]),
  );
  expect((await client.readMessage()).tag).toBe(responses.IGNORED);
  expect((await client.readMessage()).tag).toBe(responses.IGNORED);
  client.send(
    Buffer.concat([
      message(tags.RESET),
      message(tags.RUN, QUERY, {}, {}),
      message(tags.PULL, ALL),
    ]),
  );
  expect((await client.readMessage()).tag).toBe(responses.SUCCESS); // RESET
  expect((await client.readMessage()).tag).toBe(responses.SUCCESS); // RUN
  expect((await client.readMessage()).tag).toBe(responses.RECORD);
  expect((await client.readMessage()).tag).toBe(responses.SUCCESS); // PULL
  return failure.fields[0] as Record<string, string>;
}

describe("text that is not UTF-8 (raw Bolt: no driver can send it)", () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({
      responders: [{ match: /.*/s, fields: ["n"], records: [[neo4j.int(1)]] }],
    });
  });

  afterAll(() => stack.stop());

  it.each(INVALID_UTF8_CASES)(
    "a query holding an %s is refused before Memgraph sees it",
    async (_form, bytes) => {
      const client = await connectReady(stack.gateway.port, LOGIN);
      const runsBefore = stack.server.runs.length;
      try {
        client.send(
          messageWithRawFields(
            tags.RUN,
            rawStringField(queryWithBytes(bytes)),
            {},
            {},
          ),
        );
        const failure = await expectRefusedThenRecovers(client);
        expect(failure).toEqual({
          code: gatewayErrorCodes.refused,
          message:
            "Refused by the Bolt gateway: the query text is not valid UTF-8 at line 1, column 10 (an overlong form, an " +
            "encoded surrogate, a truncated sequence or a code point above U+10FFFF). Send text as UTF-8; send binary " +
            "data as a byte array parameter.",
        });
        // Only the query after RESET reached the server.
        expect(
          stack.server.runs.slice(runsBefore).map((run) => run.query),
        ).toEqual([sentText(QUERY)]);
      } finally {
        client.destroy();
      }
    },
  );

  it("gives the line and column of the bad bytes in a longer text", async () => {
    const client = await connectReady(stack.gateway.port, LOGIN);
    try {
      const text = Buffer.concat([
        Buffer.from('MATCH (n)\nWHERE n.name = "Größe'),
        Buffer.from([0xed, 0xa0, 0x80]),
      ]);
      client.send(messageWithRawFields(tags.RUN, rawStringField(text), {}, {}));
      const failure = await expectRefusedThenRecovers(client);
      expect(failure.message).toContain(
        "the query text is not valid UTF-8 at line 2, column 22",
      );
    } finally {
      client.destroy();
    }
  });

  it("refuses a parameter name or value, and a BEGIN extra, that is not UTF-8", async () => {
    const overlong = rawStringField(Buffer.from([0x61, 0xc0, 0xa0]));
    const cases: Array<[Buffer, string]> = [
      [
        messageWithRawFields(
          tags.RUN,
          "RETURN $p",
          Buffer.concat([
            Buffer.from([0xa1]),
            rawStringField(Buffer.from("p")),
            overlong,
          ]),
          {},
        ),
        "a parameter (name or value) is not valid UTF-8",
      ],
      [
        messageWithRawFields(
          tags.RUN,
          "RETURN 1",
          Buffer.concat([Buffer.from([0xa1]), overlong, Buffer.from([0x01])]),
          {},
        ),
        "a parameter (name or value) is not valid UTF-8",
      ],
      [
        messageWithRawFields(
          tags.BEGIN,
          Buffer.concat([
            Buffer.from([0xa1]),
            rawStringField(Buffer.from("tx_metadata")),
            Buffer.from([0xa1]),
            overlong,
            Buffer.from([0x01]),
          ]),
        ),
        "the BEGIN extra is not valid UTF-8",
      ],
    ];
    for (const [request, expected] of cases) {
      const since = stack.server.messages.length;
      const client = await connectReady(stack.gateway.port, LOGIN);
      try {
        client.send(request);
        const failure = await expectRefusedThenRecovers(client);
        expect(failure.code).toBe(gatewayErrorCodes.refused);
        expect(failure.message).toContain(expected);
        expect(received(stack, "BEGIN", since)).toEqual([]);
        expect(received(stack, "RUN", since).map((m) => m.fields[0])).toEqual([
          sentText(QUERY),
        ]);
      } finally {
        client.destroy();
      }
    }
    const refusals = (await stack.gateway.metrics.refusals.get()).values;
    expect(
      refusals.find((v) => v.labels.reason === "encoding")?.value,
    ).toBeGreaterThanOrEqual(3);
  });

  it("passes valid text through exactly (in the canonical text), a genuine U+FFFD and characters outside the BMP included", async () => {
    const client = await connectReady(stack.gateway.port, LOGIN);
    try {
      const text = 'MATCH (n) WHERE n.name = "Größe \uFFFD 😀 中" RETURN n';
      client.send(
        Buffer.concat([
          message(tags.RUN, text, { p: "ü\uFFFD" }, {}),
          message(tags.PULL, ALL),
        ]),
      );
      expect((await client.readMessage()).tag).toBe(responses.SUCCESS);
      // The text's characters reach Memgraph exactly, inside the canonical text the checker printed.
      expect(stack.server.lastRun?.query).toBe(sentText(text));
      expect(stack.server.lastRun?.query).toContain("'Größe \uFFFD 😀 中'");
      expect(stack.server.lastRun?.parameters).toEqual({ p: "ü\uFFFD" });
    } finally {
      client.destroy();
    }
  });

  it("drops a connection whose HELLO is not UTF-8 (a protocol error, nothing opened upstream)", async () => {
    const connectionsBefore = stack.server.connections.length;
    const client = await RawBoltClient.connect(stack.gateway.port);
    try {
      client.send(handshake(DRIVER6_VERSIONS));
      await client.readBytes(4);
      client.startMessages();
      const agent = Buffer.concat([
        Buffer.from([0xa1]),
        rawStringField(Buffer.from("user_agent")),
        overlongAgent(),
      ]);
      client.send(messageWithRawFields(tags.HELLO, agent));
      await client.waitForClose();
      expect(stack.server.connections.length).toBe(connectionsBefore);
    } finally {
      client.destroy();
    }
  });
});

function overlongAgent(): Buffer {
  return rawStringField(Buffer.from([0x72, 0x61, 0x77, 0xc0, 0xaf]));
}

describe.each(CHANNELS)(
  "protocol fields over %s (the real driver)",
  (channel: Channel) => {
    let stack: Stack;
    let driver: Driver;

    beforeAll(async () => {
      stack = await startStack({
        responders: [
          { match: QUERY, fields: ["n"], records: [[neo4j.int(1)]] },
        ],
      });
      driver = openDriver(
        channel,
        stack.gateway.url,
        VIEWER.user,
        VIEWER.password,
      );
    });

    afterAll(async () => {
      await driver.close();
      await stack.stop();
    });

    it.each([
      [
        "a database (db) in RUN",
        { database: "other" },
        "run",
        /RUN asks for the database "other"/,
      ],
      [
        "a database (db) in BEGIN",
        { database: "memgraph" },
        "transaction",
        /BEGIN asks for the database "memgraph"/,
      ],
      [
        "impersonation (imp_user) in RUN",
        { impersonatedUser: "admin" },
        "run",
        /impersonate the Memgraph user "admin"/,
      ],
      [
        "impersonation (imp_user) in BEGIN",
        { impersonatedUser: "admin" },
        "transaction",
        /BEGIN asks to impersonate/,
      ],
    ] as const)(
      "refuses %s, and nothing reaches the server",
      async (_what, config, how, expected) => {
        const since = stack.server.messages.length;
        const session = driver.session({
          defaultAccessMode: neo4j.session.READ,
          ...config,
        });
        try {
          const error = await errorOf(
            how === "run"
              ? session.run(QUERY)
              : session.executeRead((tx) =>
                  tx.run(QUERY).then((r) => r.records),
                ),
          );
          expect(error?.code).toBe(gatewayErrorCodes.refused);
          expect(error?.message).toMatch(/^Refused by the Bolt gateway: /);
          expect(error?.message).toMatch(expected);
        } finally {
          await session.close();
        }
        expect(received(stack, "RUN", since)).toEqual([]);
        expect(received(stack, "BEGIN", since)).toEqual([]);
        // The same driver goes on working (its connection was RESET).
        expect((await driver.executeQuery(QUERY)).records).toHaveLength(1);
      },
    );

    it("sends Memgraph the gateway's own HELLO, nothing of the client's", async () => {
      const since = stack.server.messages.length;
      const agentDriver = openDriver(
        channel,
        stack.gateway.url,
        VIEWER.user,
        VIEWER.password,
        {
          userAgent: "curious-client/9.9",
        },
      );
      try {
        await agentDriver.executeQuery(QUERY);
      } finally {
        await agentDriver.close();
      }
      const hellos = received(stack, "HELLO", since);
      expect(hellos).toHaveLength(1);
      expect(hellos[0].fields[0]).toEqual({ user_agent: GATEWAY_USER_AGENT });
    });

    it("answers a routing driver (neo4j://) as Memgraph outside a cluster does: no ROUTE reaches the server", async () => {
      const since = stack.server.messages.length;
      const protocolRefusals = async () =>
        (await stack.gateway.metrics.refusals.get()).values.find(
          (v) => v.labels.reason === "protocol",
        )?.value ?? 0;
      const refusalsBefore = await protocolRefusals();
      const routing = openDriver(
        channel,
        stack.gateway.url.replace("bolt://", "neo4j://"),
        VIEWER.user,
        VIEWER.password,
      );
      try {
        const session = routing.session({
          defaultAccessMode: neo4j.session.READ,
        });
        const error = await errorOf(session.run(QUERY)).finally(() =>
          session.close(),
        );
        expect(error?.code).toBe("ServiceUnavailable");
        expect(error?.message).toMatch(/Could not perform discovery/);
      } finally {
        await routing.close();
      }
      // The gateway answered the driver's ROUTE itself (with Memgraph's answer, which the driver reports this way).
      expect(await protocolRefusals()).toBeGreaterThan(refusalsBefore);
      expect(received(stack, "ROUTE", since)).toEqual([]);
      expect(received(stack, "RUN", since)).toEqual([]);
    }, 20_000);
  },
);

describe("protocol fields (raw Bolt)", () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({
      responders: [{ match: QUERY, fields: ["n"], records: [[neo4j.int(1)]] }],
    });
  });

  afterAll(() => stack.stop());

  it("cuts RUN and BEGIN extras to the allowlist: unknown keys, null db and imp_user dropped", async () => {
    const client = await connectReady(stack.gateway.port, LOGIN);
    const since = stack.server.messages.length;
    const extra = {
      bookmarks: ["bm:1"],
      tx_metadata: { app: "dashboards" },
      tx_timeout: neo4j.int(5000),
      mode: "w",
      db: null,
      imp_user: null,
      notifications_minimum_severity: "OFF",
      something_new: { x: 1 },
    };
    const allowed = {
      bookmarks: ["bm:1"],
      tx_metadata: { app: "dashboards" },
      tx_timeout: neo4j.int(5000),
      mode: "r",
    };
    try {
      client.send(
        Buffer.concat([
          message(tags.RUN, QUERY, {}, extra),
          message(tags.PULL, ALL),
        ]),
      );
      for (const tag of [
        responses.SUCCESS,
        responses.RECORD,
        responses.SUCCESS,
      ]) {
        expect((await client.readMessage()).tag).toBe(tag);
      }
      expect(received(stack, "RUN", since)[0].fields[2]).toEqual(allowed);
      client.send(
        Buffer.concat([
          message(tags.BEGIN, { ...extra, db: "" }),
          message(0x13 /* ROLLBACK */),
        ]),
      );
      expect((await client.readMessage()).tag).toBe(responses.SUCCESS);
      expect((await client.readMessage()).tag).toBe(responses.SUCCESS);
      expect(received(stack, "BEGIN", since)[0].fields[0]).toEqual(allowed);
    } finally {
      client.destroy();
    }
  });

  it("sends the gateway's own HELLO whatever the client's HELLO holds (routing, imp_user, extras)", async () => {
    const since = stack.server.messages.length;
    const client = await RawBoltClient.connect(stack.gateway.port);
    try {
      client.send(handshake(DRIVER6_VERSIONS));
      await client.readBytes(4);
      client.startMessages();
      const hello = {
        user_agent: "raw/1",
        routing: { address: "evil:7687" },
        imp_user: "admin",
        patch_bolt: ["utc"],
        notifications_minimum_severity: "OFF",
        anything: "else",
      };
      client.send(
        Buffer.concat([message(tags.HELLO, hello), message(tags.LOGON, LOGIN)]),
      );
      expect((await client.readMessage()).tag).toBe(responses.SUCCESS);
      expect((await client.readMessage()).tag).toBe(responses.SUCCESS);
      const [upstreamHello] = received(stack, "HELLO", since);
      expect(upstreamHello.fields[0]).toEqual({
        user_agent: GATEWAY_USER_AGENT,
      });
      expect(received(stack, "LOGON", since)[0].fields[0]).toEqual({
        scheme: "basic",
        principal: "memgraph-admin",
        credentials: "******",
      });
    } finally {
      client.destroy();
    }
  });

  it("answers ROUTE itself, exactly as Memgraph 3.12 outside a cluster, then IGNORED until RESET", async () => {
    const client = await connectReady(stack.gateway.port, LOGIN);
    const since = stack.server.messages.length;
    try {
      client.send(
        message(ROUTE, { address: "gateway:7687" }, [], {
          db: "memgraph",
          imp_user: "admin",
        }),
      );
      const failure = await expectRefusedThenRecovers(client);
      expect(failure).toEqual(routingTableUnavailable);
      expect(received(stack, "ROUTE", since)).toEqual([]);
    } finally {
      client.destroy();
    }
  });

  it("answers ROUTE the same way on Bolt 4.4 (db as its own field)", async () => {
    const client = await RawBoltClient.connect(stack.gateway.port);
    const since = stack.server.messages.length;
    try {
      client.send(handshake([0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
      expect([...(await client.readBytes(4))]).toEqual([0, 0, 4, 4]);
      client.startMessages();
      client.send(
        Buffer.concat([
          message(tags.HELLO, { user_agent: "raw/4", ...LOGIN }),
          message(ROUTE, {}, [], null),
        ]),
      );
      expect((await client.readMessage()).tag).toBe(responses.SUCCESS);
      const failure = await client.readMessage();
      expect(failure.fields[0]).toEqual(routingTableUnavailable);
      expect(received(stack, "ROUTE", since)).toEqual([]);
      const [hello] = received(stack, "HELLO", since);
      expect(hello.fields[0]).toEqual({
        user_agent: GATEWAY_USER_AGENT,
        scheme: "basic",
        principal: "memgraph-admin",
        credentials: "******",
      });
    } finally {
      client.destroy();
    }
  });
});
