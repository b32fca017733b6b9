// The per-building aggregates (business exporter, per-building tables) agree with the dashboards' own queries:
// summed over buildings they give the global figures, building by building they give the divisions' progress.
import neo4j from 'neo4j-driver';
import {
  ACCEPTED_LOT_STATUSES,
  LOW_CONFIDENCE_BELOW,
  type CatalogueQuery,
  type CatalogueQueryId,
  type EvaluationContext,
  type Row,
  catalogueQuery,
  defaultEvaluationContext,
  epochMsOf,
} from '../src';
import { smallGraph } from './helpers';

const graph = smallGraph();
const context = defaultEvaluationContext(graph);
const num = (value: unknown) => (neo4j.isInt(value) ? value.toNumber() : (value as number));
const rowsOf = (id: CatalogueQueryId, overrides: Partial<EvaluationContext> = {}) => {
  const query: CatalogueQuery = catalogueQuery(id);
  const rows = query.evaluate(graph, { ...context, ...overrides });
  return rows.map((row: Row) => Object.fromEntries(query.columns.map((c, i) => [c.name, row[i]])));
};
const total = (rows: Array<Record<string, unknown>>, column: string) =>
  rows.reduce((sum, row) => sum + num(row[column]), 0);

describe('per-building aggregates', () => {
  it('lists the buildings of the chosen projects with their project, as the building variable does', () => {
    const list = rowsOf('buildings-per-project');
    const variable = rowsOf('buildings-variable');
    expect(list.map((r) => r.building_id).sort()).toEqual(variable.map((r) => r.__value).sort());
    expect(list.map((r) => `${String(r.project)} / ${String(r.building)}`).sort()).toEqual(
      variable.map((r) => r.__text).sort()
    );
    expect(rowsOf('buildings-per-project', { variables: { ...context.variables, project: ['project_002'] } })).toEqual(
      list.filter((r) => r.project_id === 'project_002')
    );
  });

  it('lots per building and status add up to the global lots by status', () => {
    const perBuilding = rowsOf('lots-by-status-per-building');
    for (const { status, lots } of rowsOf('lots-by-status')) {
      expect(total(perBuilding.filter((r) => r.status === status), 'lots')).toBe(num(lots));
    }
    expect(new Set(perBuilding.map((r) => r.building_id))).toEqual(new Set(context.variables.building));
    expect(perBuilding.every((r) => typeof r.project === 'string' && typeof r.building === 'string')).toBe(true);
  });

  it("a building's accepted share is the acceptance progress of its divisions together", () => {
    const perBuilding = rowsOf('lots-by-status-per-building');
    const divisions = rowsOf('division-acceptance-progress');
    for (const building of new Set(divisions.map((d) => d.building))) {
      const ofBuilding = divisions.filter((d) => d.building === building);
      const lots = perBuilding.filter((r) => r.building === building);
      expect(total(lots, 'lots')).toBe(total(ofBuilding, 'lots'));
      expect(total(lots.filter((r) => ACCEPTED_LOT_STATUSES.includes(r.status as never)), 'lots')).toBe(
        total(ofBuilding, 'accepted')
      );
    }
  });

  it('pending approvals per building: counts and the oldest wait match the per-lot list', () => {
    const perLot = rowsOf('pending-approvals-by-age');
    const perBuilding = rowsOf('pending-approvals-per-building');
    expect(total(perBuilding, 'lots')).toBe(perLot.length);
    // Building names repeat across projects (every project has a "1#楼"): compare per name.
    for (const name of new Set(perBuilding.map((row) => row.building))) {
      const rows = perBuilding.filter((row) => row.building === name);
      const lots = perLot.filter((lot) => lot.building === name);
      expect(total(rows, 'lots')).toBe(lots.length);
      const oldest = Math.min(...lots.map((lot) => num(lot.submitted_at)));
      expect(Math.min(...rows.map((row) => num(row.oldest_submitted_at)))).toBe(oldest);
      expect(Math.max(...rows.map((row) => num(row.oldest_age_seconds)))).toBe(Math.trunc((context.now - oldest) / 1000));
    }
  });

  it('elements per building add up to the global status and confidence figures', () => {
    const perBuilding = rowsOf('elements-per-building');
    for (const { status, elements } of rowsOf('elements-by-status')) {
      expect(total(perBuilding.filter((r) => r.status === status), 'elements')).toBe(num(elements));
    }
    const bands = rowsOf('elements-by-confidence');
    const band = (label: string) => num(bands.find((b) => b.band === label)!.elements);
    expect(LOW_CONFIDENCE_BELOW).toBe(0.8);
    expect(total(perBuilding, 'low_confidence')).toBe(band('0.00-0.50') + band('0.50-0.80'));
    expect(total(perBuilding, 'ai_elements')).toBe(total(perBuilding, 'elements') - band('unknown'));
  });

  it('approval activity per building: events in range, the last event ever, and totals per action', () => {
    const day = { from: context.now - 86_400_000, to: context.now };
    const histories = graph.withLabel('ApprovalHistory');
    const inDay = histories.filter((h) => {
      const ms = epochMsOf(h.properties.created_at)!;
      return ms >= day.from && ms <= day.to;
    });
    const activity = rowsOf('approval-activity-per-building', day);
    expect(total(activity, 'events')).toBe(inDay.length);
    expect(total(rowsOf('approval-activity-per-building'), 'events')).toBe(
      total(rowsOf('approvals-per-day'), 'events')
    );
    const last = Math.max(...histories.map((h) => epochMsOf(h.properties.created_at)!));
    expect(Math.max(...activity.map((r) => num(r.last_at)))).toBe(last);
    // The time range changes the counts, never the last event.
    expect(rowsOf('approval-activity-per-building').map((r) => num(r.last_at))).toEqual(
      activity.map((r) => num(r.last_at))
    );
    const totals = rowsOf('approval-totals', { from: 0, to: 0 });
    expect(totals.map((r) => r.action)).toEqual(['APPROVE', 'REJECT']);
    expect(total(totals, 'events')).toBe(histories.length);
  });

  it('distinct approvers in range: one row, the users who acted', () => {
    const rows = rowsOf('distinct-approvers-in-range');
    expect(rows).toHaveLength(1);
    expect(num(rows[0].distinct_approvers)).toBeGreaterThan(1);
    expect(rowsOf('distinct-approvers-in-range', { from: 0, to: 1 })).toEqual([{ distinct_approvers: neo4j.int(0) }]);
  });
});
