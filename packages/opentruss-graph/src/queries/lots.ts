import neo4j from 'neo4j-driver';
import { ACCEPTED_LOT_STATUSES, LOT_STATUSES } from '../vocabulary';
import { countsPerCategory, countsPerCategoryCypher } from './categories';
import { orderBy } from './order';
import { DIVISION_SCOPE, LOT_SCOPE, divisionLots, prop, scopedDivisions, scopedLots } from './scope';
import { epochMsOf, inTimeRange, timeBucket } from './time';
import { catalogueEntry, MAX_ROWS, type Row } from './types';

const ACCEPTED_LIST = ACCEPTED_LOT_STATUSES.map((status) => `'${status}'`).join(', ');

export const lotsByStatus = catalogueEntry({
  id: 'lots-by-status',
  title: { en: 'Inspection lots by status', zh: '检验批数量（按状态）' },
  description:
    'Inspection lots of the chosen projects and buildings per status, in workflow order (PLANNING → PUBLISHED); ' +
    'every status is listed, with 0 when empty. Placeholder projects are left out.',
  cypher: [
    LOT_SCOPE,
    'WITH l.status AS status, count(l) AS n',
    countsPerCategoryCypher('status', LOT_STATUSES, 'lots'),
  ].join('\n'),
  format: 'table',
  columns: [
    { name: 'status', type: 'string' },
    { name: 'lots', type: 'integer' },
  ],
  variables: ['project', 'building'],
  uses: ['example', 'business', 'wall'],
  evaluate: (graph, context) =>
    countsPerCategory(
      LOT_STATUSES,
      [...scopedLots(graph, context)].map(({ lot }) => prop(lot, 'status'))
    ),
});

export const lotsByStatusOverTime = catalogueEntry({
  id: 'lots-by-status-over-time',
  title: { en: 'Inspection lots by status over time', zh: '检验批状态变化趋势' },
  description:
    'Lots per status, bucketed by their last status change (`updated_at`, which every transition overwrites; ' +
    'OpenTruss keeps no history of PATCH transitions, so earlier statuses cannot be reconstructed). ' +
    '`updated_at` holds ISO strings, LocalDateTime and zoned DateTime: the macros normalise all three.',
  cypher: [
    LOT_SCOPE,
    '  AND $__timeFilter(l.updated_at)',
    'RETURN $__timeGroup(l.updated_at, $__interval) AS time, l.status AS status, count(l) AS lots',
    'ORDER BY time, status',
    `LIMIT ${MAX_ROWS}`,
  ].join('\n'),
  format: 'time_series',
  legend: '{{status}}',
  columns: [
    { name: 'time', type: 'time' },
    { name: 'status', type: 'string' },
    { name: 'lots', type: 'integer' },
  ],
  variables: ['project', 'building'],
  uses: ['business'],
  evaluate: (graph, context) => {
    const groups = new Map<string, { time: number | null; status: unknown; lots: number }>();
    for (const { lot } of scopedLots(graph, context)) {
      if (!inTimeRange(prop(lot, 'updated_at'), context.from, context.to)) {
        continue;
      }
      const time = timeBucket(prop(lot, 'updated_at'), context.intervalMs);
      const status = prop(lot, 'status');
      const key = `${time}|${String(status)}`;
      const group = groups.get(key) ?? { time, status, lots: 0 };
      group.lots++;
      groups.set(key, group);
    }
    return orderBy([...groups.values()], { by: (g) => g.time }, { by: (g) => g.status })
      .slice(0, MAX_ROWS)
      .map((g): Row => [g.time === null ? null : neo4j.int(g.time), g.status, neo4j.int(g.lots)]);
  },
});

export const divisionAcceptanceProgress = catalogueEntry({
  id: 'division-acceptance-progress',
  title: { en: 'Division acceptance progress', zh: '各分部验收进度' },
  description:
    'Per division (分部): all inspection lots, accepted lots (APPROVED or PUBLISHED) and progress = accepted ÷ all ' +
    '(0 for a division without lots). OpenTruss has no API for this; it is the PM view USER_MANUAL §5.1 describes.',
  cypher: [
    DIVISION_SCOPE,
    'OPTIONAL MATCH (d)-[:MANAGEMENT_CONTAINS]->(:SubDivision)-[:MANAGEMENT_CONTAINS]->(:Item)-[:HAS_LOT]->(l:InspectionLot)',
    `WITH p, b, d, count(l) AS lots, count(CASE WHEN l.status IN [${ACCEPTED_LIST}] THEN 1 END) AS accepted`,
    'RETURN p.name AS project, b.name AS building, d.name AS division, d.id AS division_id, lots, accepted,',
    '       CASE WHEN lots = 0 THEN 0.0 ELSE toFloat(accepted) / lots END AS progress',
    'ORDER BY project, building, division, division_id',
    `LIMIT ${MAX_ROWS}`,
  ].join('\n'),
  format: 'table',
  columns: [
    { name: 'project', type: 'string' },
    { name: 'building', type: 'string' },
    { name: 'division', type: 'string' },
    { name: 'division_id', type: 'string' },
    { name: 'lots', type: 'integer' },
    { name: 'accepted', type: 'integer' },
    { name: 'progress', type: 'float' },
  ],
  variables: ['project', 'building'],
  uses: ['example', 'business', 'wall'],
  evaluate: (graph, context) => {
    const rows = [...scopedDivisions(graph, context)].map(({ project, building, division }) => {
      const lots = divisionLots(graph, division);
      const accepted = lots.filter((lot) =>
        (ACCEPTED_LOT_STATUSES as readonly unknown[]).includes(prop(lot, 'status'))
      ).length;
      return {
        project: prop(project, 'name'),
        building: prop(building, 'name'),
        division: prop(division, 'name'),
        divisionId: division.id,
        lots: lots.length,
        accepted,
      };
    });
    return orderBy(
      rows,
      { by: (r) => r.project },
      { by: (r) => r.building },
      { by: (r) => r.division },
      { by: (r) => r.divisionId }
    )
      .slice(0, MAX_ROWS)
      .map((r): Row => [
        r.project,
        r.building,
        r.division,
        r.divisionId,
        neo4j.int(r.lots),
        neo4j.int(r.accepted),
        r.lots === 0 ? 0 : r.accepted / r.lots,
      ]);
  },
});

