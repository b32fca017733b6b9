import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import type { DemoGraph, DemoNode, DemoRelationship } from '../demo-graph/model';
import { orderBy } from './order';
import { catalogueEntry, MAX_ROWS, type Row } from './types';

/** A demo node as neo4j-driver decodes it from Memgraph (element id = the integer id as text). */
export function driverNode(node: DemoNode): Node {
  return new neo4j.types.Node(neo4j.int(node.identity), [node.label], node.properties, String(node.identity));
}

export function driverRelationship(graph: DemoGraph, relationship: DemoRelationship): Relationship {
  const start = graph.node(relationship.start).identity;
  const end = graph.node(relationship.end).identity;
  return new neo4j.types.Relationship(
    neo4j.int(relationship.identity),
    neo4j.int(start),
    neo4j.int(end),
    relationship.type,
    {},
    String(relationship.identity),
    String(start),
    String(end)
  );
}

export const lotElementGraph = catalogueEntry({
  id: 'lot-element-graph',
  title: { en: "A lot's element graph", zh: '检验批构件关系图' },
  description:
    'The inspection lot chosen in $lot, its elements and the levels they are located at, as paths for the node ' +
    'graph panel.',
  cypher: [
    'MATCH path = (l:InspectionLot)-[:MANAGEMENT_CONTAINS]->(e:Element)-[:LOCATED_AT]->(:Level)',
    'WHERE l.id = $lot',
    'WITH path, e',
    'ORDER BY e.id',
    `LIMIT ${MAX_ROWS}`,
    'RETURN path',
  ].join('\n'),
  format: 'node_graph',
  columns: [{ name: 'path', type: 'path' }],
  variables: ['lot'],
  uses: ['example'],
  evaluate: (graph, context) => {
    if (!graph.hasNode(context.variables.lot)) {
      return [];
    }
    const lot = graph.node(context.variables.lot);
    const contains = graph.outgoing(lot.id, 'MANAGEMENT_CONTAINS').filter((r) => graph.node(r.end).label === 'Element');
    const paths = contains.flatMap((toElement) => {
      const element = graph.node(toElement.end);
      return graph
        .outgoing(element.id, 'LOCATED_AT')
        .filter((toLevel) => graph.node(toLevel.end).label === 'Level')
        .map((toLevel) => ({ element, toElement, toLevel }));
    });
    return orderBy(paths, { by: (p) => p.element.id })
      .slice(0, MAX_ROWS)
      .map(({ element, toElement, toLevel }): Row => {
        const [lotNode, elementNode, levelNode] = [lot, element, graph.node(toLevel.end)].map(driverNode);
        const segments = [
          new neo4j.types.PathSegment(lotNode, driverRelationship(graph, toElement), elementNode),
          new neo4j.types.PathSegment(elementNode, driverRelationship(graph, toLevel), levelNode),
        ];
        return [new neo4j.types.Path(lotNode, levelNode, segments)];
      });
  },
});
