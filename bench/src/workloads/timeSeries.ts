import type { Row } from '@opentruss/bolt-test-server';
import neo4j from 'neo4j-driver';

import type { Workload } from './workload';

export const TIME_SERIES_START_MS = Date.UTC(2024, 4, 1);
export const TIME_SERIES_STEP_MS = 60_000;

/**
 * Figure 2: a long result — time, one label column, one value — as `$__timeGroup(...) AS time` returns it:
 * epoch-ms integers, ordered by time, every series present at every step.
 */
export function timeSeriesWorkload(points: number, series: number): Workload {
  return {
    name: 'time series',
    query:
      'MATCH (d:Division)-[:MANAGEMENT_CONTAINS*]->(l:InspectionLot) ' +
      `RETURN l.bucket AS time, d.name AS division, avg(l.progress) AS progress ORDER BY time LIMIT ${points}`,
    fields: ['time', 'division', 'progress'],
    rows: () => timeSeriesRows(points, series),
  };
}

function* timeSeriesRows(points: number, series: number): Generator<Row> {
  for (let i = 0; i < points; i++) {
    const step = Math.floor(i / series);
    const division = i % series;
    yield [
      neo4j.int(TIME_SERIES_START_MS + step * TIME_SERIES_STEP_MS),
      `Division ${division + 1}`,
      timeSeriesValue(division, step),
    ];
  }
}

/** The value of series `division` (0-based) at time step `step`. */
export function timeSeriesValue(division: number, step: number): number {
  return (division * 37 + step) % 100;
}
