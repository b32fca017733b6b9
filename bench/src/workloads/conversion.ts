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
      new DateTime(...createdAt(i), (i % 1000) * 1_000_000, undefined, ZONE),
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

/** Year, month (1-12), day, hour, minute, second of row `i`'s created_at, a wall-clock reading in Asia/Shanghai. */
function createdAt(i: number): [number, number, number, number, number, number] {
  return [2024, 5, 1 + (i % 28), i % 24, i % 60, (i * 7) % 60];
}

/**
 * What a correct conversion must give for row `i`, worked out independently of the datasource's code: Asia/Shanghai
 * has been UTC+8 all year since 1991, so its wall clock is UTC minus 8 hours.
 */
export function expectedConversionRow(i: number): { seq: number; createdAtMs: number } {
  const [year, month, day, hour, minute, second] = createdAt(i);
  return { seq: i, createdAtMs: Date.UTC(year, month - 1, day, hour - 8, minute, second, i % 1000) };
}
