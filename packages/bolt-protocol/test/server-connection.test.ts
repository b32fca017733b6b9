// The server connection's state machine, driven through an in-memory channel with a scripted handler: handshake,
// login phases per Bolt version, FAILED → IGNORED until RESET, GOODBYE, and local replies kept in order behind
// replies a peer still owes.
import { Dechunker } from '../src/channel/dechunker';
import type { ByteChannel, ChannelHandlers } from '../src/channel/channel';
import { requestTags, responseTags } from '../src/bolt/messages';
import { proposalFor } from '../src/bolt/handshake';
import type { BoltVersion } from '../src/bolt/versions';
import type { ClientRequest } from '../src/bolt/requests';
import { WAIT, type ConnectionHandler, type Handled, type LoginOutcome } from '../src/connection/handler';
import { ServerConnection } from '../src/connection/server-connection';
import { PackStreamReader } from '../src/packstream/reader';
import { createHydrator } from '../src/packstream/hydrate';
import { BOLT5 } from '../src/packstream/values';
import { message } from '@opentruss/bolt-testing';
import { BOLT_PREAMBLE } from '../src/wire';

/** A channel that keeps what the server wrote and how it closed. */
class MemoryChannel implements ByteChannel {
  readonly transport = 'tcp' as const;
  readonly remoteAddress = '127.0.0.1';
  readonly written: Buffer[] = [];
  ended?: 'end' | 'destroy';
  paused = false;
  handlers?: ChannelHandlers;
  attach(handlers: ChannelHandlers): void {
    this.handlers = handlers;
  }
  write(data: Buffer): boolean {
    this.written.push(Buffer.from(data));
    return true;
  }
  drained(): Promise<void> {
    return Promise.resolve();
  }
  pause(): void {
    this.paused = true;
  }
  resume(): void {
    this.paused = false;
  }
  end(): void {
    this.ended ??= 'end';
  }
  destroy(): void {
    this.ended ??= 'destroy';
  }
}

type Tag = keyof typeof requestTags;

const request = (type: Tag, ...fields: unknown[]): Buffer => message(requestTags[type], ...fields);

const replyNames: Record<number, string> = Object.fromEntries(
  Object.entries(responseTags).map(([name, tag]) => [tag, name])
);

