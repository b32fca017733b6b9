// Responders that make the Bolt test server answer the loader's statements the way Memgraph would, with the
// anchor node's MERGE … ON CREATE SET behaviour kept in a small state object.
import neo4j from 'neo4j-driver';
import type { Responder } from '@opentruss/bolt-test-server';
import { ANCHOR_QUERY, COMPLETE_QUERY } from '../src';

export interface AnchorState {
  anchor?: { preset: string; seed: unknown; now: string };
  completedAt?: string;
}

export function memgraphResponders(state: AnchorState): Responder[] {
  return [
    { match: 'RETURN 1 AS ok', fields: ['ok'], records: [[neo4j.int(1)]] },
    { match: /^CREATE INDEX ON :\w+\(\w+\);$/, fields: [] },
    {
      match: ANCHOR_QUERY,
      fields: ['preset', 'seed', 'now', 'completed_at'],
      records: (run) => {
        state.anchor ??= run.parameters as AnchorState['anchor'];
        return [[state.anchor!.preset, state.anchor!.seed, state.anchor!.now, state.completedAt ?? null]];
      },
    },
    {
      match: COMPLETE_QUERY,
      fields: [],
      records: (run) => {
        state.completedAt = run.parameters.completedAt as string;
        return [];
      },
    },
    { match: /^UNWIND \$rows AS row /, fields: [] },
  ];
}
