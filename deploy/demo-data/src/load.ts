import type { Driver } from 'neo4j-driver';
import type { CypherStatement } from '@opentruss/opentruss-graph';
import type { Log } from './log';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Creates the indexes, one auto-commit query each (Memgraph refuses index DDL inside explicit transactions).
 * An index that already exists is fine: the loader is meant to run again.
 */
export async function createIndexes(driver: Driver, statements: readonly CypherStatement[], log: Log): Promise<void> {
  for (const statement of statements) {
    const session = driver.session();
    try {
      await session.run(statement.cypher, statement.parameters);
    } catch (error) {
      if (!/already exists/i.test(errorText(error))) {
        throw new Error(`${statement.cypher} failed: ${errorText(error)}`);
      }
    } finally {
      await session.close();
    }
  }
  log(`Indexes: ${statements.length} ensured`);
}

/** Runs each batch in its own write transaction (retried by the driver on Memgraph's transient errors). */
export async function runBatches(driver: Driver, statements: readonly CypherStatement[], log: Log): Promise<void> {
  const session = driver.session();
  try {
    for (const [index, statement] of statements.entries()) {
      try {
        await session.executeWrite((tx) => tx.run(statement.cypher, statement.parameters));
      } catch (error) {
        throw new Error(`Batch ${index + 1}/${statements.length} (${statement.cypher.slice(0, 80)}…) failed: ${errorText(error)}`);
      }
      if ((index + 1) % 20 === 0 || index + 1 === statements.length) {
        log(`Graph: ${index + 1}/${statements.length} batches`);
      }
    }
  } finally {
    await session.close();
  }
}
