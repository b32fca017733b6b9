import type { BoltTestServer } from '@opentruss/bolt-test-server';

const MAX_MESSAGES = 120;

function brief(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? '';
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** The Bolt server's connections, runs and latest messages, for a failing test's output. */
export function describeBoltLog(bolt: BoltTestServer): string {
  const lines = [
    `--- Bolt test server ${bolt.url}: ${brief(bolt.stats())} ---`,
    ...bolt.connections.map(
      (c) =>
        `connection ${c.connectionId} ${c.transport} bolt ${c.boltVersion ?? '?'} open=${c.open}${c.closeReason ? ` (${c.closeReason})` : ''}`
    ),
    `runs (${bolt.runs.length}, last 30):`,
    ...bolt.runs
      .slice(-30)
      .map(
        (r) => `  ${r.connectionId} ${r.outcome} rows=${r.recordsSent} ${brief(r.query)} params=${brief(r.parameters)}`
      ),
    `messages (${bolt.messages.length}, last ${MAX_MESSAGES}):`,
    ...bolt.messages.slice(-MAX_MESSAGES).map((m) => `  ${m.connectionId} ${m.type} ${brief(m.fields)}`),
  ];
  return lines.join('\n');
}
