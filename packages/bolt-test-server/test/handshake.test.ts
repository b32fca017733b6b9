// Version negotiation on a raw socket, byte for byte, as Memgraph answers it.
import { startBoltTestServer, type BoltTestServer } from '../src';
import { DRIVER6_VERSIONS, handshake, RawBoltClient } from '@opentruss/bolt-testing';

let server: BoltTestServer;

beforeAll(async () => {
  server = await startBoltTestServer();
});

afterAll(async () => {
  await server.stop();
});

async function negotiate(versions: number[]): Promise<{ reply: string; client: RawBoltClient }> {
  const client = await RawBoltClient.connect(server.port);
  client.send(handshake(versions));
  const reply = (await client.readBytes(4)).toString('hex');
  return { reply, client };
}

describe('handshake', () => {
  it.each([
    ['neo4j-driver 6.x (manifest slot, then 5.8–5.0)', DRIVER6_VERSIONS, '00000205'],
    ['neo4j-driver ≤5.27 (5.7–5.0, 4.4–4.2, 4.1, 3.0)', [0, 7, 7, 5, 0, 2, 4, 4, 0, 0, 1, 4, 0, 0, 0, 3], '00000205'],
    ['a 5.x range reaching down to 5.2 only', [0, 2, 4, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], '00000205'],
    ['a 4.4 proposal', [0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], '00000404'],
    ['a 4.3–4.0 range (the highest Memgraph has inside it)', [0, 3, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], '00000304'],
    ['5.1 first (unsupported), then 4.1', [0, 0, 1, 5, 0, 0, 1, 4, 0, 0, 0, 0, 0, 0, 0, 0], '00000104'],
  ])('%s → %s', async (_name, versions, expected) => {
    const { reply, client } = await negotiate(versions);
    expect(reply).toBe(expected);
    expect(client.isClosed).toBe(false);
    client.destroy();
  });

  it('answers 00 00 00 00 and closes when no slot matches', async () => {
    const { reply, client } = await negotiate([0, 0, 0, 3, 0, 0, 1, 5, 0, 2, 8, 5, 0, 0, 0, 6]);
    expect(reply).toBe('00000000');
    await client.waitForClose();
    await server.waitFor((s) => s.connections.some((c) => c.closeReason?.startsWith('no common Bolt version')));
  });

  it('accepts a handshake that arrives one byte at a time', async () => {
    const client = await RawBoltClient.connect(server.port);
    await client.sendByteByByte(handshake(DRIVER6_VERSIONS));
    expect((await client.readBytes(4)).toString('hex')).toBe('00000205');
    client.destroy();
  });

  it('closes a connection that is neither Bolt nor HTTP', async () => {
    const client = await RawBoltClient.connect(server.port);
    client.send(Buffer.from('HELO example.com\r\n'));
    await client.waitForClose();
  });

  it('offers only the versions it was started with', async () => {
    const only44 = await startBoltTestServer({ boltVersions: ['4.4'] });
    try {
      const client = await RawBoltClient.connect(only44.port);
      client.send(handshake(DRIVER6_VERSIONS));
      expect((await client.readBytes(4)).toString('hex')).toBe('00000404');
      client.destroy();
    } finally {
      await only44.stop();
    }
  });

  it('refuses an unknown version list at start-up', async () => {
    await expect(startBoltTestServer({ boltVersions: ['5.4' as '5.2'] })).rejects.toThrow(/boltVersions/);
  });
});
