// What the Bolt test server answers so that, seen from the datasource, it is an OpenTruss Memgraph: the
// statements a health check sends (a trivial read, SHOW VERSION, SHOW INDEX INFO), Memgraph's schema procedures
// over OpenTruss's labels, relationship types and property keys, and the business queries of the bundled dashboards
// (the OpenTruss fixture, loaded with the server). Column names are Memgraph's; the tests stay black-box: nothing
// here is imported from the plugin.
import path from 'node:path';
import type { BoltTestServer, BoltTestServerOptions } from '@opentruss/bolt-test-server';
import {
  PROPERTIES,
  RECOMMENDED_INDEXES,
  RELATIONSHIP_TYPES,
  type LabelPropertyIndex,
} from '@opentruss/opentruss-graph';
import neo4j from 'neo4j-driver';

export const MEMGRAPH_VERSION = '3.2.1';

/** The trivial read of the datasource's health check (its README: "runs `RETURN 1` in a READ transaction"). */
export const PROBE_QUERY = 'RETURN 1 AS ok';

/** Options for a Bolt test server that knows the bundled dashboards' queries. */
export const OPENTRUSS_FIXTURE: BoltTestServerOptions = {
  fixtureFiles: [
    path.join(
      path.dirname(require.resolve('@opentruss/opentruss-graph/package.json')),
      'fixtures/opentruss-demo.jolt.json'
    ),
  ],
};

/** Two of the four recommended indexes: the index advisor has something to say. */
export const EXISTING_INDEXES: readonly LabelPropertyIndex[] = RECOMMENDED_INDEXES.slice(0, 2);

export function serveHealthCheck(
  bolt: BoltTestServer,
  indexes: readonly LabelPropertyIndex[] = EXISTING_INDEXES
): void {
  bolt.addResponder({ name: 'probe', match: PROBE_QUERY, fields: ['ok'], records: [[neo4j.int(1)]] });
  bolt.addResponder({
    name: 'version',
    match: /^SHOW VERSION;?$/i,
    fields: ['version'],
    records: [[MEMGRAPH_VERSION]],
  });
  bolt.addResponder({
    name: 'index info',
    match: /^SHOW INDEX INFO;?$/i,
    fields: ['index type', 'label', 'property', 'count'],
    records: indexes.map((index) => ['label+property', index.label, [index.property], neo4j.int(1000)]),
  });
}

/**
 * `CALL a.b()` as the datasource writes it, or as the Bolt gateway sends it (canonical text: back-quoted names,
 * one space between tokens).
 */
function procedureCall(name: string): RegExp {
  const parts = name.split('.').map((part) => `\`?${part}\`?`);
  return new RegExp(`^CALL ${parts.join(' ?\\. ?')} ?\\( ?\\)`);
}

/** The schema procedures of Memgraph ≥ 3.9 over the OpenTruss vocabulary. */
export function serveSchema(bolt: BoltTestServer): void {
  bolt.addResponder({
    name: 'node type properties',
    match: procedureCall('schema.node_type_properties'),
    fields: ['nodeLabels', 'propertyName'],
    records: Object.entries(PROPERTIES).flatMap(([label, keys]) => keys.map((key) => [[label], key])),
  });
  bolt.addResponder({
    name: 'rel type properties',
    match: procedureCall('schema.rel_type_properties'),
    fields: ['relType', 'propertyName'],
    records: Object.values(RELATIONSHIP_TYPES).map((type) => [`:\`${type}\``, '']),
  });
  bolt.addResponder({
    name: 'functions',
    match: procedureCall('mg.functions'),
    fields: ['name'],
    records: [['date.format']],
  });
}

export function serveOpenTrussMemgraph(bolt: BoltTestServer): void {
  serveHealthCheck(bolt);
  serveSchema(bolt);
}
