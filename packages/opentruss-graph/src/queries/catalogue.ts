import { approvalEvents, approvalsPerDay, distinctApproversPerDay } from './approvals';
import { capacityCounts, elementsCreatedOverTime, lotsCreatedOverTime } from './capacity';
import { elementsByConfidence, elementsByStatus } from './elements';
import { lotElementGraph } from './lot-graph';
import {
  divisionAcceptanceProgress,
  lotsByStatus,
  lotsByStatusOverTime,
  pendingApprovalsAgeBuckets,
  pendingApprovalsByAge,
} from './lots';
import {
  approvalActivityPerBuilding,
  approvalTotals,
  buildingsPerProject,
  distinctApproversInRange,
  elementsPerBuilding,
  lotsByStatusPerBuilding,
  pendingApprovalsPerBuilding,
} from './per-building';
import type { CatalogueQuery } from './types';
import { buildingsVariable, lotsVariable, projectsVariable } from './variables';

/**
 * Every OpenTruss business query, for the datasource's examples menu, the app's dashboards and the business exporter.
 * `as const` keeps each entry's literal id, so `CatalogueQueryId` is exactly the catalogue's ids.
 */
export const QUERY_CATALOGUE = [
  lotsByStatus,
  lotsByStatusOverTime,
  elementsByStatus,
  elementsByConfidence,
  divisionAcceptanceProgress,
  approvalsPerDay,
  distinctApproversPerDay,
  pendingApprovalsByAge,
  pendingApprovalsAgeBuckets,
  lotElementGraph,
  projectsVariable,
  buildingsVariable,
  lotsVariable,
  capacityCounts,
  elementsCreatedOverTime,
  lotsCreatedOverTime,
  approvalEvents,
  buildingsPerProject,
  lotsByStatusPerBuilding,
  pendingApprovalsPerBuilding,
  elementsPerBuilding,
  approvalActivityPerBuilding,
  approvalTotals,
  distinctApproversInRange,
] as const satisfies readonly CatalogueQuery[];

export type CatalogueQueryId = (typeof QUERY_CATALOGUE)[number]['id'];

/** The catalogue query with this id; the check remains for callers whose id is not typed (plain JavaScript). */
export function catalogueQuery(id: CatalogueQueryId): CatalogueQuery<CatalogueQueryId> {
  const query = QUERY_CATALOGUE.find((candidate) => candidate.id === id);
  if (!query) {
    throw new Error(`No catalogue query "${id}"; known: ${QUERY_CATALOGUE.map((q) => q.id).join(', ')}`);
  }
  return query;
}

/**
 * The dashboard variables the catalogue's queries read, and the query that lists each one's values. Multi-value
 * with "All": the datasource sends them as lists, which `x.id IN $variable` expects.
 */
export const DASHBOARD_VARIABLES = [
  { name: 'project', queryId: projectsVariable.id, multi: true, includeAll: true },
  { name: 'building', queryId: buildingsVariable.id, multi: true, includeAll: true },
  { name: 'lot', queryId: lotsVariable.id, multi: false, includeAll: false },
] as const;
