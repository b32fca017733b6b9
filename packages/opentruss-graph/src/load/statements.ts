import type { DemoGraph, DemoNode, Properties } from '../demo-graph/model';
import { type Label, LABELS, RECOMMENDED_INDEXES, type RelationshipType, createIndexStatement } from '../vocabulary';

/** One statement for Memgraph with its Bolt parameters (neo4j-driver value classes, ready to send). */
export interface CypherStatement {
  cypher: string;
  parameters: Record<string, unknown>;
}

export interface LoadOptions {
  /** Rows per UNWIND batch (default 1000). */
  batchSize?: number;
}

/** Labels in the order nodes are written: parents before children, so logs read top-down. */
const LABEL_ORDER: readonly Label[] = [
  LABELS.user,
  LABELS.project,
  LABELS.building,
  LABELS.level,
  LABELS.division,
  LABELS.subDivision,
  LABELS.item,
  LABELS.inspectionLot,
  LABELS.element,
  LABELS.approvalHistory,
];

/**
 * Index statements the loader runs first: the ops manual's recommended indexes (§5.1.1), then `:Label(id)` for
 * every other label the loader MERGEs on, so batched MERGE/MATCH by id stays an index lookup (OpenTruss's
 * schema.py creates the same id indexes at start). Memgraph refuses index DDL inside explicit transactions:
 * run these in auto-commit (`session.run`).
 */
export function indexStatements(): CypherStatement[] {
  const indexes = [...RECOMMENDED_INDEXES];
  for (const label of LABEL_ORDER) {
    if (!indexes.some((index) => index.label === label && index.property === 'id')) {
      indexes.push({ label, property: 'id' });
    }
  }
  return indexes.map((index) => ({ cypher: createIndexStatement(index), parameters: {} }));
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    result.push(items.slice(start, start + size));
  }
  return result;
}

function withoutId(properties: Properties): Properties {
  const { id: _id, ...rest } = properties;
  return rest;
}

/** `UNWIND $rows AS row MERGE (n:Label {id: row.id}) SET n += row.props`, batched, for every label. */
export function nodeStatements(graph: DemoGraph, options: LoadOptions = {}): CypherStatement[] {
  const batchSize = checkedBatchSize(options);
  return LABEL_ORDER.flatMap((label) =>
    chunks(graph.withLabel(label), batchSize).map((batch) => ({
      cypher: `UNWIND $rows AS row MERGE (n:${label} {id: row.id}) SET n += row.props`,
      parameters: { rows: batch.map((node: DemoNode) => ({ id: node.id, props: withoutId(node.properties) })) },
    }))
  );
}

/**
 * `UNWIND $rows AS row MATCH (a:Start {id: row.start}) MATCH (b:End {id: row.end}) MERGE (a)-[:TYPE]->(b)`,
 * batched per (start label, type, end label), so running it twice creates nothing new.
 */
export function relationshipStatements(graph: DemoGraph, options: LoadOptions = {}): CypherStatement[] {
  const batchSize = checkedBatchSize(options);
  const groups = new Map<
    string,
    { start: Label; type: RelationshipType; end: Label; rows: Array<{ start: string; end: string }> }
  >();
  for (const relationship of graph.relationships) {
    const start = graph.node(relationship.start).label;
    const end = graph.node(relationship.end).label;
    const key = `${start}|${relationship.type}|${end}`;
    const group = groups.get(key) ?? { start, type: relationship.type, end, rows: [] };
    group.rows.push({ start: relationship.start, end: relationship.end });
    groups.set(key, group);
  }
  return [...groups.values()].flatMap((group) =>
    chunks(group.rows, batchSize).map((rows) => ({
      cypher:
        `UNWIND $rows AS row MATCH (a:${group.start} {id: row.start}) MATCH (b:${group.end} {id: row.end}) ` +
        `MERGE (a)-[:${group.type}]->(b)`,
      parameters: { rows },
    }))
  );
}

/** Everything the demo-data loader sends, in order: indexes, nodes, relationships. Idempotent. */
export function loadStatements(graph: DemoGraph, options: LoadOptions = {}): CypherStatement[] {
  return [...indexStatements(), ...nodeStatements(graph, options), ...relationshipStatements(graph, options)];
}

function checkedBatchSize(options: LoadOptions): number {
  const batchSize = options.batchSize ?? 1000;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error(`batchSize must be a positive integer, got ${String(options.batchSize)}`);
  }
  return batchSize;
}
