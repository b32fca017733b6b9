import { positionAt } from '../errors';
import type { Refusal } from './types';

const SOURCES = {
  browser: 'Refused in the browser before sending',
  gateway: 'Refused by the Bolt gateway',
} as const;

/** The one refusal message: who refused, what, where in `text`, and what to do. */
export function refusalMessage(refusal: Refusal, source: 'browser' | 'gateway', text: string): string {
  const { line, column } = positionAt(text, refusal.start);
  return `${SOURCES[source]}: ${refusal.reason} at line ${line}, column ${column}. ${advice(refusal)}`;
}

function advice(refusal: Refusal): string {
  switch (refusal.kind) {
    case 'syntax':
      return 'Fix the query text; only read queries in Memgraph Cypher are accepted.';
    case 'encoding':
      return 'Remove the character; query text must be valid UTF-8 without control characters such as NUL.';
    case 'unsupported':
      return 'Rewrite the query without it: this connection accepts read queries in Memgraph 3.12 Cypher only.';
    case 'procedure':
      return 'Only read procedures on the allowlist may be called; run other procedures with an administrator connection to Memgraph.';
    default:
      return 'This connection is read-only: run writes and administration with an administrator connection to Memgraph, not through Grafana.';
  }
}
