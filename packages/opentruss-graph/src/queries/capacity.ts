import neo4j from 'neo4j-driver';
import type { DemoGraph, DemoNode } from '../demo-graph/model';
import { type Label, isPlaceholderId, notPlaceholder } from '../vocabulary';
import { orderBy } from './order';
import { prop } from './scope';
import { inTimeRange, timeBucket } from './time';
import { catalogueEntry, type EvaluationContext, MAX_ROWS, type Row } from './types';

export const capacityCounts = catalogueEntry({
  id: 'capacity-counts',
  title: { en: 'Projects, elements and inspection lots now', zh: '当前项目数、构件数、检验批数' },
  description:
    'The three figures of the ops manual §8.1 capacity forecast (10 → 15 → 25 projects, 100K → 200K → 400K ' +
    'elements, 1K → 2K → 4K lots), counted now; the default project is left out.',
  cypher: [
    'MATCH (p:Project)',
    `WHERE ${notPlaceholder('p')}`,
    'WITH count(p) AS projects',
    'OPTIONAL MATCH (e:Element)',
    'WITH projects, count(e) AS elements',
    'OPTIONAL MATCH (l:InspectionLot)',
    'RETURN projects, elements, count(l) AS inspection_lots',
  ].join('\n'),
  format: 'table',
  columns: [
    { name: 'projects', type: 'integer' },
    { name: 'elements', type: 'integer' },
    { name: 'inspection_lots', type: 'integer' },
  ],
  variables: [],
  uses: ['capacity', 'example'],
  evaluate: (graph) => [
    [
      neo4j.int(graph.withLabel('Project').filter((project) => !isPlaceholderId(project.id)).length),
      neo4j.int(graph.withLabel('Element').length),
      neo4j.int(graph.withLabel('InspectionLot').length),
    ],
  ],
});

/** Nodes of a label created per interval: the growth trend next to the forecast. */
function createdOverTime(graph: DemoGraph, context: EvaluationContext, label: Label): Row[] {
  const counts = new Map<number | null, number>();
  for (const node of graph.withLabel(label) as DemoNode[]) {
    const created = prop(node, 'created_at');
    if (inTimeRange(created, context.from, context.to)) {
      const time = timeBucket(created, context.intervalMs);
      counts.set(time, (counts.get(time) ?? 0) + 1);
    }
  }
  return orderBy([...counts.entries()], { by: ([time]) => time })
    .slice(0, MAX_ROWS)
    .map(([time, count]): Row => [time === null ? null : neo4j.int(time), neo4j.int(count)]);
}

function createdOverTimeCypher(label: Label, variable: string, column: string): string {
  return [
    `MATCH (${variable}:${label})`,
    `WHERE $__timeFilter(${variable}.created_at)`,
    `RETURN $__timeGroup(${variable}.created_at, $__interval) AS time, count(${variable}) AS ${column}`,
    'ORDER BY time',
    `LIMIT ${MAX_ROWS}`,
  ].join('\n');
}

export const elementsCreatedOverTime = catalogueEntry({
  id: 'elements-created-over-time',
  title: { en: 'Elements created over time', zh: '构件新增趋势' },
  description: 'Elements ingested per interval (their `created_at`), the growth trend behind the capacity forecast.',
  cypher: createdOverTimeCypher('Element', 'e', 'elements'),
  format: 'time_series',
  columns: [
    { name: 'time', type: 'time' },
    { name: 'elements', type: 'integer' },
  ],
  variables: [],
  uses: ['capacity'],
  evaluate: (graph, context) => createdOverTime(graph, context, 'Element'),
});

export const lotsCreatedOverTime = catalogueEntry({
  id: 'lots-created-over-time',
  title: { en: 'Inspection lots created over time', zh: '检验批新增趋势' },
  description:
    'Inspection lots created per interval. Rule-engine lots store `created_at` as ISO strings, the others as ' +
    'LocalDateTime: the macros read both.',
  cypher: createdOverTimeCypher('InspectionLot', 'l', 'inspection_lots'),
  format: 'time_series',
  columns: [
    { name: 'time', type: 'time' },
    { name: 'inspection_lots', type: 'integer' },
  ],
  variables: [],
  uses: ['capacity'],
  evaluate: (graph, context) => createdOverTime(graph, context, 'InspectionLot'),
});
