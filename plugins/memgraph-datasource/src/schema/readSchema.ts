import { t } from '@grafana/i18n';
import { PLAIN_TEXT } from '@opentruss/contract';

import type { CypherResult } from '../model/cypherResult';
import type { GraphSchema } from './graphSchema';
import { columnNames, SAMPLE_SIZE, SCHEMA_QUERIES, unquoteType } from './schemaQueries';

/** Runs one of the schema queries (SHOW … INFO ones auto-commit, as their kind says). */
export type RunIntrospection = (text: string) => Promise<CypherResult>;

interface Source {
  /** Named in the schema's notes. */
  name: string;
  read: () => Promise<string[]>;
}

/** The first source that answers; the notes say which one, and why earlier ones were skipped. */
async function firstAnswer(part: string, sources: Source[], notes: string[]): Promise<string[]> {
  const skipped: string[] = [];
  for (const source of sources) {
    try {
      const names = await source.read();
      notes.push(
        skipped.length
          ? t('schema.note.read-after-skips', '{{part}}: {{source}} ({{skipped}})', {
              ...PLAIN_TEXT,
              part,
              source: source.name,
              skipped: skipped.join('; '),
            })
          : t('schema.note.read', '{{part}}: {{source}}', { ...PLAIN_TEXT, part, source: source.name })
      );
      return names;
    } catch (error) {
      skipped.push(
        t('schema.note.failed', '{{source}} failed: {{reason}}', {
          ...PLAIN_TEXT,
          source: source.name,
          reason: (error as Error).message,
        })
      );
    }
  }
  notes.push(t('schema.note.unknown', '{{part}}: unknown ({{skipped}})', { ...PLAIN_TEXT, part, skipped: skipped.join('; ') }));
  return [];
}

/**
 * Reads labels, relationship types, property keys and query-module functions from Memgraph, trying the precise
 * sources first and falling back to flag-free sampled scans (see SCHEMA_QUERIES). Never rejects: a part that
 * cannot be read is empty, and the notes say why.
 */
export async function readSchema(run: RunIntrospection): Promise<GraphSchema> {
  const once = (text: string) => {
    let result: Promise<CypherResult> | undefined;
    return () => (result ??= run(text));
  };
  const nodeTypes = once(SCHEMA_QUERIES.nodeTypeProperties);
  const relTypes = once(SCHEMA_QUERIES.relTypeProperties);
  const sample = { ...PLAIN_TEXT, size: SAMPLE_SIZE.toLocaleString('en-US') };
  const notes: string[] = [];

  const labels = await firstAnswer(
    t('schema.part.labels', 'Labels'),
    [
      { name: 'schema.node_type_properties()', read: async () => columnNames(await nodeTypes(), 'nodeLabels') },
      {
        name: 'SHOW NODE_LABELS INFO',
        read: async () => columnNames(await run(SCHEMA_QUERIES.nodeLabelsInfo), 'node labels'),
      },
      {
        name: t('schema.source.sampled-nodes', 'a sample of {{size}} nodes', sample),
        read: async () => columnNames(await run(SCHEMA_QUERIES.sampledLabels), 'label'),
      },
    ],
    notes
  );
  const relationshipTypes = await firstAnswer(
    t('schema.part.relationship-types', 'Relationship types'),
    [
      {
        name: 'schema.rel_type_properties()',
        read: async () => columnNames(await relTypes(), 'relType', unquoteType),
      },
      {
        name: 'SHOW EDGE_TYPES INFO',
        read: async () => columnNames(await run(SCHEMA_QUERIES.edgeTypesInfo), 'edge types'),
      },
      {
        name: t('schema.source.sampled-relationships', 'a sample of {{size}} relationships', sample),
        read: async () => columnNames(await run(SCHEMA_QUERIES.sampledRelationshipTypes), 'type'),
      },
    ],
    notes
  );
  const propertyKeys = await firstAnswer(
    t('schema.part.property-keys', 'Property keys'),
    [
      {
        name: t('schema.source.type-properties', 'schema.node_type_properties() and schema.rel_type_properties()'),
        read: async () => merge(columnNames(await nodeTypes(), 'propertyName'), columnNames(await relTypes(), 'propertyName')),
      },
      {
        name: t('schema.source.sampled-both', 'a sample of {{size}} nodes and relationships', sample),
        read: async () =>
          merge(
            columnNames(await run(SCHEMA_QUERIES.sampledNodePropertyKeys), 'key'),
            columnNames(await run(SCHEMA_QUERIES.sampledRelationshipPropertyKeys), 'key')
          ),
      },
    ],
    notes
  );
  const functions = await firstAnswer(
    t('schema.part.functions', 'Query-module functions'),
    [{ name: 'mg.functions()', read: async () => columnNames(await run(SCHEMA_QUERIES.functions), 'name') }],
    notes
  );
  return { labels, relationshipTypes, propertyKeys, functions, notes };
}

function merge(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].sort((x, y) => x.localeCompare(y));
}
