import neo4j from 'neo4j-driver';
import type { DemoGraph, DemoNode } from '../demo-graph/model';
import { APPROVAL_ACTIONS, notPlaceholder } from '../vocabulary';
import { countsPerCategory, countsPerCategoryCypher } from './categories';
import { CONFIDENCE_BANDS } from './elements';
import { orderBy } from './order';
import { ELEMENT_SCOPE, LOT_SCOPE, type ScopedLot, projectBuildings, prop, scopedElements, scopedLots } from './scope';
import { epochMsOf, inTimeRange } from './time';
import { catalogueEntry, type EvaluationContext, MAX_ROWS, type Row } from './types';

/*
 * Aggregates per project and building: what the business exporter turns into Prometheus series (labels project
 * and building only, so cardinality stays bounded) and what the business dashboard's per-building tables show.
 * Every row starts with the ids and names of its project and building.
 */

const BUILDING_COLUMNS = [
  { name: 'project_id', type: 'string' },
  { name: 'project', type: 'string' },
  { name: 'building_id', type: 'string' },
  { name: 'building', type: 'string' },
] as const;

const BUILDING_RETURN = 'p.id AS project_id, p.name AS project, b.id AS building_id, b.name AS building';

/** AI recognition counts as low confidence below this: the two lowest bands of `elements-by-confidence`. */
export const LOW_CONFIDENCE_BELOW = CONFIDENCE_BANDS[1].below;

interface BuildingKey {
  project: DemoNode;
  building: DemoNode;
}

/** Groups items by (project, building, extra key) in first-seen order; `order` sorts the groups afterwards. */
function groupByBuilding<T extends BuildingKey, K>(items: Iterable<T>, key: (item: T) => K) {
  const groups = new Map<string, { first: T; key: K; members: T[] }>();
  for (const item of items) {
    const k = key(item);
    const id = `${item.project.id}\u0000${item.building.id}\u0000${String(k)}`;
    const group = groups.get(id) ?? { first: item, key: k, members: [] };
    group.members.push(item);
    groups.set(id, group);
  }
  return [...groups.values()];
}

function buildingCells(item: BuildingKey): Row {
  return [item.project.id, prop(item.project, 'name'), item.building.id, prop(item.building, 'name')];
}

const byBuildingThen = <G extends { first: BuildingKey; key: unknown }>(groups: G[]) =>
  orderBy(
    groups,
    { by: (g) => g.first.project.id },
    { by: (g) => g.first.building.id },
    { by: (g) => g.key }
  ).slice(0, MAX_ROWS);

export const buildingsPerProject = catalogueEntry({
  id: 'buildings-per-project',
  title: { en: 'Buildings per project', zh: '各项目的单体' },
  description:
    'Every real building of the chosen projects with its project, in id order: the list the exporter labels ' +
    'its per-building series from (and caps).',
  cypher: [
    'MATCH (p:Project)-[:PHYSICALLY_CONTAINS]->(b:Building)',
    `WHERE p.id IN $project AND ${notPlaceholder('p')} AND ${notPlaceholder('b')}`,
    `RETURN ${BUILDING_RETURN}`,
    'ORDER BY project_id, building_id',
    `LIMIT ${MAX_ROWS}`,
  ].join('\n'),
  format: 'table',
  columns: BUILDING_COLUMNS,
  variables: ['project'],
  uses: ['exporter'],
  evaluate: (graph, context) =>
    orderBy(
      projectBuildings(graph, context.variables.project),
      { by: (r) => r.project.id },
      { by: (r) => r.building.id }
    )
      .slice(0, MAX_ROWS)
      .map(buildingCells),
});

export const lotsByStatusPerBuilding = catalogueEntry({
  id: 'lots-by-status-per-building',
  title: { en: 'Inspection lots by status per building', zh: '各单体检验批数量（按状态）' },
  description:
    'Inspection lots per project, building and status (statuses without lots have no row). The accepted share ' +
    'of a building (APPROVED + PUBLISHED ÷ all) is the acceptance progress of all its divisions together.',
  cypher: [
    LOT_SCOPE,
    `RETURN ${BUILDING_RETURN}, l.status AS status, count(l) AS lots`,
    'ORDER BY project_id, building_id, status',
    `LIMIT ${MAX_ROWS}`,
  ].join('\n'),
  format: 'table',
  columns: [...BUILDING_COLUMNS, { name: 'status', type: 'string' }, { name: 'lots', type: 'integer' }],
  variables: ['project', 'building'],
  uses: ['exporter'],
  evaluate: (graph, context) =>
    byBuildingThen(groupByBuilding(scopedLots(graph, context), ({ lot }) => prop(lot, 'status'))).map(
      (g): Row => [...buildingCells(g.first), g.key, neo4j.int(g.members.length)]
    ),
});

