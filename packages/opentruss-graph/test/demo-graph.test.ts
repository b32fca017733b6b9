import neo4j from 'neo4j-driver';
import {
  CANONICAL_PATH,
  DEMO_GRAPH_PRESETS,
  type DemoNode,
  LOT_STATUSES,
  type LotStatus,
  PLACEHOLDER_IDS,
  PROPERTIES,
  RECORDED_LOT_TRANSITIONS,
  RELATIONSHIP_SHAPES,
  UNRECORDED_LOT_TRANSITIONS,
  countDemoGraphFor,
  epochMsOf,
  generateDemoGraph,
  isPlaceholderId,
  kindOfTimestamp,
  notPlaceholder,
} from '../src';
import { parentOf, plain, smallGraph } from './helpers';

describe('demo graph generator', () => {
  it('is deterministic: the same options give an identical graph', () => {
    const again = generateDemoGraph();
    expect(plain(again.nodes)).toEqual(plain(smallGraph().nodes));
    expect(again.relationships).toEqual(smallGraph().relationships);
  });

  it('changes with the seed and with now', () => {
    const otherSeed = generateDemoGraph({ seed: 7 });
    expect(plain(otherSeed.nodes)).not.toEqual(plain(smallGraph().nodes));
    const later = generateDemoGraph({ now: '2026-03-01T00:00:00Z' });
    expect(later.nowMs).toBe(Date.parse('2026-03-01T00:00:00Z'));
    expect(plain(later.withLabel('InspectionLot')[0].properties)).not.toEqual(
      plain(smallGraph().withLabel('InspectionLot')[0].properties)
    );
  });

  it('has the small preset sizes: a few hundred elements', () => {
    const graph = smallGraph();
    const real = (label: 'Project' | 'Building') => graph.withLabel(label).filter((n) => !isPlaceholderId(n.id)).length;
    expect(real('Project')).toBe(DEMO_GRAPH_PRESETS.small.projects);
    expect(real('Building')).toBe(DEMO_GRAPH_PRESETS.small.projects * DEMO_GRAPH_PRESETS.small.buildingsPerProject);
    expect(graph.withLabel('InspectionLot')).toHaveLength(60);
    expect(graph.withLabel('Element')).toHaveLength(400);
  });

  it('counts without materialising exactly what it generates', () => {
    const graph = smallGraph();
    const counts = countDemoGraphFor();
    for (const [label, count] of Object.entries(counts.nodes)) {
      expect([label, graph.withLabel(label as DemoNode['label']).length]).toEqual([label, count]);
    }
    for (const [type, count] of Object.entries(counts.relationships)) {
      expect([type, graph.relationships.filter((r) => r.type === type).length]).toEqual([type, count]);
    }
    for (const status of LOT_STATUSES) {
      const lots = graph.withLabel('InspectionLot').filter((lot) => lot.properties.status === status);
      expect([status, lots.length]).toEqual([status, counts.lotsByStatus[status]]);
    }
  });

  it('counts a custom size exactly as it generates it', () => {
    const options = { seed: 99, size: { projects: 3, lots: 150, elements: 2_500, levelsPerBuilding: 2 } };
    const graph = generateDemoGraph(options);
    const counts = countDemoGraphFor(options);
    expect(graph.withLabel('Element')).toHaveLength(2_500);
    expect(graph.withLabel('ApprovalHistory')).toHaveLength(counts.nodes.ApprovalHistory);
    expect(graph.relationships).toHaveLength(Object.values(counts.relationships).reduce((a, b) => a + b, 0));
  });

  it.each([
    ['capacity-now', 10, 100_000, 1_000],
    ['capacity-3-months', 15, 200_000, 2_000],
    ['capacity-6-months', 25, 400_000, 4_000],
  ] as const)(
    'sizes the %s preset as the ops manual §8.1 forecasts (count-only)',
    (preset, projects, elements, lots) => {
      const counts = countDemoGraphFor({ preset });
      expect(counts.nodes.Project - 1).toBe(projects); // minus default_project
      expect(counts.nodes.Element).toBe(elements);
      expect(counts.nodes.InspectionLot).toBe(lots);
      expect(Object.values(counts.lotsByStatus).reduce((a, b) => a + b, 0)).toBe(lots);
      expect(counts.relationships.LOCATED_AT).toBe(elements);
    }
  );

  it('creates the placeholder hierarchy OpenTruss creates at start, with the orphan unassigned_item', () => {
    const graph = smallGraph();
    for (const id of Object.values(PLACEHOLDER_IDS)) {
      expect(graph.hasNode(id)).toBe(true);
    }
    expect(graph.targets(PLACEHOLDER_IDS.project, 'PHYSICALLY_CONTAINS').map((n) => n.id)).toEqual([
      PLACEHOLDER_IDS.building,
    ]);
    expect(graph.targets(PLACEHOLDER_IDS.division, 'MANAGEMENT_CONTAINS').map((n) => n.id)).toEqual([
      PLACEHOLDER_IDS.subDivision,
    ]);
    expect(graph.incoming(PLACEHOLDER_IDS.item)).toEqual([]);
  });

  it('uses only the vocabulary: relationship shapes and property keys', () => {
    const graph = smallGraph();
    for (const relationship of graph.relationships) {
      const shape = {
        start: graph.node(relationship.start).label,
        type: relationship.type,
        end: graph.node(relationship.end).label,
      };
      expect(RELATIONSHIP_SHAPES).toContainEqual(shape);
    }
    for (const node of graph.nodes) {
      for (const key of Object.keys(node.properties)) {
        expect(PROPERTIES[node.label]).toContain(key);
      }
      expect(node.properties.id).toBe(node.id);
    }
  });

  it('reaches every lot and its elements from a real project along the canonical path', () => {
    const graph = smallGraph();
    for (const lot of graph.withLabel('InspectionLot')) {
      let node = lot;
      for (const step of [...CANONICAL_PATH.slice(0, -1)].reverse()) {
        node = parentOf(graph, node, step.type);
        expect(node.label).toBe(step.start);
      }
      expect(isPlaceholderId(node.id)).toBe(false);
    }
    const lotMembers = graph.relationships.filter(
      (r) => r.type === 'MANAGEMENT_CONTAINS' && graph.node(r.start).label === 'InspectionLot'
    );
    for (const membership of lotMembers) {
      expect(graph.node(membership.end).label).toBe('Element');
    }
  });

  it('keeps element lot ids and level ids consistent, except the documented classify_element quirk', () => {
    const graph = smallGraph();
    let quirks = 0;
    let unassigned = 0;
    for (const element of graph.withLabel('Element')) {
      const lots = graph.sources(element.id, 'MANAGEMENT_CONTAINS', 'InspectionLot');
      expect(lots.length).toBeLessThanOrEqual(1);
      const levels = graph.targets(element.id, 'LOCATED_AT', 'Level');
      expect(levels.map((level) => level.id)).toEqual([element.properties.level_id]);
      if (lots.length === 0) {
        unassigned++;
        expect(element.properties.inspection_lot_id).toBeUndefined();
        continue;
      }
      const lot = lots[0];
      // A lot groups one level: its spatial scope names the level of its elements.
      expect(String(lot.properties.spatial_scope)).toContain(`Level:${String(levels[0].properties.name)}`);
      if (element.properties.inspection_lot_id === undefined) {
        quirks++;
        expect(['PLANNING', 'IN_PROGRESS']).toContain(lot.properties.status);
      } else {
        expect(element.properties.inspection_lot_id).toBe(lot.id);
      }
    }
    expect(quirks).toBeGreaterThan(0);
    expect(unassigned).toBe(Math.round(400 * DEMO_GRAPH_PRESETS.small.unassignedElementShare));
  });

  it('gives every lot a status its approval history leads to', () => {
    const graph = smallGraph();
    const unrecorded = new Set(UNRECORDED_LOT_TRANSITIONS.map(([from, to]) => `${from}>${to}`));
    const byStatus = new Map<LotStatus, number>();
    for (const lot of graph.withLabel('InspectionLot')) {
      const history = graph
        .targets(lot.id, 'HAS_APPROVAL_HISTORY', 'ApprovalHistory')
        .map((h): Record<string, unknown> & { at: number } => ({
          ...h.properties,
          at: epochMsOf(h.properties.created_at)!,
        }))
        .sort((a, b) => a.at - b.at);
      const created = epochMsOf(lot.properties.created_at)!;
      let status: LotStatus = 'PLANNING';
      let previous = created;
      for (const event of history) {
        expect(event.lot_id).toBe(lot.id);
        expect(event.at).toBeGreaterThanOrEqual(previous);
        expect(event.at).toBeLessThanOrEqual(graph.nowMs);
        // Between recorded events the lot only moves through unrecorded (PATCH) transitions.
        expect(reachable(status, event.old_status as LotStatus, unrecorded)).toBe(true);
        expect(RECORDED_LOT_TRANSITIONS).toContainEqual({
          action: event.action,
          role: event.role,
          from: event.old_status,
          to: event.new_status,
        });
        status = event.new_status as LotStatus;
        previous = event.at;
      }
      expect(reachable(status, lot.properties.status as LotStatus, unrecorded)).toBe(true);
      const updated = epochMsOf(lot.properties.updated_at)!;
      expect(updated).toBeGreaterThanOrEqual(previous);
      expect(updated).toBeLessThanOrEqual(graph.nowMs);
      byStatus.set(lot.properties.status as LotStatus, (byStatus.get(lot.properties.status as LotStatus) ?? 0) + 1);
    }
    // Every status occurs, and approved lots always have an APPROVE.
    expect([...byStatus.keys()].sort()).toEqual([...LOT_STATUSES].sort());
    const rejections = graph.withLabel('ApprovalHistory').filter((h) => h.properties.action === 'REJECT');
    expect(rejections.length).toBeGreaterThan(0);
  });

  it('stores timestamps in all three real types, in the places OpenTruss does', () => {
    const graph = smallGraph();
    const kinds = (label: DemoNode['label'], key: string) =>
      new Set(graph.withLabel(label).map((node) => kindOfTimestamp(node.properties[key])));
    expect(kinds('InspectionLot', 'created_at')).toEqual(new Set(['iso', 'local']));
    expect(kinds('InspectionLot', 'updated_at')).toEqual(new Set(['iso', 'local', 'zoned']));
    expect(kinds('ApprovalHistory', 'created_at')).toEqual(new Set(['local']));
    expect(kinds('Element', 'created_at')).toEqual(new Set(['local']));
    expect(kinds('Element', 'updated_at')).toEqual(new Set(['local', 'zoned']));
    expect(kinds('User', 'created_at')).toEqual(new Set(['zoned']));
    // Most lots come from the rule engine (ISO strings), in Python's isoformat: 0 or 6 fractional digits.
    const iso = graph
      .withLabel('InspectionLot')
      .map((lot) => lot.properties.created_at)
      .filter((value): value is string => typeof value === 'string');
    expect(iso.length).toBeGreaterThan(30);
    for (const text of iso) {
      expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?$/);
    }
    expect(iso.some((text) => !text.includes('.'))).toBe(true);
    const zoned = graph
      .withLabel('Element')
      .map((e) => e.properties.updated_at)
      .find((v) => neo4j.isDateTime(v as object));
    expect(String(zoned)).toMatch(/\+08:00\[Asia\/Shanghai\]$/);
  });

  it('rejects bad options with clear errors', () => {
    expect(() => generateDemoGraph({ preset: 'huge' as never })).toThrow(/Unknown demo graph preset "huge"/);
    expect(() => generateDemoGraph({ now: 'yesterday' })).toThrow(/not a valid date/);
    expect(() => generateDemoGraph({ size: { lots: 500, elements: 100 } })).toThrow(/need at least one element each/);
    expect(() => generateDemoGraph({ size: { projects: 0 } })).toThrow(/at least 1/);
    expect(() => generateDemoGraph({ seed: 1.5 })).toThrow(/seed must be an integer/);
  });
});

