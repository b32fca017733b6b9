/** How big a demo graph is. Hierarchy fan-outs are per parent; lots and elements are totals spread over it. */
export interface DemoGraphSize {
  projects: number;
  buildingsPerProject: number;
  levelsPerBuilding: number;
  divisionsPerBuilding: number;
  subDivisionsPerDivision: number;
  itemsPerSubDivision: number;
  /** Inspection lots in real (non-placeholder) projects. */
  lots: number;
  /** Elements in total, lot members and unassigned ones. */
  elements: number;
  /** Share of elements not (yet) assigned to any lot. */
  unassignedElementShare: number;
  /** Approvers in addition to OpenTruss's default `approver` and `pm` users. */
  extraApprovers: number;
  /** How far back lot histories reach. */
  historyDays: number;
}

/**
 * `small` is the default (a few hundred elements; tests and the bundled fixture). The capacity presets are the
 * ops manual's §8.1 forecast: now, in 3 months, in 6 months.
 */
export const DEMO_GRAPH_PRESETS = {
  small: {
    projects: 2,
    buildingsPerProject: 2,
    levelsPerBuilding: 4,
    divisionsPerBuilding: 3,
    subDivisionsPerDivision: 2,
    itemsPerSubDivision: 2,
    lots: 60,
    elements: 400,
    unassignedElementShare: 0.06,
    extraApprovers: 2,
    historyDays: 180,
  },
  'capacity-now': {
    projects: 10,
    buildingsPerProject: 2,
    levelsPerBuilding: 12,
    divisionsPerBuilding: 5,
    subDivisionsPerDivision: 2,
    itemsPerSubDivision: 2,
    lots: 1_000,
    elements: 100_000,
    unassignedElementShare: 0.05,
    extraApprovers: 6,
    historyDays: 180,
  },
  'capacity-3-months': {
    projects: 15,
    buildingsPerProject: 2,
    levelsPerBuilding: 12,
    divisionsPerBuilding: 5,
    subDivisionsPerDivision: 2,
    itemsPerSubDivision: 2,
    lots: 2_000,
    elements: 200_000,
    unassignedElementShare: 0.05,
    extraApprovers: 8,
    historyDays: 180,
  },
  'capacity-6-months': {
    projects: 25,
    buildingsPerProject: 2,
    levelsPerBuilding: 12,
    divisionsPerBuilding: 5,
    subDivisionsPerDivision: 2,
    itemsPerSubDivision: 2,
    lots: 4_000,
    elements: 400_000,
    unassignedElementShare: 0.05,
    extraApprovers: 8,
    historyDays: 180,
  },
} as const satisfies Record<string, DemoGraphSize>;

export type DemoGraphPreset = keyof typeof DEMO_GRAPH_PRESETS;

/** A fixed "now", so default output is reproducible. */
export const DEFAULT_DEMO_NOW = '2025-12-30T08:00:00.000Z';
export const DEFAULT_DEMO_SEED = 20251230;

export function validateSize(size: DemoGraphSize): DemoGraphSize {
  const counts: Array<keyof DemoGraphSize> = [
    'projects',
    'buildingsPerProject',
    'levelsPerBuilding',
    'divisionsPerBuilding',
    'subDivisionsPerDivision',
    'itemsPerSubDivision',
    'lots',
    'elements',
    'extraApprovers',
    'historyDays',
  ];
  for (const key of counts) {
    if (!Number.isInteger(size[key]) || size[key] < 0) {
      throw new Error(`Demo graph size: ${key} must be a non-negative integer, got ${String(size[key])}`);
    }
  }
  if (size.projects < 1 || size.buildingsPerProject < 1 || size.levelsPerBuilding < 1) {
    throw new Error('Demo graph size: projects, buildingsPerProject and levelsPerBuilding must be at least 1');
  }
  if (
    size.lots > 0 &&
    (size.divisionsPerBuilding < 1 || size.subDivisionsPerDivision < 1 || size.itemsPerSubDivision < 1)
  ) {
    throw new Error('Demo graph size: lots need at least one division, sub-division and item per parent');
  }
  if (size.unassignedElementShare < 0 || size.unassignedElementShare > 1) {
    throw new Error(`Demo graph size: unassignedElementShare must be within 0..1, got ${size.unassignedElementShare}`);
  }
  const assigned = size.elements - Math.round(size.elements * size.unassignedElementShare);
  if (assigned < size.lots) {
    throw new Error(
      `Demo graph size: ${size.lots} lots need at least one element each, but only ${assigned} elements are assigned`
    );
  }
  if (size.historyDays < 14) {
    throw new Error(`Demo graph size: historyDays must be at least 14, got ${size.historyDays}`);
  }
  return size;
}
