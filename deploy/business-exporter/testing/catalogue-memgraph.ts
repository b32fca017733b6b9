// "Memgraph" for tests (the exporter's and the app's panel tests): the Bolt test server answering each catalogue
// query by its exact macro-expanded text, only with the parameters the query declares (time range + its
// variables, each of the right type), with the rows the reference evaluator computes for exactly those parameters.
import { expandMacros, TIME_PARAMETERS } from '@opentruss/cypher';
import {
  type CatalogueQuery,
  type DemoGraph,
  type EvaluationContext,
  QUERY_CATALOGUE,
} from '@opentruss/opentruss-graph';
import { storageInfoResponders, type RecordsResponder, type StorageFigures } from '@opentruss/bolt-test-server';
import neo4j from 'neo4j-driver';
import { DEFAULTS, type ExporterOptions } from '../src';

const isIdList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** The evaluation context a run's parameters describe, or a reason why they do not fit the query. */
export function contextOf(
  query: CatalogueQuery,
  parameters: Record<string, unknown>,
  now: number
): EvaluationContext | string {
  const expected = [...Object.values(TIME_PARAMETERS), ...query.variables].sort();
  const keys = Object.keys(parameters).sort();
  if (keys.join() !== expected.join()) {
    return `parameters ${keys.join()} instead of ${expected.join()}`;
  }
  const [from, to, intervalMs] = [TIME_PARAMETERS.from, TIME_PARAMETERS.to, TIME_PARAMETERS.intervalMs].map(
    (key) => parameters[key]
  );
  if (!neo4j.isInt(from) || !neo4j.isInt(to) || !neo4j.isInt(intervalMs)) {
    return 'time parameters are not integers';
  }
  // The reference evaluators read a Date at midnight UTC.
  if (parameters[TIME_PARAMETERS.timeZone] !== 'UTC') {
    return `$${TIME_PARAMETERS.timeZone} is not UTC`;
  }
  for (const variable of query.variables) {
    if (variable !== 'lot' && !isIdList(parameters[variable])) {
      return `$${variable} is not a list of ids`;
    }
  }
  return {
    from: from.toNumber(),
    to: to.toNumber(),
    intervalMs: intervalMs.toNumber(),
    now,
    variables: {
      project: (parameters.project as string[] | undefined) ?? [],
      building: (parameters.building as string[] | undefined) ?? [],
      lot: '',
    },
  };
}

/** One responder per catalogue query; `now` is what Memgraph's timestamp() reads. */
export function catalogueResponders(graph: DemoGraph, now: number = graph.nowMs): RecordsResponder[] {
  return QUERY_CATALOGUE.map((query) => ({
    name: query.id,
    match: (text: string, parameters: Record<string, unknown>) =>
      text === expandMacros(query.cypher) && typeof contextOf(query, parameters, now) !== 'string',
    fields: query.columns.map((column) => column.name),
    records: (run: { parameters: Record<string, unknown> }) =>
      query.evaluate(graph, contextOf(query, run.parameters, now) as EvaluationContext),
  }));
}

/**
 * SHOW STORAGE INFO of a Memgraph holding `graph`: its own vertex and edge counts, and the memory figures of a small
 * instance on an 8 GiB host without swap (the limit is Memgraph's default, 90 % of MemTotal).
 */
export function demoStorageFigures(graph: DemoGraph): StorageFigures {
  const GiB = 1024 ** 3;
  return {
    memoryResBytes: 0.75 * GiB,
    peakMemoryResBytes: 0.9 * GiB,
    diskUsageBytes: 0.2 * GiB,
    memoryTrackedBytes: 0.6 * GiB,
    memoryLimitBytes: 0.9 * 8 * GiB,
    vertexCount: graph.nodes.length,
    edgeCount: graph.relationships.length,
    graphMemoryTrackedBytes: 0.5 * GiB,
  };
}

/** Everything the exporter asks Memgraph: the catalogue's queries and both SHOW STORAGE INFO statements. */
export function exporterResponders(graph: DemoGraph, now: number = graph.nowMs): RecordsResponder[] {
  return [...catalogueResponders(graph, now), ...storageInfoResponders(() => demoStorageFigures(graph))];
}

/** Exporter options for a test: loopback, an ephemeral port, no credentials, quiet; `overrides` win. */
export function testExporterOptions(
  memgraphUrl: string,
  overrides: Partial<ExporterOptions> = {}
): ExporterOptions {
  return {
    memgraphUrl,
    user: '',
    password: '',
    host: '127.0.0.1',
    port: 0,
    intervalMs: 60_000,
    queryTimeoutMs: 10_000,
    maxBuildings: DEFAULTS.maxBuildings,
    log: () => undefined,
    ...overrides,
  };
}

/** Prometheus text format → { 'name{labels}': value } (labels as written, sorted by prom-client). */
export function parseExposition(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line && !line.startsWith('#')) {
      const cut = line.lastIndexOf(' ');
      samples.set(line.slice(0, cut), Number(line.slice(cut + 1)));
    }
  }
  return samples;
}

export async function scrape(url: string): Promise<Map<string, number>> {
  const response = await fetch(`${url}/metrics`);
  if (!response.ok) {
    throw new Error(`GET /metrics: ${response.status}`);
  }
  return parseExposition(await response.text());
}