function reachable(from: LotStatus, to: LotStatus, unrecorded: Set<string>): boolean {
  let status = from;
  for (let steps = 0; steps < LOT_STATUSES.length; steps++) {
    if (status === to) {
      return true;
    }
    const next = LOT_STATUSES.find((candidate) => unrecorded.has(`${status}>${candidate}`));
    if (!next) {
      return false;
    }
    status = next;
  }
  return status === to;
}

describe('vocabulary', () => {
  it('spells the canonical path from a project to its elements', () => {
    expect(CANONICAL_PATH.map((s) => `(${s.start})-[:${s.type}]->`).join('') + '(Element)').toBe(
      '(Project)-[:PHYSICALLY_CONTAINS]->(Building)-[:MANAGEMENT_CONTAINS]->(Division)-[:MANAGEMENT_CONTAINS]->' +
        '(SubDivision)-[:MANAGEMENT_CONTAINS]->(Item)-[:HAS_LOT]->(InspectionLot)-[:MANAGEMENT_CONTAINS]->(Element)'
    );
  });

  it('excludes placeholders with one Cypher condition', () => {
    expect(notPlaceholder('p')).toBe("NOT (p.id STARTS WITH 'default_' OR p.id STARTS WITH 'unassigned_')");
    expect(['default_project', 'unassigned_item', 'project_001'].map(isPlaceholderId)).toEqual([true, true, false]);
  });
});
