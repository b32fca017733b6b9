import type { Label, LotStatus, RelationshipType } from '../vocabulary';
import type { DemoGraphSize } from './presets';
import { Random } from './random';
import { type LotWorkflow, simulateLotWorkflow } from './lot-workflow';

/**
 * The shape of a demo graph without its elements: how many children every node gets, and every lot's workflow.
 * Cheap even for the capacity presets, so sizes can be counted without materialising 400K elements; the
 * generator walks exactly this plan.
 */
export interface DemoGraphPlan {
  size: DemoGraphSize;
  /** Epoch microseconds. */
  now: number;
  projects: ProjectPlan[];
  unassignedElements: number;
}

export interface ProjectPlan {
  index: number;
  buildings: BuildingPlan[];
}

export interface BuildingPlan {
  index: number;
  levels: number;
  divisions: Array<{ index: number; subDivisions: Array<{ index: number; items: ItemPlan[] }> }>;
}

export interface ItemPlan {
  index: number;
  lots: LotPlan[];
}

export interface LotPlan {
  workflow: LotWorkflow;
  /** Elements grouped by this lot (at least one). */
  elements: number;
  /** Rule-engine lots store ISO-string timestamps; the others (create_demo_data.py style) LocalDateTime. */
  createdByRuleEngine: boolean;
}

/** Share of lots created by the rule engine (`lot_strategy`), whose timestamps are ISO strings. */
const RULE_ENGINE_LOT_SHARE = 0.7;

export function planDemoGraph(size: DemoGraphSize, seed: number, now: number): DemoGraphPlan {
  const random = new Random(seed);
  const itemCount =
    size.projects *
    size.buildingsPerProject *
    size.divisionsPerBuilding *
    size.subDivisionsPerDivision *
    size.itemsPerSubDivision;
  const lotsPerItem = random.split(size.lots, itemCount);
  const unassignedElements = Math.round(size.elements * size.unassignedElementShare);
  // Every lot groups at least one element; the rest are spread unevenly.
  const extraElementsPerLot = random.split(size.elements - unassignedElements - size.lots, size.lots);

  let itemCursor = 0;
  let lotCursor = 0;
  const range = (count: number) => Array.from({ length: count }, (_, index) => index);
  const projects = range(size.projects).map((projectIndex) => ({
    index: projectIndex,
    buildings: range(size.buildingsPerProject).map((buildingIndex) => ({
      index: buildingIndex,
      levels: size.levelsPerBuilding,
      divisions: range(size.divisionsPerBuilding).map((divisionIndex) => ({
        index: divisionIndex,
        subDivisions: range(size.subDivisionsPerDivision).map((subDivisionIndex) => ({
          index: subDivisionIndex,
          items: range(size.itemsPerSubDivision).map((itemIndex) => ({
            index: itemIndex,
            lots: range(lotsPerItem[itemCursor++]).map(() => ({
              workflow: simulateLotWorkflow(random, now, size.historyDays),
              elements: 1 + extraElementsPerLot[lotCursor++],
              createdByRuleEngine: random.chance(RULE_ENGINE_LOT_SHARE),
            })),
          })),
        })),
      })),
    })),
  }));
  return { size, now, projects, unassignedElements };
}

/** Every lot of the plan, depth first (the order the generator creates them in). */
export function* planLots(plan: DemoGraphPlan): Generator<LotPlan> {
  for (const project of plan.projects) {
    for (const building of project.buildings) {
      for (const division of building.divisions) {
        for (const subDivision of division.subDivisions) {
          for (const item of subDivision.items) {
            yield* item.lots;
          }
        }
      }
    }
  }
}

export interface DemoGraphCounts {
  nodes: Record<Label, number>;
  relationships: Record<RelationshipType, number>;
  lotsByStatus: Record<LotStatus, number>;
}

/** The placeholder hierarchy OpenTruss creates at start: 5 nodes, 3 relationships (the item is an orphan). */
const PLACEHOLDER_NODES: Partial<Record<Label, number>> = {
  Project: 1,
  Building: 1,
  Division: 1,
  SubDivision: 1,
  Item: 1,
};

/** OpenTruss's default users (admin, editor, approver, pm). */
const DEFAULT_USER_COUNT = 4;

/** Node and relationship counts of the graph `generateDemoGraph` builds from this plan, without building it. */
export function countDemoGraph(plan: DemoGraphPlan): DemoGraphCounts {
  const { size } = plan;
  const buildings = size.projects * size.buildingsPerProject;
  const divisions = buildings * size.divisionsPerBuilding;
  const subDivisions = divisions * size.subDivisionsPerDivision;
  const items = subDivisions * size.itemsPerSubDivision;
  const levels = buildings * size.levelsPerBuilding;
  let lots = 0;
  let assignedElements = 0;
  let histories = 0;
  const lotsByStatus: Record<LotStatus, number> = {
    PLANNING: 0,
    IN_PROGRESS: 0,
    SUBMITTED: 0,
    APPROVED: 0,
    PUBLISHED: 0,
  };
  for (const lot of planLots(plan)) {
    lots++;
    assignedElements += lot.elements;
    histories += lot.workflow.transitions.filter((transition) => transition.recorded).length;
    lotsByStatus[lot.workflow.status]++;
  }
  const elements = assignedElements + plan.unassignedElements;
  const placeholder = (label: Label) => PLACEHOLDER_NODES[label] ?? 0;
  return {
    nodes: {
      Project: size.projects + placeholder('Project'),
      Building: buildings + placeholder('Building'),
      Division: divisions + placeholder('Division'),
      SubDivision: subDivisions + placeholder('SubDivision'),
      Item: items + placeholder('Item'),
      InspectionLot: lots,
      Element: elements,
      Level: levels,
      ApprovalHistory: histories,
      User: DEFAULT_USER_COUNT + size.extraApprovers,
    },
    relationships: {
      // Project→Building, Building→Level, plus default_project→default_building.
      PHYSICALLY_CONTAINS: buildings + levels + 1,
      // Building→Division, Division→SubDivision, SubDivision→Item, Lot→Element, plus two placeholder links.
      MANAGEMENT_CONTAINS: divisions + subDivisions + items + assignedElements + 2,
      HAS_LOT: lots,
      LOCATED_AT: elements,
      HAS_APPROVAL_HISTORY: histories,
    },
    lotsByStatus,
  };
}
