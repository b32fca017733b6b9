import neo4j, { type Driver } from 'neo4j-driver';
import type { DemoGraphPreset } from '@opentruss/opentruss-graph';

/**
 * The demo graph's ids depend on its `now` (element ids carry a date, like OpenTruss's ingest ids), so re-running
 * the loader with today's date would add a second graph beside the first. The first run therefore records the
 * parameters it loaded in one node, and every later run reads them back and regenerates exactly the same graph:
 * its MERGEs then change nothing, and an interrupted load is completed. The label is not an OpenTruss label, so
 * no business query sees it.
 */
export const ANCHOR_LABEL = 'ObservabilityDemoData';
export const ANCHOR_ID = 'opentruss-demo-graph';

export interface DemoGraphAnchor {
  preset: DemoGraphPreset;
  seed: number;
  /** ISO instant the graph ends at. */
  now: string;
  /** Set once a load finished. */
  completedAt: string | null;
}

export const ANCHOR_QUERY =
  `MERGE (a:${ANCHOR_LABEL} {id: $id}) ` +
  'ON CREATE SET a.preset = $preset, a.seed = $seed, a.now = $now ' +
  'RETURN a.preset AS preset, a.seed AS seed, a.now AS now, a.completed_at AS completed_at';

export const COMPLETE_QUERY = `MATCH (a:${ANCHOR_LABEL} {id: $id}) SET a.completed_at = $completedAt`;

/** Records these parameters unless a previous run did, and returns the ones in force. */
export async function claimAnchor(driver: Driver, wanted: { preset: DemoGraphPreset; seed: number; now: Date }): Promise<DemoGraphAnchor> {
  const { records } = await driver.executeQuery(ANCHOR_QUERY, {
    id: ANCHOR_ID,
    preset: wanted.preset,
    seed: neo4j.int(wanted.seed),
    now: wanted.now.toISOString(),
  });
  const record = records[0];
  return {
    preset: record.get('preset') as DemoGraphPreset,
    seed: neo4j.integer.toNumber(record.get('seed')),
    now: record.get('now') as string,
    completedAt: (record.get('completed_at') as string | null) ?? null,
  };
}

export async function markComplete(driver: Driver, completedAt: Date): Promise<void> {
  await driver.executeQuery(COMPLETE_QUERY, { id: ANCHOR_ID, completedAt: completedAt.toISOString() });
}
