import neo4j from 'neo4j-driver';
import { generateDemoGraph, indexStatements, nodeStatements, relationshipStatements } from '@opentruss/opentruss-graph';
import { claimAnchor, markComplete } from './anchor';
import type { DemoDataConfig } from './config';
import { createIndexes, runBatches } from './load';
import type { Log } from './log';
import { waitForMemgraph } from './wait-for-memgraph';

export type LoadOutcome = 'loaded' | 'already-loaded';

/**
 * The one-shot job: wait for Memgraph, create the ops manual's indexes, then load the demo graph with batched,
 * parameterised MERGEs. Idempotent: see anchor.ts.
 */
export async function loadDemoData(config: DemoDataConfig, log: Log): Promise<LoadOutcome> {
  const driver = neo4j.driver(config.memgraphUrl, neo4j.auth.basic(config.user, config.password), {
    connectionTimeout: 5000,
    maxTransactionRetryTime: 30_000,
  });
  try {
    await waitForMemgraph(driver, { url: config.memgraphUrl, attempts: config.waitAttempts, intervalMs: config.waitIntervalMs, log });
    await createIndexes(driver, indexStatements(), log);

    const anchor = await claimAnchor(driver, config);
    if (anchor.preset !== config.preset || anchor.seed !== config.seed) {
      throw new Error(
        `Memgraph already holds the demo graph "${anchor.preset}" (seed ${anchor.seed}); DEMO_DATA_SIZE=${config.preset} ` +
          `(seed ${config.seed}) would mix two graphs. Keep the recorded size, or empty Memgraph first ` +
          '(MATCH (n) DETACH DELETE n) to load another.'
      );
    }
    if (anchor.completedAt) {
      log(`Demo graph "${anchor.preset}" already loaded at ${anchor.completedAt}; nothing to do`);
      return 'already-loaded';
    }

    const graph = generateDemoGraph({ preset: anchor.preset, seed: anchor.seed, now: anchor.now });
    log(`Loading demo graph "${anchor.preset}" (ends ${anchor.now}): ${graph.nodes.length} nodes, ${graph.relationships.length} relationships`);
    const batching = { batchSize: config.batchSize };
    await runBatches(driver, [...nodeStatements(graph, batching), ...relationshipStatements(graph, batching)], log);
    await markComplete(driver, new Date());
    log('Demo graph loaded');
    return 'loaded';
  } finally {
    await driver.close();
  }
}
