// Figure 8: what the read-only checker costs per statement — checkReadQuery (parse, allowlist, canonical print) over
// every statement the product itself sends, as the Bolt gateway runs it on each RUN (and the datasource before
// sending). Pure CPU in this process: no server.
import { checkReadQuery } from '@opentruss/cypher';
import { productStatements } from 'opentruss-memgraph-datasource/testing';

import { collectGarbage, spread } from '../measure';
import type { Profile } from '../profile';
import { expectEqual, type FigureResult } from './figure';

/** Calls per statement per round (each takes from about a hundred µs to a few ms). */
const CALLS = 20;

export function canonicalisationFigure({ profile, log }: { profile: Profile; log: (line: string) => void }): FigureResult {
  const statements = productStatements();
  log(`figure 8: checkReadQuery over ${statements.length} product statements, ${CALLS} calls each, ${profile.runs} rounds`);
  const options = { queryMemoryLimitMb: 1024 };
  for (const { source, text } of statements) {
    expectEqual(`${source} accepted`, checkReadQuery(text, options).ok, true);
  }
  const perStatement = new Map<string, number[]>(statements.map(({ source }) => [source, []]));
  const perRound: number[] = [];
  for (let round = -profile.warmups; round < profile.runs; round++) {
    collectGarbage();
    let roundMicros = 0;
    for (const { source, text } of statements) {
      const started = performance.now();
      for (let i = 0; i < CALLS; i++) {
        checkReadQuery(text, options);
      }
      const micros = ((performance.now() - started) * 1000) / CALLS;
      roundMicros += micros;
      if (round >= 0) {
        perStatement.get(source)!.push(micros);
      }
    }
    if (round >= 0) {
      perRound.push(roundMicros / statements.length);
    }
  }
  const medians = [...perStatement].map(([source, values]) => [source, spread(values).median] as const);
  const slowest = medians.reduce((a, b) => (b[1] > a[1] ? b : a));
  const lengths = statements.map(({ text }) => text.length);
  return {
    id: 8,
    title: 'Canonicalisation: checkReadQuery per product statement',
    measurements: [
      { label: 'mean over the product statements (per round)', unit: 'µs', spread: spread(perRound) },
      { label: 'median statement', unit: 'µs', value: round(spread(medians.map(([, m]) => m)).median) },
      { label: `slowest statement (${slowest[0]})`, unit: 'µs', value: round(slowest[1]) },
      { label: 'statements', unit: '', value: statements.length },
      { label: 'statement length, median / max', unit: 'chars', value: `${spread(lengths).median} / ${Math.max(...lengths)}` },
    ],
    targets: [],
    notes: [
      'Statements: the catalogue (dashboards, editor examples, variables, annotations) bound with dashboard ' +
        'variables, the macro help examples, schema reader, health check, index advisor and business exporter ' +
        '(opentruss-memgraph-datasource/testing productStatements), with the gateway\'s default QUERY MEMORY LIMIT.',
    ],
  };
}

function round(micros: number): number {
  return Math.round(micros * 10) / 10;
}
