// The gateway's link to Memgraph on the shared Bolt client, against the test server (Memgraph's stand-in) and a
// server scripted to send bytes that are not Bolt: each way of failing lands in the reason an operator acts on, and a
// link that logged in is a byte pipe to the server. The /health probe (a handshake only) on the same client.
import net from 'node:net';
import { gatewayErrorCodes } from '@opentruss/contract';
import { Dechunker, encodeMessage, requestTags, responseTags, versionReply } from '@opentruss/bolt-protocol';
import { startBoltTestServer, type BoltTestServer } from '@opentruss/bolt-test-server';
import { probeUpstream } from '../src/ops/ops-server';
import { UpstreamError, UpstreamLink, upstreamFailure } from '../src/upstream/upstream-link';
import { MEMGRAPH_PASSWORD, MEMGRAPH_USER } from './support/stack';

let server: BoltTestServer;

beforeAll(async () => {
  server = await startBoltTestServer({ users: { [MEMGRAPH_USER]: MEMGRAPH_PASSWORD } });
});

afterAll(async () => {
  await server.stop();
});

const target = (port: number, password = MEMGRAPH_PASSWORD) => ({
  host: '127.0.0.1',
  port,
  user: MEMGRAPH_USER,
  password,
  connectTimeoutMs: 500,
});

async function failureOf(port: number, password?: string): Promise<UpstreamError> {
  const error = await UpstreamLink.open(target(port, password), '5.2').then(
    (link) => {
      link.close();
      return undefined;
    },
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(UpstreamError);
  return error as UpstreamError;
}

it('logs in with the gateway credential, then passes bytes both ways undecoded', async () => {
  const link = await UpstreamLink.open(target(server.port), '5.2');
  try {
    const summaries: number[] = [];
    const dechunker = new Dechunker((bytes) => summaries.push(bytes[1]));
    const answered = new Promise<void>((resolve) =>
      link.attach({
        onData: (data) => {
          dechunker.write(data);
          if (summaries.length > 0) {
            resolve();
          }
        },
        onClose: resolve,
      })
    );
    link.write(encodeMessage(requestTags.RESET, []));
    await answered;
    expect(summaries).toEqual([responseTags.SUCCESS]);
    expect(server.connections.at(-1)).toMatchObject({ principal: MEMGRAPH_USER, userAgent: 'opentruss-bolt-gateway/0.1' });
  } finally {
    link.close();
  }
});

it('a wrong gateway credential is the settings (login), never retried, never shown', async () => {
  const error = await failureOf(server.port, 'not-the-password');
  expect(error).toMatchObject({ reason: 'login', message: expect.stringMatching(/refused the gateway's login \(Authentication failure\)$/) });
  expect(upstreamFailure(error).code).toBe(gatewayErrorCodes.misconfigured);
  expect(JSON.stringify(upstreamFailure(error))).not.toContain('not-the-password');
});

it('a Memgraph that accepts the connection but never answers is an outage, within the connect timeout', async () => {
  server.setSilent(true);
  try {
    const started = Date.now();
    const error = await failureOf(server.port);
    expect(error).toMatchObject({
      reason: 'unreachable',
      message: expect.stringMatching(/^Memgraph at 127\.0\.0\.1:\d+ did not answer the Bolt handshake within \d+ ms$/),
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(upstreamFailure(error).code).toBe(gatewayErrorCodes.memgraphUnreachable);
  } finally {
    server.setSilent(false);
  }
});

it('bytes that are not Bolt after the handshake are the settings (not_memgraph)', async () => {
  const notBolt = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', () => socket.write(Buffer.concat([versionReply('5.2'), Buffer.from([0x00, 0x01, 0x01, 0x00, 0x00])])));
  });
  await new Promise<void>((resolve) => notBolt.listen(0, '127.0.0.1', resolve));
  try {
    const error = await failureOf((notBolt.address() as net.AddressInfo).port);
    expect(error).toMatchObject({
      reason: 'not_memgraph',
      message: expect.stringMatching(/sent something that is not Bolt \(a message must be a structure, got marker 0x1\)$/),
    });
    expect(upstreamFailure(error).message).toMatch(/BOLT_GATEWAY_UPSTREAM setting must be the host:port/);
  } finally {
    await new Promise((resolve) => notBolt.close(resolve));
  }
});

it('the /health probe: a handshake only, false for a silent or closed port within its bound', async () => {
  const before = server.connections.length;
  expect(await probeUpstream('127.0.0.1', server.port)).toBe(true);
  const probed = server.connections.slice(before);
  expect(probed).toEqual([expect.objectContaining({ boltVersion: '5.2' })]);
  expect(probed[0].principal).toBeUndefined(); // never logged in
  server.setSilent(true);
  try {
    const started = Date.now();
    expect(await probeUpstream('127.0.0.1', server.port, 300)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1500);
  } finally {
    server.setSilent(false);
  }
  const closed = net.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as net.AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  expect(await probeUpstream('127.0.0.1', port)).toBe(false);
});