const HOUR_MS = 3_600_000;

/** Hours since the lot's last status change, as `(timestamp() / 1000 - submitted_at) / 3600000` computes it. */
function ageHours(submittedAt: number | null, now: number): number | null {
  return submittedAt === null ? null : Math.trunc((now - submittedAt) / HOUR_MS);
}

const SUBMITTED_LOTS = [LOT_SCOPE, "  AND l.status = 'SUBMITTED'"].join('\n');

export const pendingApprovalsByAge = catalogueEntry({
  id: 'pending-approvals-by-age',
  title: { en: 'Lots awaiting approval, oldest first', zh: '待审批检验批（按等待时长）' },
  description:
    'SUBMITTED lots with the time they were submitted (their `updated_at`: submitting is the last change of a ' +
    'SUBMITTED lot) and how many whole hours they have waited, oldest first.',
  cypher: [
    SUBMITTED_LOTS,
    'WITH b, d, l, $__epochMs(l.updated_at) AS submitted_at',
    'RETURN l.id AS lot_id, l.name AS lot, b.name AS building, d.name AS division, submitted_at,',
    '       (timestamp() / 1000 - submitted_at) / 3600000 AS age_hours',
    'ORDER BY age_hours DESC, lot_id',
    `LIMIT ${MAX_ROWS}`,
  ].join('\n'),
  format: 'table',
  columns: [
    { name: 'lot_id', type: 'string' },
    { name: 'lot', type: 'string' },
    { name: 'building', type: 'string' },
    { name: 'division', type: 'string' },
    { name: 'submitted_at', type: 'time' },
    { name: 'age_hours', type: 'integer' },
  ],
  variables: ['project', 'building'],
  uses: ['example', 'business', 'wall'],
  evaluate: (graph, context) => {
    const rows = [...scopedLots(graph, context)]
      .filter(({ lot }) => prop(lot, 'status') === 'SUBMITTED')
      .map(({ building, division, lot }) => {
        const submittedAt = epochMsOf(prop(lot, 'updated_at'));
        return { lot, building, division, submittedAt, age: ageHours(submittedAt, context.now) };
      });
    return orderBy(rows, { by: (r) => r.age, descending: true }, { by: (r) => r.lot.id })
      .slice(0, MAX_ROWS)
      .map((r): Row => [
        r.lot.id,
        prop(r.lot, 'name'),
        prop(r.building, 'name'),
        prop(r.division, 'name'),
        r.submittedAt === null ? null : neo4j.int(r.submittedAt),
        r.age === null ? null : neo4j.int(r.age),
      ]);
  },
});

/** Waiting-time buckets for lots awaiting approval; labels sort in this order. */
export const AGE_BUCKETS = [
  { label: '0-1 d', belowHours: 24 },
  { label: '1-3 d', belowHours: 72 },
  { label: '3-7 d', belowHours: 168 },
  { label: '7+ d', belowHours: Infinity },
] as const;

const bucketCase = [
  'WITH CASE',
  ...AGE_BUCKETS.slice(0, -1).map((bucket) => `       WHEN age_hours < ${bucket.belowHours} THEN '${bucket.label}'`),
  `       ELSE '${AGE_BUCKETS[AGE_BUCKETS.length - 1].label}' END AS age, count(l) AS n`,
].join('\n');

export const pendingApprovalsAgeBuckets = catalogueEntry({
  id: 'pending-approvals-age-buckets',
  title: { en: 'Lots awaiting approval by waiting time', zh: '待审批检验批等待时长分布' },
  description:
    'How many SUBMITTED lots have waited under a day, 1–3 days, 3–7 days and a week or more since submission. ' +
    'Lots whose `updated_at` cannot be read as a time are left out.',
  cypher: [
    SUBMITTED_LOTS,
    'WITH l, (timestamp() / 1000 - $__epochMs(l.updated_at)) / 3600000 AS age_hours',
    'WHERE age_hours IS NOT NULL',
    bucketCase,
    countsPerCategoryCypher(
      'age',
      AGE_BUCKETS.map((bucket) => bucket.label),
      'lots'
    ),
  ].join('\n'),
  format: 'table',
  columns: [
    { name: 'age', type: 'string' },
    { name: 'lots', type: 'integer' },
  ],
  variables: ['project', 'building'],
  uses: ['business', 'wall'],
  evaluate: (graph, context) => {
    const ages = [...scopedLots(graph, context)]
      .filter(({ lot }) => prop(lot, 'status') === 'SUBMITTED')
      .map(({ lot }) => ageHours(epochMsOf(prop(lot, 'updated_at')), context.now))
      .filter((age): age is number => age !== null);
    return countsPerCategory(
      AGE_BUCKETS.map((bucket) => bucket.label),
      ages.map((age) => AGE_BUCKETS.find((bucket) => age < bucket.belowHours)!.label)
    );
  },
});
