import type { Row } from '@opentruss/bolt-test-server';
import neo4j from 'neo4j-driver';

import type { Workload } from './workload';

/** Where OpenTruss runs: zoned date-times carry this zone id (Bolt 5 DateTimeZoneId). */
const ZONE = 'Asia/Shanghai';

/**
 * Figure 1: one column of each kind the issue names — integer, float, string, zoned datetime, node, list — shaped
 * like an OpenTruss element listing.
 */
export function conversionWorkload(records: number): Workload {
  return {
    name: 'conversion',
    query:
      'MATCH (e:Element) RETURN e.seq AS seq, e.confidence AS confidence, e.id AS id, ' +
      `e.created_at AS created_at, e AS element, e.tags AS tags LIMIT ${records}`,
    fields: ['seq', 'confidence', 'id', 'created_at', 'element', 'tags'],
    rows: () => conversionRows(records),
  };
}

function* conversionRows(records: number): Generator<Row> {
  const { DateTime, Node } = neo4j.types;
  for (let i = 0; i < records; i++) {
    const id = `E-${String(i).padStart(6, '0')}`;
    const confidence = 0.5 + (i % 50) / 100;
    const level = `L-${i % 40}`;
    yield [
      neo4j.int(i),
      confidence,
      id,
      new DateTime(2024, 5, 1 + (i % 28), i % 24, i % 60, (i * 7) % 60, (i % 1000) * 1_000_000, undefined, ZONE),
      new Node(
        neo4j.int(i),
        ['Element'],
        { id, status: i % 3 === 0 ? 'Verified' : 'Draft', confidence, level_id: level },
        String(i)
      ),
      [level, `LOT-${i % 400}`, neo4j.int(i % 7)],
    ];
  }
}
