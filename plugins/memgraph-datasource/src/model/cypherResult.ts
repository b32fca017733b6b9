import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';

import { ResultColumn } from './resultColumn';

/** A query's result, kept as columns: what runCypher emits and the frames are built from. */
export interface CypherResult {
  readonly keys: readonly string[];
  /** One per key, in the same order. */
  readonly columns: readonly ResultColumn[];
  readonly rowCount: number;
  /** More rows existed than the row cap; they were left on the server. */
  readonly truncated: boolean;
  /** The rows as neo4j Records, built on first use (the health check and schema reader read a few by name). */
  readonly records: readonly Neo4jRecord[];
}

/**
 * Collects a record stream into columns as the records arrive, so nothing keeps the Record objects and every value
 * is looked at once, on arrival (see ResultColumn).
 */
export class ResultCollector {
  private keys: readonly string[] = [];
  private columns: ResultColumn[] = [];
  private rows = 0;

  get rowCount(): number {
    return this.rows;
  }

  /** The result's keys, announced before its first record. */
  start(keys: readonly string[]): void {
    this.keys = [...keys];
    this.columns = keys.map((key) => new ResultColumn(key));
  }

  add(record: Neo4jRecord): void {
    for (let index = 0; index < this.columns.length; index++) {
      this.columns[index].add(record.get(index)); // by index: no key lookup per value
    }
    this.rows++;
  }

  finish(truncated: boolean): CypherResult {
    return new CollectedResult(this.keys, this.columns, this.rows, truncated);
  }
}

class CollectedResult implements CypherResult {
  private rowsAsRecords?: Neo4jRecord[];

  constructor(
    readonly keys: readonly string[],
    readonly columns: readonly ResultColumn[],
    readonly rowCount: number,
    readonly truncated: boolean
  ) {}

  get records(): readonly Neo4jRecord[] {
    if (!this.rowsAsRecords) {
      const keys = [...this.keys];
      this.rowsAsRecords = Array.from(
        { length: this.rowCount },
        (_, row) =>
          new neo4j.Record(
            keys,
            this.columns.map((column) => column.values[row])
          )
      );
    }
    return this.rowsAsRecords;
  }
}

/** The values of a result row by row, each row's in column order (the order a node graph meets them). */
export function* valuesByRow(result: CypherResult): Generator<unknown> {
  for (let row = 0; row < result.rowCount; row++) {
    for (const column of result.columns) {
      yield column.values[row];
    }
  }
}
