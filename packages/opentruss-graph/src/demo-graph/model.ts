import type { DateTime, Integer, LocalDateTime } from 'neo4j-driver';
import type { Label, RelationshipType } from '../vocabulary';
import type { DemoGraphSize } from './presets';

/** Property values as neo4j-driver represents them, so they can be sent as Bolt parameters and written as Jolt. */
export type PropertyValue =
  | null
  | boolean
  | number
  | string
  | Integer
  | LocalDateTime<number>
  | DateTime<number>
  | PropertyValue[]
  | { [key: string]: PropertyValue };

export type Properties = Record<string, PropertyValue>;

/** Properties as a writer hands them over: `undefined` means "left off the node" (OpenTruss's exclude_none). */
export type NodeProperties = Record<string, PropertyValue | undefined> & { id: string };

export interface DemoNode {
  /** Internal identity (what Memgraph would report as the node id), in creation order. */
  identity: number;
  label: Label;
  /** The OpenTruss `id` property (also in `properties`). */
  id: string;
  properties: Properties;
}

export interface DemoRelationship {
  identity: number;
  type: RelationshipType;
  /** OpenTruss ids of the end nodes. */
  start: string;
  end: string;
}

export interface DemoGraphMeta {
  seed: number;
  /** Epoch microseconds. */
  now: number;
  size: DemoGraphSize;
}

/** An in-memory OpenTruss graph with the lookups the reference evaluators need. */
export class DemoGraph {
  private readonly byId = new Map<string, DemoNode>();
  private readonly byLabel = new Map<Label, DemoNode[]>();
  private readonly outgoingByNode = new Map<string, DemoRelationship[]>();
  private readonly incomingByNode = new Map<string, DemoRelationship[]>();

  constructor(
    readonly nodes: readonly DemoNode[],
    readonly relationships: readonly DemoRelationship[],
    readonly meta: DemoGraphMeta
  ) {
    for (const node of nodes) {
      if (this.byId.has(node.id)) {
        throw new Error(`Duplicate node id ${node.id}`);
      }
      this.byId.set(node.id, node);
      const sameLabel = this.byLabel.get(node.label) ?? [];
      sameLabel.push(node);
      this.byLabel.set(node.label, sameLabel);
    }
    for (const relationship of relationships) {
      for (const [id, index] of [
        [relationship.start, this.outgoingByNode],
        [relationship.end, this.incomingByNode],
      ] as const) {
        if (!this.byId.has(id)) {
          throw new Error(`Relationship ${relationship.type} refers to a missing node ${id}`);
        }
        const list = index.get(id) ?? [];
        list.push(relationship);
        index.set(id, list);
      }
    }
  }

  /** Epoch milliseconds of the graph's "now". */
  get nowMs(): number {
    return Math.floor(this.meta.now / 1000);
  }

  node(id: string): DemoNode {
    const node = this.byId.get(id);
    if (!node) {
      throw new Error(`No node with id ${id}`);
    }
    return node;
  }

  hasNode(id: string): boolean {
    return this.byId.has(id);
  }

  withLabel(label: Label): readonly DemoNode[] {
    return this.byLabel.get(label) ?? [];
  }

  outgoing(id: string, type?: RelationshipType): DemoRelationship[] {
    const all = this.outgoingByNode.get(id) ?? [];
    return type ? all.filter((relationship) => relationship.type === type) : all;
  }

  incoming(id: string, type?: RelationshipType): DemoRelationship[] {
    const all = this.incomingByNode.get(id) ?? [];
    return type ? all.filter((relationship) => relationship.type === type) : all;
  }

  /** End nodes of `(node)-[:type]->(x:label)`. */
  targets(id: string, type: RelationshipType, label?: Label): DemoNode[] {
    return this.outgoing(id, type)
      .map((relationship) => this.node(relationship.end))
      .filter((node) => !label || node.label === label);
  }

  /** Start nodes of `(x:label)-[:type]->(node)`. */
  sources(id: string, type: RelationshipType, label?: Label): DemoNode[] {
    return this.incoming(id, type)
      .map((relationship) => this.node(relationship.start))
      .filter((node) => !label || node.label === label);
  }
}

/** Collects nodes and relationships with sequential identities. */
export class GraphBuilder {
  readonly nodes: DemoNode[] = [];
  readonly relationships: DemoRelationship[] = [];

  addNode(label: Label, properties: NodeProperties): DemoNode {
    // Properties set to None are left off the node in OpenTruss (exclude_none=True).
    const withoutAbsent = Object.fromEntries(
      Object.entries(properties).filter(([, value]) => value !== undefined)
    ) as Properties;
    const node: DemoNode = { identity: this.nodes.length, label, id: properties.id, properties: withoutAbsent };
    this.nodes.push(node);
    return node;
  }

  relate(start: DemoNode, type: RelationshipType, end: DemoNode): void {
    this.relationships.push({ identity: this.relationships.length, type, start: start.id, end: end.id });
  }

  build(meta: DemoGraphMeta): DemoGraph {
    return new DemoGraph(this.nodes, this.relationships, meta);
  }
}
