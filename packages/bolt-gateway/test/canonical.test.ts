// The gateway sends Memgraph the canonical text its read-only checker printed (never the client's
// bytes) with the QUERY MEMORY LIMIT of its settings, refuses every statement the checker does not recognise as a
// read — each class of the adversarial findings has regressions here, through the real neo4j-driver over TCP and
// WebSocket and with raw Bolt bytes, and the test server behind it must have received nothing — and maps the
// position in a Memgraph syntax error back to the text the client sent.
import { checkReadQuery } from '@opentruss/cypher';
import { gatewayErrorCodes } from '@opentruss/contract';
import { errorCodes, memoryLimitExceeded, requestTags as tags, responseTags as responses } from '@opentruss/bolt-protocol';
import {
  CHANNELS,
  connectReady,
  message,
  openDriver,
  type Channel,
} from '@opentruss/bolt-testing';
import neo4j, { type Driver, type Neo4jError } from 'neo4j-driver';
import { startStack, VIEWER, type Stack } from './support/stack';

/** One example per class of the adversarial check's findings (not the full list: the checker's own tests and fuzzer have more). */
const CLASSES: Array<[string, string[]]> = [
  [
    'comment terminators (Memgraph ends // at \\r; its stripper only at \\n)',
    [
      'MATCH (n) RETURN n // x\rCREATE (:X)',
      'MATCH (n) // x\r\nDETACH DELETE n',
      'MATCH (n) RETURN n /* x */ CREATE (:X)',
      'RETURN 1 //\r\rCREATE (:X)',
    ],
  ],
  ['parameters glued to keywords', ['MATCH (n) WHERE n.x = $1CREATE (:X) RETURN n', 'RETURN $0SET']],
  [
    'alias and label heuristics',
    [
      'WITH 1 AS as CREATE (:X)',
      'MATCH (n) FOREACH (x IN [1] + n:L | CREATE (:X))',
      'MATCH (n) WITH n AS set SET set.x = 1',
      'MATCH (n:Create)-[:SET|DELETE]->(m) DELETE m',
    ],
  ],
  [
    'statements a denylist does not know',
    ['UNSET PARAMETER x', 'RELOAD SSL', "UPDATE CONFIG FOR INSTANCE i {'bolt_server': 'h:1'}", 'SUSPEND USER x'],
  ],
  [
    'privileged reads (they would run with the gateway’s Memgraph credential)',
    [
      'SHOW CONFIG',
      'SHOW DATABASE SETTINGS',
      'SHOW ACTIVE USERS INFO',
      'SHOW TRANSACTIONS',
      'DUMP DATABASE',
      'SHOW USERS',
      'SHOW PRIVILEGES FOR viewer',
    ],
  ],
];
const REFUSED = CLASSES.flatMap(([what, queries]) => queries.map((query) => [what, query] as const));

const ANYTHING = { match: /.*/s, fields: ['x'], records: [[neo4j.int(1)]] };

/** The error an auto-commit run of `query` ends with (the test fails when it succeeds). */
async function refusalOf(driver: Driver, query: string): Promise<Neo4jError> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    await session.run(query);
  } catch (error) {
    return error as Neo4jError;
  } finally {
    await session.close();
  }
  throw new Error(`not refused: ${JSON.stringify(query)}`);
}

describe.each(CHANNELS)('over %s', (channel: Channel) => {
  let stack: Stack;
  let driver: Driver;

  beforeAll(async () => {
    stack = await startStack({ responders: [ANYTHING] });
    driver = openDriver(channel, stack.gateway.url, VIEWER.user, VIEWER.password);
  });

  afterAll(async () => {
    await driver.close();
    await stack.stop();
  });

  it.each(REFUSED)('%s: %j is refused by the gateway and never reaches Memgraph', async (_what, query) => {
    const runsBefore = stack.server.runs.length;
    const error = await refusalOf(driver, query);
    expect(error.code).toBe(gatewayErrorCodes.refused);
    expect(error.message).toMatch(/^Refused by the Bolt gateway: .+ at line \d+, column \d+\. /);
    expect(stack.server.runs.length).toBe(runsBefore);
    expect(stack.server.messages.filter((m) => m.type === 'RUN').length).toBe(runsBefore);
  });

  it('sends Memgraph the canonical text with the memory limit, never the text as sent', async () => {
    const sent = 'match (n:Element) // the elements\r\nwhere n.status = $status\nreturn n.id as id /* done */';
    const checked = checkReadQuery(sent, { queryMemoryLimitMb: 1024 });
    if (!checked.ok) {
      throw new Error(`a read was refused: ${checked.refusal.reason}`);
    }
    const result = await driver.executeQuery(sent, { status: 'Draft' }, { routing: neo4j.routing.READ });
    expect(result.records.map((r) => r.get('x'))).toEqual([neo4j.int(1)]);
    const received = stack.server.lastRun!;
    expect(received.query).toBe(checked.canonical);
    expect(received.query).not.toContain('//');
    expect(received.query).not.toContain('/*');
    expect(received.query).not.toMatch(/[\r\n]/);
    expect(received.query).toMatch(/ QUERY MEMORY LIMIT 1024 MB$/);
    expect(received.parameters).toEqual({ status: 'Draft' });
  });
});