export const pendingApprovalsPerBuilding = catalogueEntry({
  id: 'pending-approvals-per-building',
  title: { en: 'Lots awaiting approval per building', zh: '各单体待审批检验批' },
  description:
    'SUBMITTED lots per project and building, when the oldest was submitted (its `updated_at`) and how many ' +
    'seconds it has waited; buildings with nothing waiting have no row. Lots whose `updated_at` cannot be read ' +
    'as a time count, but do not set the oldest.',
  cypher: [
    LOT_SCOPE,
    "  AND l.status = 'SUBMITTED'",
    'WITH p, b, count(l) AS lots, min($__epochMs(l.updated_at)) AS oldest_submitted_at',
    `RETURN ${BUILDING_RETURN}, lots, oldest_submitted_at,`,
    '       (timestamp() / 1000 - oldest_submitted_at) / 1000 AS oldest_age_seconds',
    'ORDER BY project_id, building_id',
    `LIMIT ${MAX_ROWS}`,
  ].join('\n'),
  format: 'table',
  columns: [
    ...BUILDING_COLUMNS,
    { name: 'lots', type: 'integer' },
    { name: 'oldest_submitted_at', type: 'time' },
    { name: 'oldest_age_seconds', type: 'integer' },
  ],
  variables: ['project', 'building'],
  uses: ['exporter', 'business'],
  evaluate: (graph, context) =>
    byBuildingThen(
      groupByBuilding(
        [...scopedLots(graph, context)].filter(({ lot }) => prop(lot, 'status') === 'SUBMITTED'),
        () => ''
      )
    ).map((g): Row => {
      const times = g.members
        .map(({ lot }) => epochMsOf(prop(lot, 'updated_at')))
        .filter((ms): ms is number => ms !== null);
      const oldest = times.length === 0 ? null : Math.min(...times);
      return [
        ...buildingCells(g.first),
        neo4j.int(g.members.length),
        oldest === null ? null : neo4j.int(oldest),
        oldest === null ? null : neo4j.int(Math.trunc((context.now - oldest) / 1000)),
      ];
    }),
});

export const elementsPerBuilding = catalogueEntry({
  id: 'elements-per-building',
  title: { en: 'Elements per building: status and recognition confidence', zh: '各单体构件：状态与识别置信度' },
  description:
    'Elements per project, building and status: all of them, those with an AI recognition confidence, and ' +
    `those recognised with a confidence below ${LOW_CONFIDENCE_BELOW} (the two lowest bands of the confidence ` +
    'distribution), which need a closer look before verification.',
  cypher: [
    ELEMENT_SCOPE,
    `RETURN ${BUILDING_RETURN}, e.status AS status, count(e) AS elements,`,
    `       count(e.confidence) AS ai_elements, count(CASE WHEN e.confidence < ${LOW_CONFIDENCE_BELOW} THEN 1 END) AS low_confidence`,
    'ORDER BY project_id, building_id, status',
    `LIMIT ${MAX_ROWS}`,
  ].join('\n'),
  format: 'table',
  columns: [
    ...BUILDING_COLUMNS,
    { name: 'status', type: 'string' },
    { name: 'elements', type: 'integer' },
    { name: 'ai_elements', type: 'integer' },
    { name: 'low_confidence', type: 'integer' },
  ],
  variables: ['project', 'building'],
  uses: ['exporter'],
  evaluate: (graph, context) =>
    byBuildingThen(groupByBuilding(scopedElements(graph, context), ({ element }) => prop(element, 'status'))).map(
      (g): Row => {
        const confidences = g.members
          .map(({ element }) => prop(element, 'confidence'))
          .filter((c): c is number => typeof c === 'number');
        return [
          ...buildingCells(g.first),
          g.key,
          neo4j.int(g.members.length),
          neo4j.int(confidences.length),
          neo4j.int(confidences.filter((c) => c < LOW_CONFIDENCE_BELOW).length),
        ];
      }
    ),
});

/** LOT_SCOPE walked on to each lot's approval history, bound as h (no time filter). */
const ALL_HISTORY_SCOPE = LOT_SCOPE.replace(
  '(l:InspectionLot)',
  '(l:InspectionLot)-[:HAS_APPROVAL_HISTORY]->(h:ApprovalHistory)'
);

