import neo4j from 'neo4j-driver';
import {
  type CypherStatement,
  type DemoGraph,
  LABELS,
  RECOMMENDED_INDEX_STATEMENTS,
  RELATIONSHIP_TYPES,
  generateDemoGraph,
  indexStatements,
  loadStatements,
} from '../src';
import { plain, smallGraph } from './helpers';

type Store = {
  nodes: Map<string, { label: string; props: Record<string, unknown> }>;
  relationships: Set<string>;
};

const NODE_STATEMENT = /^UNWIND \$rows AS row MERGE \(n:(\w+) \{id: row\.id\}\) SET n \+= row\.props$/;
const RELATIONSHIP_STATEMENT =
  /^UNWIND \$rows AS row MATCH \(a:(\w+) \{id: row\.start\}\) MATCH \(b:(\w+) \{id: row\.end\}\) MERGE \(a\)-\[:(\w+)\]->\(b\)$/;

/**
 * Applies the loader's statements with MERGE semantics to an in-memory store: a check that the statement shapes
 * and parameters carry the whole graph and that running them twice changes nothing. (The Cypher itself reaches a
 * real Memgraph only in the demo stack.)
 */
function apply(statements: CypherStatement[], store: Store): void {
  for (const { cypher, parameters } of statements) {
    const rows = parameters.rows as Array<Record<string, unknown>>;
    const node = NODE_STATEMENT.exec(cypher);
    const relationship = RELATIONSHIP_STATEMENT.exec(cypher);
    if (node) {
      for (const row of rows) {
        const existing = store.nodes.get(row.id as string);
        store.nodes.set(row.id as string, {
          label: node[1],
          props: { ...existing?.props, ...(row.props as object), id: row.id },
        });
      }
    } else if (relationship) {
      for (const row of rows) {
        const [start, end] = [store.nodes.get(row.start as string), store.nodes.get(row.end as string)];
        if (start?.label === relationship[1] && end?.label === relationship[2]) {
          store.relationships.add(`${row.start as string}-${relationship[3]}->${row.end as string}`);
        }
      }
    } else if (!cypher.startsWith('CREATE INDEX ON')) {
      throw new Error(`Unexpected statement ${cypher}`);
    }
  }
}

function snapshot(graph: DemoGraph): Store {
  return {
    nodes: new Map(graph.nodes.map((n) => [n.id, { label: n.label, props: n.properties }])),
    relationships: new Set(graph.relationships.map((r) => `${r.start}-${r.type}->${r.end}`)),
  };
}

describe('loader statements', () => {
  it("start with the ops manual's indexes, exactly as §5.1.1 writes them", () => {
    expect(RECOMMENDED_INDEX_STATEMENTS).toEqual([
      'CREATE INDEX ON :Element(id);',
      'CREATE INDEX ON :Element(level_id);',
      'CREATE INDEX ON :Element(inspection_lot_id);',
      'CREATE INDEX ON :InspectionLot(status);',
    ]);
    const statements = loadStatements(smallGraph());
    expect(statements.slice(0, 4).map((s) => s.cypher)).toEqual(RECOMMENDED_INDEX_STATEMENTS);
    // …then an id index for every other label the loader merges on, each once.
    const indexes = indexStatements().map((s) => s.cypher);
    expect(new Set(indexes).size).toBe(indexes.length);
    expect(indexes).toContain('CREATE INDEX ON :InspectionLot(id);');
    expect(indexes).toHaveLength(4 + Object.keys(LABELS).length - 1);
  });

  it('carry the whole graph as parameters, and loading twice changes nothing', () => {
    const graph = smallGraph();
    const statements = loadStatements(graph, { batchSize: 50 });
    const store: Store = { nodes: new Map(), relationships: new Set() };
    apply(statements, store);
    expect(plain([...store.nodes.entries()].sort())).toEqual(plain([...snapshot(graph).nodes.entries()].sort()));
    expect(store.relationships).toEqual(snapshot(graph).relationships);
    const before = plain([...store.nodes.entries()]);
    apply(statements, store);
    expect(plain([...store.nodes.entries()])).toEqual(before);
    expect(store.relationships.size).toBe(graph.relationships.length);
  });

  it('batch rows, splice no values into the text and use only the vocabulary', () => {
    const statements = loadStatements(smallGraph(), { batchSize: 50 });
    for (const { cypher, parameters } of statements.filter((s) => s.cypher.startsWith('UNWIND'))) {
      expect((parameters.rows as unknown[]).length).toBeGreaterThan(0);
      expect((parameters.rows as unknown[]).length).toBeLessThanOrEqual(50);
      expect(cypher).not.toMatch(/'|"|\d/);
      const names = [...cypher.matchAll(/:(\w+)/g)].map((match) => match[1]);
      for (const name of names) {
        expect([...Object.values(LABELS), ...Object.values(RELATIONSHIP_TYPES)]).toContain(name);
      }
    }
    expect(statements.filter((s) => s.cypher.includes('MERGE (n:Element')).length).toBe(8); // 400 / 50
    expect(() => loadStatements(smallGraph(), { batchSize: 0 })).toThrow(/batchSize must be a positive integer/);
  });

  it('send driver value classes: temporal values stay typed, strings stay strings', () => {
    const lots = loadStatements(smallGraph())
      .filter((s) => s.cypher.includes('(n:InspectionLot'))
      .flatMap((s) => s.parameters.rows as Array<{ props: Record<string, unknown> }>);
    expect(lots.some((row) => typeof row.props.created_at === 'string')).toBe(true);
    expect(lots.some((row) => neo4j.isLocalDateTime(row.props.created_at as object))).toBe(true);
    expect(lots.some((row) => neo4j.isDateTime(row.props.updated_at as object))).toBe(true);
    expect(lots.every((row) => !('id' in row.props))).toBe(true);
  });

  it('batch larger graphs by the default 1,000 rows', () => {
    const graph = generateDemoGraph({ size: { elements: 5_000, lots: 300 } });
    const statements = loadStatements(graph);
    const elementBatches = statements.filter((s) => s.cypher.includes('MERGE (n:Element'));
    expect(elementBatches).toHaveLength(5);
  });
});
