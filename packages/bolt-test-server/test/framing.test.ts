// Messages split across TCP reads and WebSocket frames, or merged several to one write: the server must see
// the same conversation either way.
import http from 'node:http';
import neo4j from 'neo4j-driver';
import { WebSocket } from 'ws';
import { startBoltTestServer, type BoltTestServer } from '../src';
import { Dechunker, PackStreamReader, type Structure, BOLT5, createHydrator, requestTags as tags, responseTags as responses } from '@opentruss/bolt-protocol';
import { DRIVER6_VERSIONS, handshake, message, RawBoltClient } from '@opentruss/bolt-testing';

const QUERY = 'MATCH (l:InspectionLot {id: $id}) RETURN l.status AS status';

let server: BoltTestServer;

beforeAll(async () => {
  server = await startBoltTestServer({
    responders: [{ match: QUERY, fields: ['status'], records: [['APPROVED'], ['已发布']] }],
  });
});

afterAll(async () => {
  await server.stop();
});

/** HELLO, LOGON, RUN and PULL as one byte string, the way a pipelining client sends them. */
function conversation(): Buffer {
  return Buffer.concat([
    message(tags.HELLO, { user_agent: 'framing-test/1.0' }),
    message(tags.LOGON, { scheme: 'basic', principal: 'u', credentials: 'p' }),
    message(tags.RUN, QUERY, { id: 'lot-7' }, { mode: 'r' }),
    message(tags.PULL, { n: neo4j.int(-1) }),
  ]);
}

function expectConversationAnswered(replies: Structure[]): void {
  expect(replies.map((r) => r.tag)).toEqual([
    responses.SUCCESS, // HELLO
    responses.SUCCESS, // LOGON
    responses.SUCCESS, // RUN
    responses.RECORD,
    responses.RECORD,
    responses.SUCCESS, // PULL summary
  ]);
  expect(replies[2].fields[0]).toEqual({ fields: ['status'] });
  expect(replies[3].fields[0]).toEqual(['APPROVED']);
  expect(replies[4].fields[0]).toEqual(['已发布']);
  expect(replies[5].fields[0]).toMatchObject({ has_more: false, type: 'r' });
}

async function readReplies(client: RawBoltClient, count: number): Promise<Structure[]> {
  const replies: Structure[] = [];
  for (let i = 0; i < count; i++) {
    replies.push(await client.readMessage());
  }
  return replies;
}

describe('over TCP', () => {
  it('understands a conversation written one byte per TCP write', async () => {
    const client = await RawBoltClient.connect(server.port);
    await client.sendByteByByte(handshake(DRIVER6_VERSIONS));
    expect((await client.readBytes(4)).toString('hex')).toBe('00000205');
    client.startMessages();
    await client.sendByteByByte(conversation());
    expectConversationAnswered(await readReplies(client, 6));
    expect(server.lastRun).toMatchObject({ query: QUERY, parameters: { id: 'lot-7' }, extra: { mode: 'r' } });
    client.destroy();
  });

  it('understands the handshake and four messages in a single write', async () => {
    const client = await RawBoltClient.connect(server.port);
    client.send(Buffer.concat([handshake(DRIVER6_VERSIONS), conversation()]));
    expect((await client.readBytes(4)).toString('hex')).toBe('00000205');
    client.startMessages();
    expectConversationAnswered(await readReplies(client, 6));
    client.destroy();
  });

  it('skips NOOP chunks (00 00) between messages', async () => {
    const client = await RawBoltClient.connect(server.port);
    client.send(handshake(DRIVER6_VERSIONS));
    await client.readBytes(4);
    client.startMessages();
    const noop = Buffer.from([0, 0]);
    const parts = conversation();
    client.send(Buffer.concat([noop, parts, noop, noop]));
    expectConversationAnswered(await readReplies(client, 6));
    client.destroy();
  });
});

describe('over WebSocket', () => {
  /** A bare WebSocket client: every `send` is one binary frame. */
  async function openSocket(protocols?: string[]): Promise<{ ws: WebSocket; replies: Structure[]; headers: Record<string, unknown> }> {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}`, protocols);
    const replies: Structure[] = [];
    let handshakeReply: Buffer | undefined;
    const dechunker = new Dechunker((bytes) => replies.push(new PackStreamReader(bytes, createHydrator(BOLT5)).readMessage()));
    const headers: Record<string, unknown> = {};
    ws.on('upgrade', (response) => Object.assign(headers, response.headers));
    ws.on('message', (data: Buffer) => {
      if (!handshakeReply) {
        handshakeReply = data.subarray(0, 4);
        dechunker.write(data.subarray(4));
      } else {
        dechunker.write(data);
      }
    });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    return { ws, replies, headers };
  }

  async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) {
        throw new Error('timed out');
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  it('joins messages split over many frames and splits none of its own answers wrongly', async () => {
    const { ws, replies, headers } = await openSocket();
    expect(headers.server).toBe('Memgraph Bolt WS');
    expect(headers['sec-websocket-protocol']).toBeUndefined();
    const bytes = Buffer.concat([handshake(DRIVER6_VERSIONS), conversation()]);
    // Frames of 7 bytes: the handshake spans frames, and so does every message.
    for (let offset = 0; offset < bytes.length; offset += 7) {
      ws.send(bytes.subarray(offset, offset + 7), { binary: true });
    }
    await until(() => replies.length >= 6);
    expectConversationAnswered(replies);
    expect(server.lastRun?.transport).toBe('websocket');
    ws.close();
  });

  it('echoes a requested subprotocol, as Memgraph does for "binary"', async () => {
    const { ws, headers } = await openSocket(['binary']);
    expect(headers['sec-websocket-protocol']).toBe('binary');
    ws.close();
  });

  it('answers a plain HTTP request on the Bolt port with 426 Upgrade Required', async () => {
    const { status, body } = await new Promise<{ status?: number; body: string }>((resolve, reject) => {
      http
        .get(`http://127.0.0.1:${server.port}/`, (response) => {
          let text = '';
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode, body: text }));
        })
        .on('error', reject);
    });
    expect(status).toBe(426);
    expect(body).toMatch(/speaks Bolt/);
  });
});
