import { expandMacros } from '@opentruss/cypher';
import { type JoltValue, toJolt } from '@opentruss/bolt-test-server';
import path from 'node:path';
import { type EvaluationContext, QUERY_CATALOGUE, defaultEvaluationContext, generateDemoGraph } from '../src';

/** The bundled fixture: what the Bolt test server answers for every catalogue query (its Jolt fixture-file format). */
export const DEMO_FIXTURE_PATH = path.join(__dirname, '..', 'fixtures', 'opentruss-demo.jolt.json');

export interface FixtureEntry {
  name: string;
  /** The exact text the datasource sends after expanding macros (it does not depend on the time range). */
  match: string;
  fields: string[];
  records: JoltValue[][];
}

/**
 * Every catalogue query on the default small demo graph, evaluated in the default context (last 90 days, one-day
 * interval, all projects and buildings, the first SUBMITTED lot). A fixture answers by query text alone, so
 * these are the answers whatever the dashboard's range and variables.
 */
export function buildDemoFixture(): { entries: FixtureEntry[]; context: EvaluationContext } {
  const graph = generateDemoGraph();
  const context = defaultEvaluationContext(graph);
  const entries = QUERY_CATALOGUE.map((query) => ({
    name: query.id,
    match: expandMacros(query.cypher),
    fields: query.columns.map((column) => column.name),
    records: query.evaluate(graph, context).map((row, index) => toJolt(row, `${query.id}[${index}]`) as JoltValue[]),
  }));
  return { entries, context };
}

/** One entry per block, records one per line: readable diffs when the demo graph or a query changes. */
export function serializeFixture(entries: FixtureEntry[]): string {
  const entryText = (entry: FixtureEntry) =>
    [
      '  {',
      `    "name": ${JSON.stringify(entry.name)},`,
      `    "match": ${JSON.stringify(entry.match)},`,
      `    "fields": ${JSON.stringify(entry.fields)},`,
      entry.records.length === 0
        ? '    "records": []'
        : `    "records": [\n${entry.records.map((row) => `      ${JSON.stringify(row)}`).join(',\n')}\n    ]`,
      '  }',
    ].join('\n');
  return `[\n${entries.map(entryText).join(',\n')}\n]\n`;
}
