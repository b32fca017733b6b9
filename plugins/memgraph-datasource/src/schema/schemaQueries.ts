import type { CypherResult } from '../model/cypherResult';

/** How many nodes / relationships the flag-free fallbacks look at (a full scan would be too slow on big graphs). */
export const SAMPLE_SIZE = 10_000;

/**
 * The introspection statements, in the order the reader tries them (Memgraph has no `db.labels()`):
 * - `schema.node_type_properties()` / `schema.rel_type_properties()`: built in since v2.12, no flag, but they fail
 *   before v3.9 when any property is a zoned DateTime — which OpenTruss stores;
 * - `SHOW NODE_LABELS INFO` / `SHOW EDGE_TYPES INFO`: need `--storage-enable-schema-metadata=true`, auto-commit only;
 * - sampled scans, which need nothing but may miss names that only occur beyond the sample.
 * Sources: Memgraph docs `querying/schema`, `querying/functions`; memgraph `query_modules/schema.cpp`.
 */
export const SCHEMA_QUERIES = {
  nodeTypeProperties: 'CALL schema.node_type_properties() YIELD nodeLabels, propertyName RETURN nodeLabels, propertyName',
  relTypeProperties: 'CALL schema.rel_type_properties() YIELD relType, propertyName RETURN relType, propertyName',
  nodeLabelsInfo: 'SHOW NODE_LABELS INFO',
  edgeTypesInfo: 'SHOW EDGE_TYPES INFO',
  sampledLabels: `MATCH (n) WITH n LIMIT ${SAMPLE_SIZE} UNWIND labels(n) AS label RETURN DISTINCT label`,
  sampledRelationshipTypes: `MATCH ()-[r]->() WITH r LIMIT ${SAMPLE_SIZE} RETURN DISTINCT type(r) AS type`,
  sampledNodePropertyKeys: `MATCH (n) WITH n LIMIT ${SAMPLE_SIZE} UNWIND keys(n) AS key RETURN DISTINCT key`,
  sampledRelationshipPropertyKeys: `MATCH ()-[r]->() WITH r LIMIT ${SAMPLE_SIZE} UNWIND keys(r) AS key RETURN DISTINCT key`,
  functions: 'CALL mg.functions() YIELD name RETURN name',
} as const;

/** Distinct, non-empty strings of one column, sorted. */
export function columnNames(result: CypherResult, column: string, clean: (raw: string) => string = (s) => s): string[] {
  const names = new Set<string>();
  for (const record of result.records) {
    const value = record.get(column) as unknown;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === 'string' && clean(item) !== '') {
        names.add(clean(item));
      }
    }
  }
  return [...names].sort((a, b) => a.localeCompare(b));
}

/** `relType` comes as ":`HAS_LOT`" from schema.rel_type_properties(). */
export function unquoteType(raw: string): string {
  return raw.replace(/^:/, '').replace(/^`(.*)`$/s, '$1').replace(/``/g, '`');
}
