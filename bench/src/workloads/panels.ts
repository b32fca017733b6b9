import type { Row } from '@opentruss/bolt-test-server';
import type { ResultFormat } from '@opentruss/contract';
import neo4j from 'neo4j-driver';

import type { Workload } from './workload';

export interface PanelWorkload extends Workload {
  format: ResultFormat;
}

export interface PanelSetOptions {
  /** Distinguishes panel sets that are served side by side (concurrency, soak). */
  dashboard: string;
  count: number;
  /** Memgraph's work per query, spread evenly from the first panel to the last. */
  minDelayMs: number;
  maxDelayMs: number;
}

type Shape = Pick<PanelWorkload, 'query' | 'fields' | 'rows' | 'format'>;

/**
 * What makes each panel's query its own: the server answers each with its own delay and rows. A comment would not
 * do — the Bolt gateway sends Memgraph the canonical text, without comments, so panels told apart by a comment alone
 * would all reach the same answer through it — so the name is a string literal of the query.
 */
const panelTag = (panel: string) => `WITH '${panel}' AS panel\n`;

/** A wall dashboard's panels in turn: a stat, a table, a time series (the shapes the OpenTruss dashboards use). */
const SHAPES: Array<(panel: string) => Shape> = [
  (panel) => ({
    query: `${panelTag(panel)}MATCH (l:InspectionLot) WHERE l.status IN ['APPROVED', 'PUBLISHED'] RETURN count(l) AS lots`,
    fields: ['lots'],
    rows: () => [[neo4j.int(2_417)]],
    format: 'table',
  }),
  (panel) => ({
    query:
      `${panelTag(panel)}MATCH (d:Division)-[:MANAGEMENT_CONTAINS*]->(l:InspectionLot) ` +
      'RETURN d.name AS division, count(l) AS lots, avg(l.progress) AS progress',
    fields: ['division', 'lots', 'progress'],
    rows: () => tableRows(50),
    format: 'table',
  }),
  (panel) => ({
    query:
      `${panelTag(panel)}MATCH (h:ApprovalHistory) ` +
      'RETURN h.bucket AS time, h.action AS action, count(*) AS approvals ORDER BY time',
    fields: ['time', 'action', 'approvals'],
    rows: () => seriesRows(5, 100),
    format: 'time_series',
  }),
];

/** `count` panels cycling through the shapes, each with its own query text and Memgraph delay. */
export function panelWorkloads(options: PanelSetOptions): PanelWorkload[] {
  const { dashboard, count, minDelayMs, maxDelayMs } = options;
  return Array.from({ length: count }, (_, i) => {
    const name = `${dashboard} panel ${i + 1}`;
    const delayMs = count > 1 ? Math.round(minDelayMs + ((maxDelayMs - minDelayMs) * i) / (count - 1)) : minDelayMs;
    return { name, delayMs, ...SHAPES[i % SHAPES.length](name) };
  });
}

/** A panel whose result streams slowly enough to be still running when the wall refreshes (figure 4). */
export function slowStreamingPanel(dashboard: string, records: number, batchDelayMs: number): PanelWorkload {
  const name = `${dashboard} slow panel`;
  return {
    name,
    query: `${panelTag(name)}MATCH (e:Element) RETURN e.id AS id, e.status AS status, e.confidence AS confidence`,
    fields: ['id', 'status', 'confidence'],
    rows: function* () {
      for (let i = 0; i < records; i++) {
        yield [`E-${i}`, i % 3 === 0 ? 'Verified' : 'Draft', (i % 100) / 100];
      }
    },
    batchDelayMs,
    format: 'table',
  };
}

function* tableRows(count: number): Generator<Row> {
  for (let i = 0; i < count; i++) {
    yield [`Division ${i + 1}`, neo4j.int(20 + i), (i * 13) % 100];
  }
}

function* seriesRows(series: number, points: number): Generator<Row> {
  const actions = ['APPROVE', 'REJECT', 'SUBMIT', 'PUBLISH', 'RETURN'];
  for (let step = 0; step < points; step++) {
    for (let s = 0; s < series; s++) {
      yield [neo4j.int(Date.UTC(2024, 4, 1) + step * 3_600_000), actions[s], neo4j.int((step + s) % 9)];
    }
  }
}
