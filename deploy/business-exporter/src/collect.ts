// One collection: the catalogue queries the exporter runs, in order, and the plain snapshot their rows become.
import {
  ACCEPTED_LOT_STATUSES,
  APPROVAL_ACTIONS,
  ELEMENT_STATUSES,
  LOT_STATUSES,
  MAX_ROWS,
  type ApprovalAction,
} from '@opentruss/opentruss-graph';
import neo4j from 'neo4j-driver';
import { catalogueStatement, type QueryScope, type Statement } from './memgraph';

/** Approvals, rejections and distinct approvers are counted over this window ending at the collection. */
export const ACTIVITY_WINDOW_MS = 24 * 3_600_000;

export interface BuildingFigures {
  project: string;
  building: string;
  /** The building's name as the dashboards' variable shows it: "project / building". */
  name: string;
  lotsByStatus: Record<string, number>;
  /** Accepted lots (APPROVED + PUBLISHED) ÷ all lots; 0 without lots, as the division progress query says. */
  acceptanceRatio: number;
  awaitingApproval: number;
  /** Seconds the oldest SUBMITTED lot has waited; null when none waits (or no submission time is readable). */
  oldestAwaitingAgeSeconds: number | null;
  elementsByStatus: Record<string, number>;
  aiElements: number;
  lowConfidenceElements: number;
  /** Events in the activity window, per action. */
  recentEvents: Record<ApprovalAction, number>;
  /** Epoch ms of the last approval ever; null when the building never had one. */
  lastApprovalMs: number | null;
}

export interface BusinessSnapshot {
  lotsByStatus: Record<string, number>;
  elementsByStatus: Record<string, number>;
  approvalTotals: Record<ApprovalAction, number>;
  distinctApprovers: number;
  buildings: BuildingFigures[];
  /** Real buildings without labelled series because of the cap. */
  buildingsOmitted: number;
  /** Whether the building list hit its 1,000-row limit (then more may exist than were counted). */
  buildingListTruncated: boolean;
}

/** Runs one statement and returns its rows as objects. */
export type Read = (statement: Statement) => Promise<Array<Record<string, unknown>>>;

const num = (value: unknown): number => {
  if (neo4j.isInt(value)) {
    return value.toNumber();
  }
  if (typeof value === 'number') {
    return value;
  }
  throw new Error(`expected a number from Memgraph, got ${value === null ? 'null' : typeof value}`);
};
const numOrNull = (value: unknown) => (value === null || value === undefined ? null : num(value));

/** Category counts with every category present (0 when it has no row). */
function counts(categories: readonly string[], rows: Array<Record<string, unknown>>, key: string, value: string) {
  const result = Object.fromEntries(categories.map((category) => [category, 0]));
  for (const row of rows) {
    const category = row[key];
    if (typeof category === 'string' && category in result) {
      result[category] += num(row[value]);
    }
  }
  return result;
}

/**
 * Collects every figure. Global figures (OpenTruss's own gauges) cover every real building; per-building figures
 * the first `maxBuildings` in id order (project, then building). Any failing query fails the
 * whole collection: a snapshot is all of one moment or nothing.
 */
export async function collectSnapshot(read: Read, options: { now: number; maxBuildings: number }): Promise<BusinessSnapshot> {
  const { now } = options;
  const allTime: QueryScope = { from: 0, to: now };
  const window: QueryScope = { from: now - ACTIVITY_WINDOW_MS, to: now };
  const ids = (rows: Array<Record<string, unknown>>) => rows.map((row) => String(row.__value));

  const projects = ids(await read(catalogueStatement('projects-variable', allTime)));
  const buildingRows = await read(catalogueStatement('buildings-per-project', { ...allTime, project: projects }));
  const buildingIds = (rows: Array<Record<string, unknown>>) => rows.map((row) => String(row.building_id));
  const all = { project: projects, building: buildingIds(buildingRows) };
  const kept = buildingRows.slice(0, options.maxBuildings);
  const capped = { project: projects, building: buildingIds(kept) };

  const lotsByStatus = await read(catalogueStatement('lots-by-status', { ...allTime, ...all }));
  const elementsByStatus = await read(catalogueStatement('elements-by-status', { ...allTime, ...all }));
  const approvalTotals = await read(catalogueStatement('approval-totals', { ...allTime, ...all }));
  const approvers = await read(catalogueStatement('distinct-approvers-in-range', { ...window, ...all }));
  const lots = await read(catalogueStatement('lots-by-status-per-building', { ...allTime, ...capped }));
  const pending = await read(catalogueStatement('pending-approvals-per-building', { ...allTime, ...capped }));
  const elements = await read(catalogueStatement('elements-per-building', { ...allTime, ...capped }));
  const activity = await read(catalogueStatement('approval-activity-per-building', { ...window, ...capped }));

  const rowsOf = (rows: Array<Record<string, unknown>>, building: string) =>
    rows.filter((row) => row.building_id === building);
  const buildings = kept.map((row): BuildingFigures => {
    const building = String(row.building_id);
    const ownLots = rowsOf(lots, building);
    const lotCounts = counts(LOT_STATUSES, ownLots, 'status', 'lots');
    const lotTotal = Object.values(lotCounts).reduce((a, b) => a + b, 0);
    const accepted = ACCEPTED_LOT_STATUSES.reduce((sum, status) => sum + lotCounts[status], 0);
    const [waiting] = rowsOf(pending, building);
    const ownElements = rowsOf(elements, building);
    const ownActivity = rowsOf(activity, building);
    const approvals = ownActivity.find((r) => r.action === 'APPROVE');
    return {
      project: String(row.project_id),
      building,
      name: `${String(row.project)} / ${String(row.building)}`,
      lotsByStatus: lotCounts,
      acceptanceRatio: lotTotal === 0 ? 0 : accepted / lotTotal,
      awaitingApproval: waiting ? num(waiting.lots) : 0,
      oldestAwaitingAgeSeconds: waiting ? numOrNull(waiting.oldest_age_seconds) : null,
      elementsByStatus: counts(ELEMENT_STATUSES, ownElements, 'status', 'elements'),
      aiElements: ownElements.reduce((sum, r) => sum + num(r.ai_elements), 0),
      lowConfidenceElements: ownElements.reduce((sum, r) => sum + num(r.low_confidence), 0),
      recentEvents: counts(APPROVAL_ACTIONS, ownActivity, 'action', 'events') as Record<ApprovalAction, number>,
      lastApprovalMs: approvals ? numOrNull(approvals.last_at) : null,
    };
  });

  return {
    lotsByStatus: counts(LOT_STATUSES, lotsByStatus, 'status', 'lots'),
    elementsByStatus: counts(ELEMENT_STATUSES, elementsByStatus, 'status', 'elements'),
    approvalTotals: counts(APPROVAL_ACTIONS, approvalTotals, 'action', 'events') as Record<ApprovalAction, number>,
    distinctApprovers: num(approvers[0]?.distinct_approvers ?? 0),
    buildings,
    buildingsOmitted: buildingRows.length - kept.length,
    buildingListTruncated: buildingRows.length >= MAX_ROWS,
  };
}
