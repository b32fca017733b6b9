// The Bolt client, for what a driver hides: exact handshake bytes, byte-by-byte writes, several messages in one
// write, and the FAILURE → IGNORED → RESET exchange. Everything but the byte-by-byte writes is the shared client's.
import { BOLT_PREAMBLE, BoltClient, connectSocket, encodeMessage, logIn } from '@opentruss/bolt-protocol';

/** neo4j-driver 6.3's proposal: manifest v1, 5.8–5.0, 4.4–4.2, 3.0. */
export const DRIVER6_VERSIONS = [0x00, 0x00, 0x01, 0xff, 0x00, 0x08, 0x08, 0x05, 0x00, 0x02, 0x04, 0x04, 0x00, 0x00, 0x00, 0x03];

/** Each wait of a test client (a reply, a close) gives up after this long unless the test says otherwise. */
const WAIT_MS = 3000;

export function handshake(versions: number[]): Buffer {
  return Buffer.from([...BOLT_PREAMBLE, ...versions]);
}

/** One chunked request message, its fields packed as Bolt 5 values. */
export function message(tag: number, ...fields: unknown[]): Buffer {
  return encodeMessage(tag, fields);
}

export class RawBoltClient extends BoltClient {
  static async connect(port: number): Promise<RawBoltClient> {
    const options = { host: '127.0.0.1', port, timeoutMs: WAIT_MS };
    return new RawBoltClient(await connectSocket(options), options);
  }

  /** One write per byte, each after the previous one left (so the server sees separate reads). */
  async sendByteByByte(bytes: Buffer): Promise<void> {
    for (const byte of bytes) {
      await new Promise<void>((resolve) => this.socket.write(Buffer.from([byte]), () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
}

/** neo4j-driver 6's handshake (the server picks 5.2), HELLO and LOGON; returns the client ready for RUN. */
export async function connectReady(
  port: number,
  auth: Record<string, unknown> = { scheme: 'none' }
): Promise<RawBoltClient> {
  const client = await RawBoltClient.connect(port);
  const proposal = handshake(DRIVER6_VERSIONS);
  await logIn(client, { version: '5.2', proposal, userAgent: 'raw-test/1.0', auth, timeoutMs: WAIT_MS });
  return client;
}
