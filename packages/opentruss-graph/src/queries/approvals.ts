import neo4j from 'neo4j-driver';
import type { DemoGraph, DemoNode } from '../demo-graph/model';
import { orderBy } from './order';
import { LOT_SCOPE, type ScopedLot, prop, scopedLots } from './scope';
import { epochMsOf, inTimeRange, timeBucket } from './time';
import { catalogueEntry, type EvaluationContext, MAX_ROWS, type Row } from './types';

const DAY_MS = 86_400_000;

/** Approval history of the scoped lots, inside the time range: LOT_SCOPE + HAS_APPROVAL_HISTORY. */
const HISTORY_SCOPE = [
  LOT_SCOPE.replace('(l:InspectionLot)', '(l:InspectionLot)-[:HAS_APPROVAL_HISTORY]->(h:ApprovalHistory)'),
  '  AND $__timeFilter(h.created_at)',
].join('\n');

interface ScopedHistory extends ScopedLot {
  history: DemoNode;
}

/** The reference twin of HISTORY_SCOPE. */
function scopedHistory(graph: DemoGraph, context: EvaluationContext): ScopedHistory[] {
  return [...scopedLots(graph, context)].flatMap((scoped) =>
    graph
      .targets(scoped.lot.id, 'HAS_APPROVAL_HISTORY', 'ApprovalHistory')
      .filter((history) => inTimeRange(prop(history, 'created_at'), context.from, context.to))
      .map((history) => ({ ...scoped, history }))
  );
}

/** Groups by day and one more key; counts with `count` per group. */
function perDay<K>(
  histories: ScopedHistory[],
  key: (history: DemoNode) => K,
  count: (group: DemoNode[]) => number
): Array<{ time: number | null; key: K; value: number }> {
  const groups = new Map<string, { time: number | null; key: K; members: DemoNode[] }>();
  for (const { history } of histories) {
    const time = timeBucket(prop(history, 'created_at'), DAY_MS);
    const groupKey = `${time}|${String(key(history))}`;
    const group = groups.get(groupKey) ?? { time, key: key(history), members: [] };
    group.members.push(history);
    groups.set(groupKey, group);
  }
  return [...groups.values()].map((group) => ({ time: group.time, key: group.key, value: count(group.members) }));
}

const int = (value: number | null) => (value === null ? null : neo4j.int(value));

export const approvalsPerDay = catalogueEntry({
  id: 'approvals-per-day',
  title: { en: 'Approvals and rejections per day', zh: '每日审批通过与驳回次数' },
  description:
    'ApprovalHistory events per UTC day and action (APPROVE, REJECT). Only approve and reject are recorded by ' +
    'OpenTruss; start, submit and publish leave no history.',
  cypher: [
    HISTORY_SCOPE,
    "RETURN $__timeGroup(h.created_at, '1d') AS time, h.action AS action, count(h) AS events",
    'ORDER BY time, action',
    `LIMIT ${MAX_ROWS}`,
  ].join('\n'),
  format: 'time_series',
  legend: '{{action}}',
  columns: [
    { name: 'time', type: 'time' },
    { name: 'action', type: 'string' },
    { name: 'events', type: 'integer' },
  ],
  variables: ['project', 'building'],
  uses: ['example', 'business'],
  evaluate: (graph, context) =>
    orderBy(
      perDay(
        scopedHistory(graph, context),
        (history) => prop(history, 'action'),
        (group) => group.length
      ),
      { by: (g) => g.time },
      { by: (g) => g.key }
    )
      .slice(0, MAX_ROWS)
      .map((g): Row => [int(g.time), g.key, neo4j.int(g.value)]),
});

export const distinctApproversPerDay = catalogueEntry({
  id: 'distinct-approvers-per-day',
  title: {
    en: 'Distinct approvers per day (stand-in for daily active users)',
    zh: '每日审批人数（日活跃用户的替代指标）',
  },
  description:
    'OpenTruss records no logins or sessions, so daily active users cannot be computed. The honest stand-in: ' +
    'distinct users who approved or rejected a lot that UTC day (ApprovalHistory.user_id). Editors do not appear.',
  cypher: [
    HISTORY_SCOPE,
    "RETURN $__timeGroup(h.created_at, '1d') AS time, count(DISTINCT h.user_id) AS distinct_approvers",
    'ORDER BY time',
    `LIMIT ${MAX_ROWS}`,
  ].join('\n'),
  format: 'time_series',
  columns: [
    { name: 'time', type: 'time' },
    { name: 'distinct_approvers', type: 'integer' },
  ],
  variables: ['project', 'building'],
  uses: ['business'],
  evaluate: (graph, context) =>
    orderBy(
      perDay(
        scopedHistory(graph, context),
        () => 'all',
        (group) => new Set(group.map((history) => prop(history, 'user_id')).filter((user) => user !== null)).size
      ),
      { by: (g) => g.time }
    )
      .slice(0, MAX_ROWS)
      .map((g): Row => [int(g.time), neo4j.int(g.value)]),
});

export const approvalEvents = catalogueEntry({
  id: 'approval-events',
  title: { en: 'Approval events (annotations)', zh: '审批事件（注释）' },
  description:
    'Every approve and reject in the time range as a Grafana annotation: `time`, `title` (action and lot), ' +
    '`text` (who, role, status change, comment) and `tags`.',
  cypher: [
    HISTORY_SCOPE,
    'WITH l, h, $__epochMs(h.created_at) AS time',
    'ORDER BY time, h.id',
    `LIMIT ${MAX_ROWS}`,
    "RETURN time, h.action + ' · ' + l.name AS title,",
    "       h.user_id + ' (' + h.role + '): ' + h.old_status + ' → ' + h.new_status + coalesce(' · ' + h.comment, '') AS text,",
    "       ['opentruss', toLower(h.action)] AS tags",
  ].join('\n'),
  format: 'table',
  columns: [
    { name: 'time', type: 'time' },
    { name: 'title', type: 'string' },
    { name: 'text', type: 'string' },
    { name: 'tags', type: 'list' },
  ],
  variables: ['project', 'building'],
  uses: ['annotation'],
  evaluate: (graph, context) => {
    const events = scopedHistory(graph, context).map(({ lot, history }) => ({
      lot,
      history,
      time: epochMsOf(prop(history, 'created_at')),
    }));
    return orderBy(events, { by: (e) => e.time }, { by: (e) => e.history.id })
      .slice(0, MAX_ROWS)
      .map(({ lot, history, time }): Row => {
        // `+` on null gives null in Cypher: a missing field nulls the whole title or text (the comment is optional).
        const joined = (...parts: unknown[]) =>
          parts.some((part) => part === null) ? null : parts.map(String).join('');
        const [action, user, role, from, to, comment] = [
          'action',
          'user_id',
          'role',
          'old_status',
          'new_status',
          'comment',
        ].map((key) => prop(history, key));
        return [
          int(time),
          joined(action, ' · ', prop(lot, 'name')),
          joined(user, ' (', role, '): ', from, ' → ', to, comment === null ? '' : ` · ${String(comment)}`),
          ['opentruss', typeof action === 'string' ? action.toLowerCase() : null],
        ];
      });
  },
});