/** What the server wrote after its 4-byte version reply, one entry per message: `SUCCESS`, `FAILURE:code`, … */
function replies(channel: MemoryChannel): string[] {
  const out: string[] = [];
  const dechunker = new Dechunker((bytes) => {
    const { tag, fields } = new PackStreamReader(bytes, createHydrator(BOLT5)).readMessage();
    const code = (fields[0] as { code?: string } | undefined)?.code;
    out.push(code ? `${replyNames[tag]}:${code}` : replyNames[tag]);
  });
  dechunker.write(Buffer.concat(channel.written).subarray(4));
  return out;
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A scripted handler: it logs what it is asked, answers RUN locally, relays PULL (into the ledger). */
class ScriptedHandler implements ConnectionHandler {
  readonly calls: string[] = [];
  closedFor?: string;
  refuseLogin?: LoginOutcome;
  loginDelay?: Promise<void>;
  constructor(readonly connection: ServerConnection) {}
  hello(): LoginOutcome {
    this.calls.push('hello');
    return undefined;
  }
  logIn(auth: Record<string, unknown>): LoginOutcome | Promise<LoginOutcome> {
    this.calls.push(`logIn:${auth.principal}`);
    return this.loginDelay ? this.loginDelay.then(() => this.refuseLogin) : this.refuseLogin;
  }
  logOff(): string | undefined {
    this.calls.push('logOff');
    return undefined;
  }
  request({ type, fields }: ClientRequest): Handled {
    this.calls.push(type);
    if (type === 'PULL') {
      this.connection.ledger.sent({ type });
      return;
    }
    if (type === 'RUN' && fields[0] === 'refused') {
      if (this.connection.awaitingReplies) {
        return WAIT;
      }
      this.connection.fail({ code: 'Refused', message: 'no' });
      return;
    }
    this.connection.replies.success({});
  }
  ignored({ type }: ClientRequest): void {
    this.calls.push(`ignored ${type}`);
  }
  closed(reason: string): void {
    this.closedFor = reason;
  }
}

function open(versions: readonly BoltVersion[] = ['5.2', '4.4']) {
  const channel = new MemoryChannel();
  const connection = new ServerConnection(channel, { connectionId: 'c-1', versions, queueHighWater: 4 });
  const handler = new ScriptedHandler(connection);
  connection.start(handler);
  const send = async (...bytes: Buffer[]) => {
    channel.handlers!.onData(Buffer.concat(bytes));
    await settle();
  };
  return { channel, connection, handler, send };
}

const hello = request('HELLO', { user_agent: 'test/1' });
const logon = request('LOGON', { scheme: 'basic', principal: 'ann', credentials: 'x' });
const run = (query: string) => request('RUN', query, {}, {});

/** Handshake, HELLO and LOGON on Bolt 5.2. */
async function loggedIn() {
  const opened = open();
  await opened.send(proposalFor('5.2'), hello, logon);
  opened.channel.written.splice(1); // keep the version reply only
  return opened;
}

describe('ServerConnection: handshake', () => {
  it('closes abruptly on bytes that are not a Bolt handshake', async () => {
    const { channel, connection, send } = open();
    await send(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
    expect(channel.ended).toBe('destroy');
    expect(connection.closeReason).toBe('not a Bolt handshake (wrong preamble)');
  });

  it('answers 00 00 00 00 and closes when no version is common', async () => {
    const { channel, connection, handler, send } = open(['4.4']);
    await send(proposalFor('5.2'));
    expect(Buffer.concat(channel.written).toString('hex')).toBe('00000000');
    expect(channel.ended).toBe('end');
    expect(handler.closedFor).toMatch(/^no common Bolt version \(client proposed 00000205/);
    expect(connection.isOpen).toBe(false);
  });

  it('takes a handshake split anywhere, with the first message in the same read', async () => {
    const { channel, connection, send } = open();
    const bytes = Buffer.concat([proposalFor('4.4'), hello]);
    await send(bytes.subarray(0, 3));
    await send(bytes.subarray(3, 21));
    await send(bytes.subarray(21));
    expect(connection.version).toBe('4.4');
    expect(channel.written[0].toString('hex')).toBe('00000404');
    expect(connection.state).toBe('READY'); // Bolt 4: HELLO carries the credentials
    expect(BOLT_PREAMBLE.equals(bytes.subarray(0, 4))).toBe(true);
  });
});

describe('ServerConnection: login phases', () => {
  it('Bolt 5: HELLO, then LOGON with the credentials', async () => {
    const { channel, connection, handler, send } = open();
    await send(proposalFor('5.2'), hello);
    expect(connection.state).toBe('AUTHENTICATION');
    await send(logon);
    expect(handler.calls).toEqual(['hello', 'logIn:ann']);
    expect(replies(channel)).toEqual(['SUCCESS', 'SUCCESS']);
    expect(connection.state).toBe('READY');
  });

  it('a refused login answers its FAILURE, then closes', async () => {
    const { channel, handler, send } = open();
    handler.refuseLogin = { reason: 'authentication failure', failure: { code: 'Nope', message: 'no' } };
    await send(proposalFor('5.2'), hello, logon);
    expect(replies(channel)).toEqual(['SUCCESS', 'FAILURE:Nope']);
    expect(channel.ended).toBe('end');
    expect(handler.closedFor).toBe('authentication failure');
  });

  it('a HELLO without user_agent, or anything but HELLO first, closes', async () => {
    const first = open();
    await first.send(proposalFor('5.2'), request('HELLO', {}));
    expect(first.handler.closedFor).toBe('HELLO without user_agent');
    const second = open();
    await second.send(proposalFor('5.2'), run('RETURN 1'));
    expect(second.handler.closedFor).toBe('expected HELLO, got RUN');
    expect(second.handler.calls).toEqual([]);
  });

  it('holds what follows a login until the login has settled', async () => {
    const { channel, handler, send } = open();
    let finish!: () => void;
    handler.loginDelay = new Promise((resolve) => (finish = resolve));
    await send(proposalFor('5.2'), hello, logon, run('RETURN 1'));
    expect(handler.calls).toEqual(['hello', 'logIn:ann']);
    finish();
    await settle();
    expect(handler.calls).toEqual(['hello', 'logIn:ann', 'RUN']);
    expect(replies(channel)).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS']);
  });

  it('LOGOFF goes back to waiting for LOGON', async () => {
    const { channel, connection, handler, send } = await loggedIn();
    await send(request('LOGOFF'), run('RETURN 1'));
    expect(handler.calls.slice(-1)).toEqual(['logOff']);
    expect(replies(channel)).toEqual(['SUCCESS']);
    expect(connection.closeReason).toBe('expected LOGON, got RUN');
  });
});

describe('ServerConnection: FAILED until RESET', () => {
  it('IGNOREs everything after a FAILURE until RESET, which the handler answers', async () => {
    const { channel, connection, handler, send } = await loggedIn();
    await send(run('refused'), run('RETURN 1'), request('PULL', { n: -1 }), request('RESET'), run('RETURN 2'));
    expect(replies(channel)).toEqual(['FAILURE:Refused', 'IGNORED', 'IGNORED', 'SUCCESS', 'SUCCESS']);
    expect(handler.calls.slice(2)).toEqual(['RUN', 'ignored RUN', 'ignored PULL', 'RESET', 'RUN']);
    expect(connection.state).toBe('READY');
  });

  it('GOODBYE closes gracefully, also when failed', async () => {
    const { channel, handler, send } = await loggedIn();
    await send(run('refused'), request('GOODBYE'));
    expect(handler.closedFor).toBe('GOODBYE');
    expect(channel.ended).toBe('end');
  });

  it('an unknown tag closes abruptly', async () => {
    const { channel, connection, send } = await loggedIn();
    await send(Buffer.from([0x00, 0x02, 0xb0, 0x55, 0x00, 0x00]));
    expect(connection.closeReason).toBe('unknown message tag 0x55');
    expect(channel.ended).toBe('destroy');
  });
});

describe('ServerConnection: ordered replies', () => {
  it('a local FAILURE waits behind a reply the peer still owes, and what follows waits behind it', async () => {
    const { channel, connection, handler, send } = await loggedIn();
    await send(request('PULL', { n: -1 }), run('refused'), run('RETURN 1'));
    // The PULL went to the peer: the refusal may not overtake its reply, and the RUN behind it is not looked at.
    expect(handler.calls.slice(2)).toEqual(['PULL', 'RUN']);
    expect(replies(channel)).toEqual([]);
    expect(connection.queued).toBe(2);
    channel.write(Buffer.from('0003b170a00000', 'hex')); // the peer's SUCCESS {}, passed through by the relay
    connection.ledger.route(responseTags.SUCCESS);
    connection.proceed();
    await settle();
    expect(replies(channel)).toEqual(['SUCCESS', 'FAILURE:Refused', 'IGNORED']);
  });

  it('a local FAILURE behind a peer that failed is IGNORED, as the peer would have', async () => {
    const { channel, connection, send } = await loggedIn();
    await send(request('PULL', { n: -1 }), run('refused'));
    connection.ledger.route(responseTags.FAILURE);
    connection.proceed();
    await settle();
    expect(replies(channel)).toEqual(['IGNORED']);
    expect(connection.state).toBe('FAILED');
  });

  it('GOODBYE and LOGOFF wait for the replies the peer owes', async () => {
    const { connection, handler, send } = await loggedIn();
    await send(request('PULL', { n: -1 }), request('LOGOFF'), request('GOODBYE'));
    expect(handler.calls.slice(2)).toEqual(['PULL']);
    connection.ledger.route(responseTags.SUCCESS);
    connection.proceed();
    await settle();
    expect(handler.calls.slice(2)).toEqual(['PULL', 'logOff']);
    expect(handler.closedFor).toBe('GOODBYE');
  });

  it('stops reading a client that pipelines too far ahead, and reads again once the queue is short', async () => {
    const { channel, connection, send } = await loggedIn();
    await send(request('PULL', { n: -1 }), ...Array.from({ length: 5 }, () => run('refused')));
    expect(channel.paused).toBe(true);
    connection.ledger.route(responseTags.SUCCESS);
    connection.proceed();
    await settle();
    expect(connection.queued).toBe(0);
    expect(channel.paused).toBe(false);
  });
});
