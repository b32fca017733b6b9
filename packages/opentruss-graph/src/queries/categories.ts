import neo4j from 'neo4j-driver';
import type { Row } from './types';

/**
 * Counts per category with every category present (zero when none), in the given order, so a panel keeps its
 * bars and colours when a category is empty. Cypher: group, collect the counts, then UNWIND the fixed list.
 * `grouping` is the clause that binds `key` and counts `counted` (e.g. `WITH l.status AS status, count(l) AS n`).
 */
export function countsPerCategoryCypher(key: string, categories: readonly string[], countColumn: string): string {
  const list = categories.map((category) => `'${category}'`).join(', ');
  return [
    `WITH collect({${key}: ${key}, n: n}) AS counts`,
    `UNWIND [${list}] AS ${key}`,
    `RETURN ${key}, reduce(total = 0, c IN counts | total + CASE WHEN c.${key} = ${key} THEN c.n ELSE 0 END) AS ${countColumn}`,
  ].join('\n');
}

/** The reference twin of countsPerCategoryCypher: `keys` holds one category value per counted thing. */
export function countsPerCategory(categories: readonly string[], keys: Iterable<unknown>): Row[] {
  const counts = new Map<unknown, number>();
  for (const key of keys) {
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return categories.map((category) => [category, neo4j.int(counts.get(category) ?? 0)]);
}
