import neo4j from 'neo4j-driver';

import { type CypherResult, ResultCollector } from '../model/cypherResult';

/** A CypherResult as runCypher returns it: rows of driver values, collected record by record as runCypher does. */
export function cypherResult(keys: string[], rows: unknown[][], truncated = false): CypherResult {
  const collector = new ResultCollector();
  collector.start(keys);
  rows.forEach((row) => collector.add(new neo4j.Record(keys, row)));
  return collector.finish(truncated);
}

const { Node, Relationship, Path, PathSegment } = neo4j.types;

export function node(id: number, labels: string[], properties: Record<string, unknown> = {}) {
  return new Node(neo4j.int(id), labels, properties, `n${id}`);
}

export function rel(id: number, start: number, end: number, type: string, properties: Record<string, unknown> = {}) {
  return new Relationship(
    neo4j.int(id),
    neo4j.int(start),
    neo4j.int(end),
    type,
    properties,
    `r${id}`,
    `n${start}`,
    `n${end}`
  );
}

/** A path through `nodes`, joined by `rels` (rels[i] between nodes[i] and nodes[i + 1]). */
export function path(nodes: Array<ReturnType<typeof node>>, rels: Array<ReturnType<typeof rel>>) {
  const segments = rels.map((r, i) => new PathSegment(nodes[i], r, nodes[i + 1]));
  return new Path(nodes[0], nodes[nodes.length - 1], segments);
}
