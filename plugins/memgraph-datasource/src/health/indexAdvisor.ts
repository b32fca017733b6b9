import {
  createIndexStatement,
  type LabelPropertyIndex,
  RECOMMENDED_INDEXES,
} from '@opentruss/opentruss-graph/vocabulary';

import type { CypherResult } from '../model/cypherResult';

/** Read with SHOW INDEX INFO, which Memgraph refuses inside explicit transactions (so: auto-commit). */
export const INDEX_INFO_QUERY = 'SHOW INDEX INFO';

export { RECOMMENDED_INDEXES, createIndexStatement };

interface IndexRow {
  type: string;
  label: string;
  properties: string[];
}

/**
 * SHOW INDEX INFO rows (`index type`, `label`, `property`, `count`). `property` is a list since Memgraph 3.2
 * (composite indexes) and a string before; only single-property label+property indexes satisfy a recommendation.
 */
export function indexRows(result: CypherResult): IndexRow[] {
  return result.records.map((record) => {
    const property = record.get('property') as unknown;
    return {
      type: String(record.get('index type') ?? ''),
      label: String(record.get('label') ?? ''),
      properties: Array.isArray(property) ? property.map(String) : property === null ? [] : [String(property)],
    };
  });
}

export function missingIndexes(rows: IndexRow[]): LabelPropertyIndex[] {
  return RECOMMENDED_INDEXES.filter(
    (wanted) =>
      !rows.some(
        (row) =>
          row.type.startsWith('label+property') &&
          row.label === wanted.label &&
          row.properties.length === 1 &&
          row.properties[0] === wanted.property
      )
  );
}
