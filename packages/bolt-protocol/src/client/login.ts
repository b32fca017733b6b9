// Logging in as a driver does: the handshake, then HELLO and (Bolt 5.1+) LOGON sent together. Bolt 4 carries the
// credential in HELLO itself. One function for the gateway's link to Memgraph and for test clients.
import { requestTags } from '../bolt/messages';
import { isBolt5, type BoltVersion } from '../bolt/versions';
import type { BoltClient } from './bolt-client';
import { BoltClientError, type BoltFailureMetadata } from './client-error';

export interface LoginOptions {
  /** The version the server must choose. */
  version: BoltVersion;
  userAgent: string;
  /** Bolt's auth map: `{ scheme: 'basic', principal, credentials }`, or `{ scheme: 'none' }`. */
  auth: Record<string, unknown>;
  /** Bound on the whole login: handshake and every reply. */
  timeoutMs: number;
  /** The handshake bytes, when they must be another client's (a driver's proposal of several versions). */
  proposal?: Buffer;
}

/** Resolves with HELLO's metadata; a FAILURE rejects with `refused` (and the server's message, never the credential). */
export async function logIn(client: BoltClient, options: LoginOptions): Promise<Record<string, unknown>> {
  const { version, userAgent, auth, timeoutMs, proposal } = options;
  const deadline = Date.now() + timeoutMs;
  const left = () => Math.max(1, deadline - Date.now());
  await client.handshake(version, left(), proposal);
  const bolt5 = isBolt5(version);
  const helloExtra = { user_agent: userAgent };
  const replies = [client.request(requestTags.HELLO, [bolt5 ? helloExtra : { ...helloExtra, ...auth }], left())];
  if (bolt5) {
    replies.push(client.request(requestTags.LOGON, [auth], left()));
  }
  const answered = await Promise.all(replies);
  const refused = answered.find((reply) => reply.summary !== 'SUCCESS');
  if (refused) {
    client.destroy();
    const failure = refused.metadata as BoltFailureMetadata;
    throw new BoltClientError('refused', `${client.serverName} refused the login (${failure.message ?? 'no message'})`, failure);
  }
  return answered[0].metadata;
}
