import { type DataFrame, toDataFrame } from '@grafana/data';
import type { ResultFormat } from '@opentruss/contract';
import neo4j, { type Driver } from 'neo4j-driver';
import { type DataSource, runQuery } from 'opentruss-memgraph-datasource/testing';

// The three ways of turning a query's stream into something a panel can use, compared in figures 1 and 2. Each
// returns what it produced, so every timed run can be checked for having done the whole job.

/**
 * The floor: neo4j-driver alone, an auto-commit `session.run` whose subscriber reads every value of every record
 * as it arrives — what any client must at least do with the stream.
 */
export function rawDriver(driver: Driver, query: string): Promise<{ records: number; values: number }> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  let records = 0;
  let values = 0;
  return new Promise<{ records: number; values: number }>((resolve, reject) => {
    session.run(query).subscribe({
      onNext: (record) => {
        records++;
        // By index: Record.forEach/values() go through generators, which would make the floor itself slower.
        for (let i = 0; i < record.length; i++) {
          if (record.get(i) !== undefined) {
            values++;
          }
        }
      },
      onCompleted: () => resolve({ records, values }),
      onError: reject,
    });
  }).finally(() => session.close());
}

/** What one would write without the datasource: collect the records, `record.toObject()`, `toDataFrame`. */
export async function naiveConversion(driver: Driver, query: string): Promise<DataFrame> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(query);
    return toDataFrame(result.records.map((record) => record.toObject()));
  } finally {
    await session.close();
  }
}

/** The datasource end to end: a Grafana query request → `DataSource.query` → runCypher → frames. */
export async function datasourceQuery(ds: DataSource, query: string, format: ResultFormat): Promise<DataFrame[]> {
  const response = await runQuery(ds, [{ cypher: query, format }]);
  if (response.errors?.length) {
    throw new Error(`the datasource failed: ${response.errors.map((e) => e.message).join('; ')}`);
  }
  return response.data as DataFrame[];
}
