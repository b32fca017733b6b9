// The Bolt client against servers scripted byte by byte: what no well-behaved server sends (bytes that are not Bolt,
// a reply of the wrong kind, silence, a close mid-login) must end in one clear error, and replies split anyhow must
// still reach the request they answer. The client against the real test server: packages/bolt-test-server/test.
import net from 'node:net';
import {
  BOLT5,
  BoltClient,
  BoltClientError,
  Dechunker,
  encodeMessage,
  logIn,
  PackStreamReader,
  requestTags,
  responseTags,
  versionReply,
  type Structure,
} from '../src';

interface Scripted {
  port: number;
  /** What the server received, as chunked messages after the 20-byte handshake. */
  received: Structure[];
  close(): Promise<void>;
}

/** A server that answers each connection with `script(socket, received)`; the first 20 bytes are the handshake. */
async function scriptedServer(script: (socket: net.Socket, messages: Structure[]) => void): Promise<Scripted> {
  const received: Structure[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    script(socket, received);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    received,
    close: () => {
      sockets.forEach((socket) => socket.destroy());
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Reads the handshake, answers 5.2, then calls `onMessage` for each request (decoded) with a way to reply. */
function bolt52(onMessage: (message: Structure, reply: (bytes: Buffer) => void) => void) {
  return (socket: net.Socket, received: Structure[]) => {
    let handshake = Buffer.alloc(0);
    const dechunker = new Dechunker((bytes) => {
      const message = new PackStreamReader(bytes).readMessage();
      received.push(message);
      onMessage(message, (reply) => socket.write(reply));
    });
    socket.on('data', (data: Buffer) => {
      if (handshake.length < 20) {
        handshake = Buffer.concat([handshake, data]);
        if (handshake.length >= 20) {
          socket.write(versionReply('5.2'));
          dechunker.write(handshake.subarray(20));
        }
      } else {
        dechunker.write(data);
      }
    });
  };
}

const success = (metadata: Record<string, unknown> = {}) => encodeMessage(responseTags.SUCCESS, [metadata]);
const record = (...values: unknown[]) => encodeMessage(responseTags.RECORD, [values]);
const AUTH = { scheme: 'basic', principal: 'u', credentials: 'p' };

async function loggedIn(port: number): Promise<BoltClient> {
  const client = await BoltClient.open({ host: '127.0.0.1', port, timeoutMs: 2000 });
  await logIn(client, { version: '5.2', userAgent: 'client-test/1.0', auth: AUTH, timeoutMs: 2000 });
  return client;
}

async function errorOf(promise: Promise<unknown>): Promise<BoltClientError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(BoltClientError);
  return error as BoltClientError;
}

let server: Scripted | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('connecting and the handshake', () => {
  it('names a refused connection as unreachable, with the system error', async () => {
    server = await scriptedServer(() => undefined);
    const port = server.port;
    await server.close();
    server = undefined;
    const error = await errorOf(BoltClient.open({ host: '127.0.0.1', port, timeoutMs: 2000, serverName: 'Memgraph' }));
    expect(error).toMatchObject({ kind: 'unreachable', message: 'Memgraph is unreachable (ECONNREFUSED)' });
  });

  it('refuses an answer that is not the proposed version, showing the bytes', async () => {
    server = await scriptedServer((socket) => socket.once('data', () => socket.write('HTTP/1.1 400 Bad Request\r\n\r\n')));
    const client = await BoltClient.open({ host: '127.0.0.1', port: server.port, timeoutMs: 2000 });
    const error = await errorOf(client.handshake('5.2'));
    expect(error.kind).toBe('version');
    expect(error.message).toBe(`Bolt server at 127.0.0.1:${server.port} does not speak Bolt 5.2 (answered 48545450)`);
    await client.waitForClose(1000);
  });

  it('gives up on a silent server after its bound, and closes the connection', async () => {
    server = await scriptedServer(() => undefined);
    const client = await BoltClient.open({ host: '127.0.0.1', port: server.port, timeoutMs: 2000 });
    const error = await errorOf(client.handshake('4.4', 150));
    expect(error).toMatchObject({ kind: 'timeout', message: expect.stringMatching(/did not answer the Bolt handshake within 150 ms$/) });
    await client.waitForClose(1000);
    expect(client.isClosed).toBe(true);
  });

  it('says the server closed the connection when it hangs up mid-handshake', async () => {
    server = await scriptedServer((socket) => socket.once('data', () => socket.end(Buffer.from([0, 0]))));
    const client = await BoltClient.open({ host: '127.0.0.1', port: server.port, timeoutMs: 2000 });
    const error = await errorOf(client.handshake('5.2'));
    expect(error).toMatchObject({ kind: 'closed', message: expect.stringMatching(/closed the connection during the Bolt handshake$/) });
  });
});

describe('message mode', () => {
  it('routes RECORDs and summaries to the request they answer, however the bytes are split', async () => {
    let replies = Promise.resolve();
    server = await scriptedServer(
      bolt52((message, reply) => {
        const bytes =
          message.tag === requestTags.PULL
            ? Buffer.concat([record(1n, '一'), record(2n, '二'), success({ has_more: false })])
            : success({ fields: ['n', 'name'] });
        // One byte per write, replies in order: the client must reassemble every chunk and message.
        for (const byte of bytes) {
          replies = replies.then(() => new Promise((resolve) => setTimeout(() => resolve(reply(Buffer.from([byte]))), 0)));
        }
      })
    );
    const client = await loggedIn(server.port);
    const [run, pull] = await Promise.all([client.run('MATCH (n) RETURN n', { limit: 5n }), client.pull()]);
    expect(run).toEqual({ summary: 'SUCCESS', metadata: { fields: ['n', 'name'] }, records: [] });
    expect(pull.summary).toBe('SUCCESS');
    expect(pull.records.map(([n, name]) => [String(n), name])).toEqual([['1', '一'], ['2', '二']]);
    const sent = server.received.map((m) => m.tag);
    expect(sent).toEqual([requestTags.HELLO, requestTags.LOGON, requestTags.RUN, requestTags.PULL]);
    expect(String((server.received[3].fields[0] as { n: unknown }).n)).toBe('-1');
    client.destroy();
  });

  it('rejects a login the server refuses with its message, and closes', async () => {
    server = await scriptedServer(
      bolt52((message, reply) =>
        reply(
          message.tag === requestTags.HELLO
            ? success()
            : encodeMessage(responseTags.FAILURE, [{ code: 'Memgraph.ClientError.Security.Unauthenticated', message: 'Authentication failure' }])
        )
      )
    );
    const client = await BoltClient.open({ host: '127.0.0.1', port: server.port, timeoutMs: 2000 });
    const error = await errorOf(logIn(client, { version: '5.2', userAgent: 'client-test/1.0', auth: AUTH, timeoutMs: 2000 }));
    expect(error).toMatchObject({
      kind: 'refused',
      message: `Bolt server at 127.0.0.1:${server.port} refused the login (Authentication failure)`,
      failure: { code: 'Memgraph.ClientError.Security.Unauthenticated' },
    });
    expect(error.message).not.toContain('p)');
    await client.waitForClose(1000);
  });

  it.each([
    ['a message that is not a structure', Buffer.from([0x00, 0x01, 0x01, 0x00, 0x00]), /is not Bolt \(a message must be a structure, got marker 0x1\)$/],
    ['a truncated PackStream value', Buffer.from([0x00, 0x03, 0xb1, 0x70, 0xd0, 0x00, 0x00]), /is not Bolt \(.+\)$/],
    ['a request where a reply belongs', encodeMessage(requestTags.RUN, ['RETURN 1', {}, {}]), /answered HELLO with message 0x10, which is not a Bolt reply$/],
  ])('fails every waiting request on %s, with one clear error', async (_name, bytes, expected) => {
    server = await scriptedServer(bolt52((message, reply) => message.tag === requestTags.HELLO && reply(bytes)));
    const client = await BoltClient.open({ host: '127.0.0.1', port: server.port, timeoutMs: 2000 });
    const error = await errorOf(logIn(client, { version: '5.2', userAgent: 'client-test/1.0', auth: AUTH, timeoutMs: 2000 }));
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(expected);
    // Whatever comes next gets the same error: the stream can no longer be trusted.
    expect(await errorOf(client.reset())).toBe(error);
    await client.waitForClose(1000);
  });

  it('bounds each reply: a request left unanswered fails, and so does every one behind it', async () => {
    const login: number[] = [requestTags.HELLO, requestTags.LOGON];
    server = await scriptedServer(bolt52((message, reply) => login.includes(message.tag) && reply(success())));
    const client = await loggedIn(server.port);
    const run = client.request(requestTags.RUN, ['RETURN 1', {}, {}], 100);
    const pull = client.pull();
    const error = await errorOf(run);
    expect(error).toMatchObject({ kind: 'timeout', message: expect.stringMatching(/did not answer RUN within 100 ms$/) });
    expect(await errorOf(pull)).toBe(error);
  });

  it('tells a close mid-request apart from a timeout', async () => {
    server = await scriptedServer(bolt52((message, reply) => (message.tag === requestTags.RUN ? server!.close() : reply(success()))));
    const client = await loggedIn(server.port);
    const error = await errorOf(client.run('RETURN 1'));
    expect(error).toMatchObject({ kind: 'closed', message: expect.stringMatching(/closed the connection before answering RUN/) });
  });

  it('refuses a value Bolt cannot carry before sending anything', async () => {
    server = await scriptedServer(bolt52((_message, reply) => reply(success())));
    const client = await loggedIn(server.port);
    await expect(client.run('RETURN $f', { f: () => 1 })).rejects.toThrow('a function cannot be sent over Bolt');
    expect((await client.reset()).summary).toBe('SUCCESS');
    expect(server.received.map((m) => m.tag)).toEqual([requestTags.HELLO, requestTags.LOGON, requestTags.RESET]);
    client.destroy();
  });
});

describe('pipe mode', () => {
  it('hands the logged-in connection over paused: no byte is lost before attach, none is decoded after', async () => {
    let serverSocket: net.Socket | undefined;
    server = await scriptedServer((socket, received) => {
      serverSocket = socket;
      // Only the login is answered: from then on the test writes the server's bytes itself.
      bolt52((message, reply) => message.tag !== requestTags.RESET && reply(success()))(socket, received);
    });
    const client = await loggedIn(server.port);
    const pipe = client.pipe();
    expect(() => client.pipe()).toThrow(/only after the handshake/); // once only
    await expect(client.reset()).rejects.toMatchObject({ kind: 'usage', message: 'RESET before the handshake, or after pipe() (piped phase)' });
    // Not Bolt at all: the pipe passes it on as it is.
    serverSocket!.write(Buffer.from('not bolt, just bytes'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const seen: Buffer[] = [];
    let closed = false;
    pipe.attach({ onData: (data) => seen.push(data), onClose: () => (closed = true) });
    const reset = encodeMessage(requestTags.RESET, []);
    pipe.write(reset);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(Buffer.concat(seen).toString()).toBe('not bolt, just bytes');
    expect(server.received.at(-1)?.tag).toBe(requestTags.RESET);
    serverSocket!.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(true);
    expect(pipe.isClosed).toBe(true);
  });

  it('still tells a pipe attached after the server hung up that it is closed', async () => {
    server = await scriptedServer((socket, received) =>
      bolt52((message, reply) => (message.tag === requestTags.LOGON ? socket.end(success()) : reply(success())))(socket, received)
    );
    const client = await loggedIn(server.port);
    const pipe = client.pipe();
    await new Promise((resolve) => setTimeout(resolve, 50));
    let closed = false;
    pipe.attach({ onData: () => undefined, onClose: () => (closed = true) });
    expect(closed).toBe(true);
  });

  it('refuses to hand over a connection with a reply outstanding or a message nobody asked for', async () => {
    server = await scriptedServer(
      bolt52((message, reply) => {
        if (message.tag === requestTags.LOGON) {
          reply(Buffer.concat([success(), success({ unasked: true })]));
        } else {
          reply(success());
        }
      })
    );
    const client = await BoltClient.open({ host: '127.0.0.1', port: server.port, timeoutMs: 2000 });
    expect(() => client.pipe()).toThrow(/only after the handshake/);
    await logIn(client, { version: '5.2', userAgent: 'client-test/1.0', auth: AUTH, timeoutMs: 2000 });
    const run = client.run('RETURN 1', {}, {});
    expect(() => client.pipe()).toThrow(/every request answered/);
    const error = await errorOf(run.then(() => client.pipe()));
    expect(error).toMatchObject({ kind: 'malformed', message: expect.stringMatching(/sent 1 message\(s\) nobody asked for$/) });
  });
});

it('encodes a message as a client sends it (struct header, fields, chunk end)', () => {
  expect(encodeMessage(requestTags.RESET, []).toString('hex')).toBe('0002b00f0000');
  expect(encodeMessage(requestTags.PULL, [{ n: -1n }], BOLT5).toString('hex')).toBe('0006b13fa1816eff0000');
});
