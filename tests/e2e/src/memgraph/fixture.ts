// The bundled OpenTruss fixture's answers, read the way the Bolt test server reads them, for expected values.
import fs from 'node:fs';
import { parseJolt, type JoltValue } from '@opentruss/bolt-test-server';
import { catalogueQuery, type CatalogueQuery, type CatalogueQueryId } from '@opentruss/opentruss-graph';
import { expandMacros } from '@opentruss/cypher';

import { OPENTRUSS_FIXTURE } from './opentrussMemgraph';

interface FixtureEntry {
  name: string;
  match: string;
  fields: string[];
  records: JoltValue[][];
}

const entries = (): FixtureEntry[] => JSON.parse(fs.readFileSync(OPENTRUSS_FIXTURE.fixtureFiles![0], 'utf8'));

/** A catalogue query (as a user writes it) and the rows the fixture answers it with (driver values). */
export function fixtureAnswer(id: CatalogueQueryId): {
  query: CatalogueQuery;
  sentText: string;
  fields: string[];
  rows: unknown[][];
} {
  const query = catalogueQuery(id);
  const sentText = expandMacros(query.cypher);
  const entry = entries().find((e) => e.match === sentText);
  if (!entry) {
    throw new Error(`The OpenTruss fixture has no entry for catalogue query ${id}`);
  }
  return {
    query,
    sentText,
    fields: entry.fields,
    rows: entry.records.map((record) => record.map((value) => parseJolt(value))),
  };
}
