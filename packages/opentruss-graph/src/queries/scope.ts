import type { DemoGraph, DemoNode } from '../demo-graph/model';
import { isPlaceholderId, notPlaceholder } from '../vocabulary';
import type { EvaluationContext } from './types';

/*
 * The drill-down every business query shares: real (non-placeholder) projects and buildings chosen by the
 * multi-value dashboard variables $project and $building ("All" sends every id), walked along the canonical path.
 * Each fragment has its reference twin below, so the Cypher and the evaluators cannot drift apart unnoticed.
 */

/** The variables' filter, and the placeholder exclusion for each bound hierarchy variable. */
function scopeWhere(...hierarchyVariables: string[]): string[] {
  return [
    'WHERE p.id IN $project AND b.id IN $building',
    ...hierarchyVariables.map((variable) => `  AND ${notPlaceholder(variable)}`),
  ];
}

const DIVISION_PATTERN = 'MATCH (p:Project)-[:PHYSICALLY_CONTAINS]->(b:Building)-[:MANAGEMENT_CONTAINS]->(d:Division)';

/** Project → Building → Division → SubDivision → Item → InspectionLot, bound as p, b, d, l. */
export const LOT_SCOPE = [
  DIVISION_PATTERN,
  '      -[:MANAGEMENT_CONTAINS]->(:SubDivision)-[:MANAGEMENT_CONTAINS]->(:Item)-[:HAS_LOT]->(l:InspectionLot)',
  ...scopeWhere('p', 'b', 'd'),
].join('\n');

/** Project → Building → Division, bound as p, b, d. */
export const DIVISION_SCOPE = [DIVISION_PATTERN, ...scopeWhere('p', 'b', 'd')].join('\n');

/** Project → Building → Level ← Element (every element has a level; lots leave unassigned ones out), bound as p, b, e. */
export const ELEMENT_SCOPE = [
  'MATCH (p:Project)-[:PHYSICALLY_CONTAINS]->(b:Building)-[:PHYSICALLY_CONTAINS]->(:Level)<-[:LOCATED_AT]-(e:Element)',
  ...scopeWhere('p', 'b'),
].join('\n');

export interface ScopedDivision {
  project: DemoNode;
  building: DemoNode;
  division: DemoNode;
}

export interface ScopedLot extends ScopedDivision {
  lot: DemoNode;
}

export interface ScopedElement {
  project: DemoNode;
  building: DemoNode;
  element: DemoNode;
}

const chosen = (values: readonly string[], node: DemoNode) => values.includes(node.id) && !isPlaceholderId(node.id);

/** Real projects and buildings chosen by $project and $building: the part every scope shares. */
function* scopedBuildings(
  graph: DemoGraph,
  context: EvaluationContext
): Generator<{ project: DemoNode; building: DemoNode }> {
  for (const project of graph.withLabel('Project')) {
    if (chosen(context.variables.project, project)) {
      for (const building of graph.targets(project.id, 'PHYSICALLY_CONTAINS', 'Building')) {
        if (chosen(context.variables.building, building)) {
          yield { project, building };
        }
      }
    }
  }
}

/** The reference twin of DIVISION_SCOPE. */
export function* scopedDivisions(graph: DemoGraph, context: EvaluationContext): Generator<ScopedDivision> {
  for (const { project, building } of scopedBuildings(graph, context)) {
    for (const division of graph.targets(building.id, 'MANAGEMENT_CONTAINS', 'Division')) {
      if (!isPlaceholderId(division.id)) {
        yield { project, building, division };
      }
    }
  }
}

/** Lots of a division: Division → SubDivision → Item → InspectionLot. */
export function divisionLots(graph: DemoGraph, division: DemoNode): DemoNode[] {
  return graph
    .targets(division.id, 'MANAGEMENT_CONTAINS', 'SubDivision')
    .flatMap((subDivision) => graph.targets(subDivision.id, 'MANAGEMENT_CONTAINS', 'Item'))
    .flatMap((item) => graph.targets(item.id, 'HAS_LOT', 'InspectionLot'));
}

/** The reference twin of LOT_SCOPE. */
export function* scopedLots(graph: DemoGraph, context: EvaluationContext): Generator<ScopedLot> {
  for (const scoped of scopedDivisions(graph, context)) {
    for (const lot of divisionLots(graph, scoped.division)) {
      yield { ...scoped, lot };
    }
  }
}

/** The reference twin of ELEMENT_SCOPE. */
export function* scopedElements(graph: DemoGraph, context: EvaluationContext): Generator<ScopedElement> {
  for (const { project, building } of scopedBuildings(graph, context)) {
    for (const level of graph.targets(building.id, 'PHYSICALLY_CONTAINS', 'Level')) {
      for (const element of graph.sources(level.id, 'LOCATED_AT', 'Element')) {
        yield { project, building, element };
      }
    }
  }
}

/** Real buildings of the chosen real projects (only $project applies): what the building lists show. */
export function projectBuildings(
  graph: DemoGraph,
  projects: readonly string[]
): Array<{ project: DemoNode; building: DemoNode }> {
  return graph
    .withLabel('Project')
    .filter((project) => chosen(projects, project))
    .flatMap((project) =>
      graph
        .targets(project.id, 'PHYSICALLY_CONTAINS', 'Building')
        .filter((building) => !isPlaceholderId(building.id))
        .map((building) => ({ project, building }))
    );
}

/** A node property as Cypher reads it: a missing property is null. */
export function prop(node: DemoNode, key: string): unknown {
  return node.properties[key] ?? null;
}