/** The reference twin of ALL_HISTORY_SCOPE. */
function* scopedHistory(graph: DemoGraph, context: EvaluationContext): Generator<ScopedLot & { history: DemoNode }> {
  for (const scoped of scopedLots(graph, context)) {
    for (const history of graph.targets(scoped.lot.id, 'HAS_APPROVAL_HISTORY', 'ApprovalHistory')) {
      yield { ...scoped, history };
    }
  }
}

export const approvalActivityPerBuilding = catalogueEntry({
  id: 'approval-activity-per-building',
  title: { en: 'Approvals and rejections per building', zh: '各单体审批通过与驳回' },
  description:
    'Per project, building and action (APPROVE, REJECT): events inside the time range, and when the last one ' +
    'ever happened (epoch ms). Buildings without any history have no row.',
  cypher: [
    ALL_HISTORY_SCOPE,
    `RETURN ${BUILDING_RETURN}, h.action AS action,`,
    '       count(CASE WHEN $__timeFilter(h.created_at) THEN 1 END) AS events, max($__epochMs(h.created_at)) AS last_at',
    'ORDER BY project_id, building_id, action',
    `LIMIT ${MAX_ROWS}`,
  ].join('\n'),
  format: 'table',
  columns: [
    ...BUILDING_COLUMNS,
    { name: 'action', type: 'string' },
    { name: 'events', type: 'integer' },
    { name: 'last_at', type: 'time' },
  ],
  variables: ['project', 'building'],
  uses: ['exporter'],
  evaluate: (graph, context) =>
    byBuildingThen(groupByBuilding(scopedHistory(graph, context), ({ history }) => prop(history, 'action'))).map(
      (g): Row => {
        const created = g.members.map(({ history }) => prop(history, 'created_at'));
        const times = created.map(epochMsOf).filter((ms): ms is number => ms !== null);
        return [
          ...buildingCells(g.first),
          g.key,
          neo4j.int(created.filter((value) => inTimeRange(value, context.from, context.to)).length),
          times.length === 0 ? null : neo4j.int(Math.max(...times)),
        ];
      }
    ),
});

export const approvalTotals = catalogueEntry({
  id: 'approval-totals',
  title: { en: 'Approvals and rejections ever recorded', zh: '审批通过与驳回总数' },
  description:
    'Every ApprovalHistory event of the chosen projects and buildings per action, whatever its time: only ' +
    'approve and reject are recorded by OpenTruss, and history is never deleted, so the counts only grow.',
  cypher: [
    ALL_HISTORY_SCOPE,
    'WITH h.action AS action, count(h) AS n',
    countsPerCategoryCypher('action', APPROVAL_ACTIONS, 'events'),
  ].join('\n'),
  format: 'table',
  columns: [
    { name: 'action', type: 'string' },
    { name: 'events', type: 'integer' },
  ],
  variables: ['project', 'building'],
  uses: ['exporter'],
  evaluate: (graph, context) =>
    countsPerCategory(
      APPROVAL_ACTIONS,
      [...scopedHistory(graph, context)].map(({ history }) => prop(history, 'action'))
    ),
});

export const distinctApproversInRange = catalogueEntry({
  id: 'distinct-approvers-in-range',
  title: {
    en: 'Distinct approvers in the time range (stand-in for active users)',
    zh: '时间范围内的审批人数（活跃用户的替代指标）',
  },
  description:
    'Distinct users who approved or rejected a lot inside the time range (ApprovalHistory.user_id): OpenTruss ' +
    'records no logins, so this is the honest stand-in for active users. One row, 0 when nobody acted.',
  cypher: [
    ALL_HISTORY_SCOPE,
    '  AND $__timeFilter(h.created_at)',
    'RETURN count(DISTINCT h.user_id) AS distinct_approvers',
  ].join('\n'),
  format: 'table',
  columns: [{ name: 'distinct_approvers', type: 'integer' }],
  variables: ['project', 'building'],
  uses: ['exporter'],
  evaluate: (graph, context) => {
    const users = [...scopedHistory(graph, context)]
      .filter(({ history }) => inTimeRange(prop(history, 'created_at'), context.from, context.to))
      .map(({ history }) => prop(history, 'user_id'))
      .filter((user) => user !== null);
    return [[neo4j.int(new Set(users).size)]];
  },
});
