// Every Memgraph query of the committed dashboards (panel targets, variables, annotations) with the panel that
// shows it, and the bundled OpenTruss fixture those queries are answered from.
import fs from 'node:fs';
import path from 'node:path';
import { PLUGIN_IDS } from '@opentruss/contract';
import { expandMacros } from '@opentruss/cypher';
import { parseJolt, type JoltValue } from '@opentruss/bolt-test-server';
import { QUERY_CATALOGUE, type CatalogueQuery } from '@opentruss/opentruss-graph';
import { COMMITTED, type DashboardJson, type Panel, type Target } from './dashboards';

export const FIXTURE_FILE = path.join(
  path.dirname(require.resolve('@opentruss/opentruss-graph/package.json')),
  'fixtures/opentruss-demo.jolt.json'
);

interface FixtureEntry {
  name: string;
  match: string;
  fields: string[];
  records: JoltValue[][];
}

const FIXTURE: FixtureEntry[] = JSON.parse(fs.readFileSync(FIXTURE_FILE, 'utf8'));

/** The fixture's rows for a query (the Bolt test server matches the expanded text exactly). */
export function fixtureRows(cypher: string): Array<Record<string, unknown>> {
  const entry = FIXTURE.find((e) => e.match === expandMacros(cypher));
  if (!entry) {
    throw new Error(`The bundled fixture has no entry for:\n${cypher}`);
  }
  return entry.records.map((record) =>
    Object.fromEntries(entry.fields.map((field, i) => [field, parseJolt(record[i])]))
  );
}

export interface MemgraphUse {
  where: string;
  kind: 'panel' | 'variable' | 'annotation';
  dashboard: DashboardJson;
  panel?: Panel;
  /** The annotation as the dashboard stores it. */
  annotation?: Record<string, any>;
  query: Target;
  source: CatalogueQuery;
}

export function memgraphUses(): MemgraphUse[] {
  const uses: MemgraphUse[] = [];
  const add = (use: Omit<MemgraphUse, 'source'>) => {
    const source = QUERY_CATALOGUE.find((q) => q.cypher === use.query.cypher);
    if (!source) {
      throw new Error(`${use.where}: not a catalogue query`);
    }
    uses.push({ ...use, source });
  };
  for (const { json } of COMMITTED) {
    for (const panel of json.panels) {
      for (const target of panel.targets ?? []) {
        if (target.datasource?.type === PLUGIN_IDS.datasource) {
          add({
            where: `${json.uid} panel ${panel.id} "${panel.title}" ${target.refId}`,
            kind: 'panel',
            dashboard: json,
            panel,
            query: target,
          });
        }
      }
    }
    // Query variables on Memgraph (the Logs dashboard's $service queries Loki).
    for (const variable of json.templating.list.filter((v) => v.type === 'query' && v.datasource?.uid === '${memgraph}')) {
      add({
        where: `${json.uid} variable $${variable.name}`,
        kind: 'variable',
        dashboard: json,
        query: variable.query as Target,
      });
    }
    for (const annotation of json.annotations.list.filter((a) => a.datasource?.type === PLUGIN_IDS.datasource)) {
      add({
        where: `${json.uid} annotation "${annotation.name}"`,
        kind: 'annotation',
        dashboard: json,
        annotation,
        query: annotation.target as Target,
      });
    }
  }
  return uses;
}
