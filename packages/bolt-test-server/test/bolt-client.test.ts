// The shared Bolt client (bolt-protocol's BoltClient: the gateway's link to Memgraph, its /health probe and the test
// clients) against the test server, in both of its modes: messages (login, RUN/PULL, FAILURE → IGNORED → RESET,
// GOODBYE) and the pipe (bytes through undecoded after the login). Malformed replies: bolt-protocol's own tests.
import neo4j, { type Integer } from 'neo4j-driver';
import {
  BOLT5,
  BOLT_PREAMBLE,
  BoltClient,
  Dechunker,
  PackStreamReader,
  SERVER_AGENT,
  createHydrator,
  encodeMessage,
  errorCodes,
  logIn,
  requestTags,
  responseTags,
  type BoltVersion,
  type Structure,
} from '@opentruss/bolt-protocol';
import { startBoltTestServer, type BoltTestServer } from '../src';

const LOTS = 'MATCH (l:InspectionLot) RETURN l.seq AS seq, l.name AS name';
const BOOM = 'MATCH (n) RETURN n.boom';
const USER = { scheme: 'basic', principal: 'grafana', credentials: 's3cret' };

let server: BoltTestServer;
let client: BoltClient | undefined;

beforeAll(async () => {
  server = await startBoltTestServer({
    users: { grafana: 's3cret' },
    responders: [
      { match: LOTS, fields: ['seq', 'name'], records: [[neo4j.int(1), '一层柱'], [neo4j.int(2), '二层梁']] },
      { match: BOOM, failure: { code: errorCodes.transient, message: 'boom' } },
    ],
  });
});

afterEach(() => {
  client?.destroy();
  client = undefined;
});

afterAll(async () => {
  await server.stop();
});

async function loggedIn(version: BoltVersion): Promise<{ client: BoltClient; hello: Record<string, unknown> }> {
  const opened = await BoltClient.open({ host: '127.0.0.1', port: server.port, timeoutMs: 3000 });
  client = opened;
  const hello = await logIn(opened, { version, userAgent: 'client-test/1.0', auth: USER, timeoutMs: 3000 });
  return { client: opened, hello };
}

describe.each(['5.2', '4.4'] as const)('over Bolt %s', (version) => {
  it('logs in, runs and pulls (two requests in flight), and says goodbye', async () => {
    const { client, hello } = await loggedIn(version);
    expect(hello).toMatchObject({ server: SERVER_AGENT, connection_id: expect.stringMatching(/^bolt-\d+$/) });
    const connection = server.connections.find((c) => c.connectionId === hello.connection_id);
    expect(connection).toMatchObject({ principal: 'grafana', userAgent: 'client-test/1.0', boltVersion: version });

    const [run, pull] = await Promise.all([client.run(LOTS), client.pull()]);
    expect(run).toMatchObject({ summary: 'SUCCESS', metadata: { fields: ['seq', 'name'] }, records: [] });
    expect(pull.summary).toBe('SUCCESS');
    expect(pull.records.map(([seq, name]) => [(seq as Integer).toNumber(), name])).toEqual([
      [1, '一层柱'],
      [2, '二层梁'],
    ]);

    await client.goodbye();
    expect(client.isClosed).toBe(true);
    expect(server.connections.find((c) => c.connectionId === hello.connection_id)?.closeReason).toBe('GOODBYE');
  });

  it('gets FAILURE, then IGNORED until RESET, then answers again', async () => {
    const { client } = await loggedIn(version);
    const [failed, ignored] = await Promise.all([client.run(BOOM), client.pull()]);
    expect(failed).toMatchObject({ summary: 'FAILURE', metadata: { code: errorCodes.transient, message: 'boom' } });
    expect(ignored).toEqual({ summary: 'IGNORED', metadata: {}, records: [] });
    expect((await client.reset()).summary).toBe('SUCCESS');
    expect((await client.run(LOTS)).summary).toBe('SUCCESS');
    expect((await client.pull(1)).records).toHaveLength(1);
  });

  it("is refused with the server's message for a wrong password, which it never repeats", async () => {
    const opened = await BoltClient.open({ host: '127.0.0.1', port: server.port, timeoutMs: 3000 });
    client = opened;
    const wrong = { ...USER, credentials: 'not-the-password' };
    const error = await logIn(opened, { version, userAgent: 'client-test/1.0', auth: wrong, timeoutMs: 3000 }).catch((e) => e);
    expect(error).toMatchObject({
      kind: 'refused',
      message: `Bolt server at 127.0.0.1:${server.port} refused the login (Authentication failure)`,
      failure: { code: errorCodes.unauthenticated },
    });
    expect(String(error.message)).not.toContain('not-the-password');
    await opened.waitForClose(3000);
  });

  it('hands the connection over as a pipe: requests written as bytes, answers read as bytes', async () => {
    const { client } = await loggedIn(version);
    const pipe = client.pipe();
    const replies: Structure[] = [];
    const dechunker = new Dechunker((bytes) => replies.push(new PackStreamReader(bytes, createHydrator(BOLT5)).readMessage()));
    const answered = new Promise<void>((resolve) =>
      pipe.attach({
        onData: (data) => {
          dechunker.write(data);
          if (replies.length === 4) {
            resolve();
          }
        },
        onClose: () => resolve(),
      })
    );
    pipe.write(Buffer.concat([encodeMessage(requestTags.RUN, [LOTS, {}, {}]), encodeMessage(requestTags.PULL, [{ n: -1n }])]));
    await answered;
    expect(replies.map((r) => r.tag)).toEqual([responseTags.SUCCESS, responseTags.RECORD, responseTags.RECORD, responseTags.SUCCESS]);
    expect(pipe.isClosed).toBe(false);
    pipe.destroy();
  });
});

it('probes a handshake without logging in, and tells a version the server does not speak', async () => {
  const opened = await BoltClient.open({ host: '127.0.0.1', port: server.port, timeoutMs: 3000 });
  client = opened;
  await expect(opened.handshake('4.1')).resolves.toBeUndefined();
  opened.destroy();
  const probe = await BoltClient.open({ host: '127.0.0.1', port: server.port, timeoutMs: 3000 });
  client = probe;
  const unsupported = Buffer.concat([BOLT_PREAMBLE, Buffer.from([0, 0, 0, 3]), Buffer.alloc(12)]) // Bolt 3 only;
  await expect(probe.handshake('5.2', 3000, unsupported)).rejects.toMatchObject({
    kind: 'version',
    message: expect.stringMatching(/does not speak Bolt 5\.2 \(answered 00000000\)$/),
  });
});
