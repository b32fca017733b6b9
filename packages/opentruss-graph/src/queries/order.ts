import neo4j from 'neo4j-driver';

/** A value's rank among types for ORDER BY; null sorts after everything ascending (and first descending). */
function comparable(value: unknown): number | string | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (neo4j.isInt(value)) {
    return value.toNumber();
  }
  if (typeof value === 'number' || typeof value === 'string') {
    return value;
  }
  throw new Error(`The reference evaluator does not order values of type ${typeof value}`);
}

/**
 * Memgraph's ORDER BY for the scalar values catalogue queries sort on: numbers by value, strings by their UTF-8
 * bytes (std::string comparison, not JavaScript's UTF-16 order), nulls last ascending.
 */
export function compareCypher(a: unknown, b: unknown): number {
  const left = comparable(a);
  const right = comparable(b);
  if (left === null || right === null) {
    return left === right ? 0 : left === null ? 1 : -1;
  }
  if (typeof left === 'string' && typeof right === 'string') {
    return Buffer.compare(Buffer.from(left, 'utf8'), Buffer.from(right, 'utf8'));
  }
  if (typeof left === 'number' && typeof right === 'number') {
    return left - right;
  }
  throw new Error('The reference evaluator does not order strings against numbers');
}

export type SortKey<T> = { by: (item: T) => unknown; descending?: boolean };

/** Sorts like `ORDER BY k1 [DESC], k2 …` (stable). */
export function orderBy<T>(items: readonly T[], ...keys: Array<SortKey<T>>): T[] {
  return [...items].sort((x, y) => {
    for (const key of keys) {
      const result = compareCypher(key.by(x), key.by(y));
      if (result !== 0) {
        return key.descending ? -result : result;
      }
    }
    return 0;
  });
}
