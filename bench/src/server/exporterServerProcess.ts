// "Memgraph" for figure 6 in its own process: the Bolt test server answering the business exporter's catalogue
// queries with the reference evaluators' rows on a capacity-size demo graph. Each distinct (query, parameters)
// is evaluated once and then served from memory, so later collections cost the server only the encoding.
import { startBoltTestServer } from '@opentruss/bolt-test-server';
import { catalogueResponders } from '@opentruss/business-exporter/testing';
import {
  catalogueQuery,
  type CatalogueQueryId,
  defaultEvaluationContext,
  generateDemoGraph,
  type DemoGraphPreset,
} from '@opentruss/opentruss-graph';
import neo4j from 'neo4j-driver';

export type ExporterServerMessage =
  | { type: 'ready'; url: string; nowMs: number; lots: number; elements: number; buildings: number }
  | { type: 'cpu'; userMs: number; systemMs: number };

async function main(): Promise<void> {
  const preset = process.argv[2] as DemoGraphPreset;
  const graph = generateDemoGraph({ preset });
  // What a correct collection must find, by the catalogue's own evaluators (placeholders excluded).
  const total = (id: CatalogueQueryId, column: number) =>
    catalogueQuery(id)
      .evaluate(graph, defaultEvaluationContext(graph))
      .reduce((sum, row) => sum + neo4j.integer.toNumber(row[column] as number), 0);
  const responders = catalogueResponders(graph).map((responder) => {
    const cache = new Map<string, unknown[][]>();
    const evaluate = responder.records as (run: { parameters: Record<string, unknown> }) => unknown[][];
    return {
      ...responder,
      records: (run: { parameters: Record<string, unknown> }) => {
        const key = JSON.stringify(run.parameters);
        if (!cache.has(key)) {
          cache.set(key, evaluate(run));
        }
        return cache.get(key)!;
      },
    };
  });
  const server = await startBoltTestServer({ responders });
  const stop = () => void server.stop().finally(() => process.exit(0));
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  process.on('message', () => {
    const cpu = process.cpuUsage();
    process.send?.({ type: 'cpu', userMs: cpu.user / 1000, systemMs: cpu.system / 1000 } satisfies ExporterServerMessage);
  });
  process.send?.({
    type: 'ready',
    url: server.url,
    nowMs: graph.nowMs,
    lots: total('lots-by-status', 1),
    elements: total('elements-by-status', 1),
    buildings: defaultEvaluationContext(graph).variables.building.length,
  } satisfies ExporterServerMessage);
}

main().catch((error: Error) => {
  console.error(`exporter bench server: ${error.message}`);
  process.exit(1);
});
