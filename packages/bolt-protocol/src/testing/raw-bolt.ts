// A raw Bolt client for what the driver hides: exact handshake bytes, byte-by-byte writes, several messages
// in one write, and the FAILURE → IGNORED → RESET exchange.
import net from 'node:net';
import { Dechunker } from '../channel/dechunker';
import { MessageFramer } from '../bolt/message-framer';
import { PackStreamReader, type Structure } from '../packstream/reader';
import { BOLT5, createHydrator, packValue } from '../packstream/values';
import { PackStreamWriter } from '../packstream/writer';
import { BOLT_PREAMBLE } from '../wire';

/** neo4j-driver 6.3's proposal: manifest v1, 5.8–5.0, 4.4–4.2, 3.0. */
export const DRIVER6_VERSIONS = [0x00, 0x00, 0x01, 0xff, 0x00, 0x08, 0x08, 0x05, 0x00, 0x02, 0x04, 0x04, 0x00, 0x00, 0x00, 0x03];

export const tags = { HELLO: 0x01, GOODBYE: 0x02, RESET: 0x0f, RUN: 0x10, BEGIN: 0x11, COMMIT: 0x12, DISCARD: 0x2f, PULL: 0x3f, LOGON: 0x6a };
export const responses = { SUCCESS: 0x70, RECORD: 0x71, IGNORED: 0x7e, FAILURE: 0x7f };

export function handshake(versions: number[]): Buffer {
  return Buffer.from([...BOLT_PREAMBLE, ...versions]);
}

/** One chunked request message. */
export function message(tag: number, ...fields: unknown[]): Buffer {
  const writer = new PackStreamWriter();
  const framer = new MessageFramer(writer);
  framer.begin();
  writer.writeStructHeader(fields.length, tag);
  fields.forEach((field) => packValue(writer, field, BOLT5));
  framer.end();
  return writer.take();
}

export class RawBoltClient {
  private received = Buffer.alloc(0);
  private messages: Structure[] = [];
  private dechunker?: Dechunker;
  private closed = false;
  private wake: () => void = () => undefined;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (data) => {
      if (this.dechunker) {
        this.dechunker.write(data);
      } else {
        this.received = Buffer.concat([this.received, data]);
      }
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  static connect(port: number): Promise<RawBoltClient> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port }, () => resolve(new RawBoltClient(socket)));
      socket.setNoDelay(true);
      socket.once('error', reject);
    });
  }

  send(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** One write per byte, each after the previous one left (so the server sees separate reads). */
  async sendByteByByte(bytes: Buffer): Promise<void> {
    for (const byte of bytes) {
      await new Promise<void>((resolve) => this.socket.write(Buffer.from([byte]), () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  /** The next n raw bytes (the handshake reply). */
  async readBytes(n: number, timeoutMs = 3000): Promise<Buffer> {
    await this.until(() => this.received.length >= n || this.closed, timeoutMs);
    const bytes = this.received.subarray(0, n);
    this.received = this.received.subarray(n);
    return bytes;
  }

  /** Switches to reading chunked messages (after the handshake reply). */
  startMessages(): void {
    this.dechunker = new Dechunker((bytes) => this.messages.push(new PackStreamReader(bytes, createHydrator(BOLT5)).readMessage()));
    const rest = this.received;
    this.received = Buffer.alloc(0);
    if (rest.length > 0) {
      this.dechunker.write(rest);
    }
  }

  async readMessage(timeoutMs = 3000): Promise<Structure> {
    await this.until(() => this.messages.length > 0 || this.closed, timeoutMs);
    const next = this.messages.shift();
    if (!next) {
      throw new Error('connection closed before a message arrived');
    }
    return next;
  }

  async waitForClose(timeoutMs = 3000): Promise<void> {
    await this.until(() => this.closed, timeoutMs);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  destroy(): void {
    this.socket.destroy();
  }

  private until(condition: () => boolean, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`raw Bolt client: nothing after ${timeoutMs} ms`)), timeoutMs);
      const check = () => {
        if (condition()) {
          clearTimeout(timer);
          this.wake = () => undefined;
          resolve();
        }
      };
      this.wake = check;
      check();
    });
  }
}

/** Handshake for 5.2, HELLO and LOGON, as a driver would; returns the client ready for RUN. */
export async function connectReady(
  port: number,
  auth: Record<string, unknown> = { scheme: 'none' }
): Promise<RawBoltClient> {
  const client = await RawBoltClient.connect(port);
  client.send(handshake(DRIVER6_VERSIONS));
  await client.readBytes(4);
  client.startMessages();
  client.send(Buffer.concat([message(tags.HELLO, { user_agent: 'raw-test/1.0' }), message(tags.LOGON, auth)]));
  await client.readMessage();
  const logon = await client.readMessage();
  if (logon.tag !== responses.SUCCESS) {
    throw new Error(`LOGON was answered with ${JSON.stringify(logon.fields)}`);
  }
  return client;
}