it('refuses each class with raw Bolt bytes too, and the server behind it receives no RUN', async () => {
  const stack = await startStack({ responders: [ANYTHING] });
  try {
    for (const [, query] of REFUSED) {
      const client = await connectReady(stack.gateway.port, {
        scheme: 'basic',
        principal: VIEWER.user,
        credentials: VIEWER.password,
      });
      client.send(Buffer.concat([message(tags.RUN, query, {}, {}), message(tags.PULL, { n: neo4j.int(-1) })]));
      const failure = await client.readMessage();
      expect([failure.tag, (failure.fields[0] as { message: string }).message]).toEqual([
        responses.FAILURE,
        expect.stringMatching(/^Refused by the Bolt gateway: /),
      ]);
      expect((await client.readMessage()).tag).toBe(responses.IGNORED);
      client.destroy();
    }
    expect(stack.server.messages.filter((m) => m.type === 'RUN')).toEqual([]);
  } finally {
    await stack.stop();
  }
});

describe('the query memory limit', () => {
  it('BOLT_GATEWAY_QUERY_MEMORY_LIMIT_MB=0 appends none', async () => {
    const stack = await startStack({ responders: [ANYTHING] }, { queryMemoryLimitMb: 0 });
    const driver = openDriver('tcp', stack.gateway.url, VIEWER.user, VIEWER.password);
    try {
      await driver.executeQuery('MATCH (n) RETURN n');
      expect(stack.server.lastRun?.query).not.toMatch(/MEMORY/);
      const checked = checkReadQuery('MATCH (n) RETURN n');
      expect(stack.server.lastRun?.query).toBe(checked.ok && checked.canonical);
    } finally {
      await driver.close();
      await stack.stop();
    }
  });

  it.each(CHANNELS)("a query over the limit gets Memgraph's memory-limit failure, as Memgraph words it (%s)", async (channel) => {
    const query = 'MATCH (a), (b) RETURN collect([a, b]) AS pairs';
    const stack = await startStack(
      { responders: [{ match: query, fields: ['pairs'], records: [[[]]], memoryMb: 300 }] },
      { queryMemoryLimitMb: 256 }
    );
    const driver = openDriver(channel, stack.gateway.url, VIEWER.user, VIEWER.password);
    try {
      // Auto-commit: executeQuery would retry a TransientError for 30 s, as drivers do.
      const error = await refusalOf(driver, query);
      expect(error?.code).toBe(errorCodes.transient);
      expect(error?.message).toBe(memoryLimitExceeded(1024 * 1024, 256 * 1024 * 1024 - 1 + 1024 * 1024, 256 * 1024 * 1024).message);
      expect(error?.message).toMatch(/^Memory limit exceeded! .* set to 256\.00MiB\.$/);
      expect(stack.server.lastRun).toMatchObject({ outcome: 'failed' });
      expect(stack.server.lastRun?.query).toMatch(/ QUERY MEMORY LIMIT 256 MB$/);
    } finally {
      await driver.close();
      await stack.stop();
    }
  });
});

describe("a Memgraph syntax error's position", () => {
  const SENT = 'MATCH (n)\n  // which ones\n  WHERE n.x > 1\nRETURN n.x AS x';

  async function failureFor(message: (canonical: string) => string): Promise<Neo4jError> {
    const checked = checkReadQuery(SENT, { queryMemoryLimitMb: 1024 });
    if (!checked.ok) {
      throw new Error(`a read was refused: ${checked.refusal.reason}`);
    }
    const stack = await startStack({
      responders: [{ match: SENT, failure: { code: errorCodes.client, message: message(checked.canonical) } }],
    });
    const driver = openDriver('tcp', stack.gateway.url, VIEWER.user, VIEWER.password);
    try {
      const error = await driver.executeQuery(SENT).then(
        () => undefined,
        (e: unknown) => e as Neo4jError
      );
      expect(stack.server.lastRun?.query).toBe(checked.canonical);
      return error!;
    } finally {
      await driver.close();
      await stack.stop();
    }
  }

  it('points at the text the client sent (Memgraph parsed the canonical text)', async () => {
    // Memgraph's words (src/query/frontend/opencypher/parser.hpp), at the canonical RETURN.
    const error = await failureFor(
      (canonical) =>
        `Error on line 1 position ${canonical.indexOf('RETURN') + 1} with the RETURN token. The underlying ` +
        "parsing error is mismatched input 'RETURN'. Take a look at clauses around and try to fix the query."
    );
    expect(error.code).toBe(errorCodes.client);
    expect(error.message).toBe(
      "Error on line 4 position 1 of the query as written (Memgraph parsed the gateway's canonical form) with the " +
        "RETURN token. The underlying parsing error is mismatched input 'RETURN'. Take a look at clauses around and " +
        'try to fix the query.'
    );
  });

  it('maps a position inside a line too', async () => {
    const error = await failureFor(
      (canonical) =>
        `Error on line 1 position ${canonical.indexOf('WHERE') + 1}. The underlying parsing error is extraneous input`
    );
    expect(error.message).toMatch(/^Error on line 3 position 3 of the query as written/);
  });

  it('leaves other failures as Memgraph sent them', async () => {
    const error = await failureFor(() => "Invalid types: null and int for '>'.");
    expect(error.message).toBe("Invalid types: null and int for '>'.");
  });
});
