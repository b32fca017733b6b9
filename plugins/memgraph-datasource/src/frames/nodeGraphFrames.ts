import { createDataFrame, type DataFrame, FieldType, NodeGraphDataFrameFieldNames as F } from '@grafana/data';
import { t } from '@grafana/i18n';
import type { Node, Path, Relationship } from 'neo4j-driver';

import { MemgraphError } from '../model/memgraphError';
import { kindOf } from '../model/valueKinds';
import { toText } from './values';

interface GraphNode {
  id: string;
  labels: string[];
  properties: Record<string, unknown>;
  /** Only seen as the end of a relationship, not returned itself. */
  stub: boolean;
}

interface GraphEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

/** Nodes and relationships found anywhere in a result: top-level values, inside paths, lists and maps. */
class GraphCollector {
  readonly nodes = new Map<string, GraphNode>();
  readonly edges = new Map<string, GraphEdge>();

  add(value: unknown): void {
    switch (kindOf(value)) {
      case 'node':
        this.addNode(value as Node);
        break;
      case 'relationship':
        this.addRelationship(value as Relationship);
        break;
      case 'path': {
        const path = value as Path;
        this.addNode(path.start);
        for (const segment of path.segments) {
          this.addNode(segment.end);
          // Inside a path the relationship keeps its real direction, whichever way the path walks it.
          this.addRelationship(segment.relationship);
        }
        break;
      }
      case 'list':
        (value as unknown[]).forEach((item) => this.add(item));
        break;
      case 'map':
        Object.values(value as object).forEach((item) => this.add(item));
        break;
    }
  }

  get isEmpty(): boolean {
    return this.nodes.size === 0 && this.edges.size === 0;
  }

  private addNode(node: Node): void {
    const existing = this.nodes.get(node.elementId);
    // Duplicates merge: labels and properties from every occurrence.
    this.nodes.set(node.elementId, {
      id: node.elementId,
      labels: [...new Set([...(existing?.labels ?? []), ...node.labels])],
      properties: { ...existing?.properties, ...node.properties },
      stub: false,
    });
  }

  private addRelationship(rel: Relationship): void {
    this.edges.set(rel.elementId, {
      id: rel.elementId,
      type: rel.type,
      source: rel.startNodeElementId,
      target: rel.endNodeElementId,
      properties: { ...this.edges.get(rel.elementId)?.properties, ...rel.properties },
    });
    for (const end of [rel.startNodeElementId, rel.endNodeElementId]) {
      if (!this.nodes.has(end)) {
        this.nodes.set(end, { id: end, labels: [], properties: {}, stub: true });
      }
    }
  }
}

const TITLE_PROPERTIES = ['name', 'title', 'id'];

function title(node: GraphNode): string {
  for (const key of TITLE_PROPERTIES) {
    const text = toText(node.properties[key]);
    if (text) {
      return text;
    }
  }
  return node.id;
}

function detailFields<T extends { properties: Record<string, unknown> }>(items: T[]) {
  const keys = [...new Set(items.flatMap((item) => Object.keys(item.properties)))].sort();
  return keys.map((key) => ({
    name: `${F.detail}${key}`,
    type: FieldType.string,
    values: items.map((item) => toText(item.properties[key])),
    config: { displayName: key },
  }));
}

const NODE_GRAPH_META = { preferredVisualisationType: 'nodeGraph' as const };

/**
 * Nodes and relationships from any column → Grafana's `nodes` and `edges` frames. Relationships whose end nodes
 * were not returned still show, against a node marked "not in the result".
 */
export function nodeGraphFrames(values: Iterable<unknown>): DataFrame[] {
  const graph = new GraphCollector();
  for (const value of values) {
    graph.add(value);
  }
  if (graph.isEmpty) {
    throw new MemgraphError(
      'query',
      t(
        'frames.node-graph.empty',
        'The node graph format needs nodes, relationships or paths in the result, e.g. ' +
          'MATCH p = (l:InspectionLot)-[:MANAGEMENT_CONTAINS]->(e:Element) RETURN p LIMIT 100.'
      )
    );
  }
  const nodes = [...graph.nodes.values()];
  const edges = [...graph.edges.values()];
  const nodesFrame = createDataFrame({
    name: 'nodes',
    meta: NODE_GRAPH_META,
    fields: [
      { name: F.id, type: FieldType.string, values: nodes.map((n) => n.id) },
      { name: F.title, type: FieldType.string, values: nodes.map(title) },
      {
        name: F.subTitle,
        type: FieldType.string,
        values: nodes.map((n) => (n.stub ? '(not in the result)' : n.labels.join(', '))),
      },
      {
        name: F.mainStat,
        type: FieldType.string,
        values: nodes.map((n) => toText(n.properties.status) ?? ''),
        config: { displayName: 'status' },
      },
      {
        name: `${F.detail}labels`,
        type: FieldType.string,
        values: nodes.map((n) => n.labels.join(', ')),
        config: { displayName: 'labels' },
      },
      ...detailFields(nodes),
    ],
  });
  const edgesFrame = createDataFrame({
    name: 'edges',
    meta: NODE_GRAPH_META,
    fields: [
      { name: F.id, type: FieldType.string, values: edges.map((e) => e.id) },
      { name: F.source, type: FieldType.string, values: edges.map((e) => e.source) },
      { name: F.target, type: FieldType.string, values: edges.map((e) => e.target) },
      { name: F.mainStat, type: FieldType.string, values: edges.map((e) => e.type), config: { displayName: 'type' } },
      ...detailFields(edges),
    ],
  });
  return [nodesFrame, edgesFrame];
}
