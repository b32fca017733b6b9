import { isPlaceholderId, notPlaceholder } from '../vocabulary';
import { orderBy } from './order';
import { LOT_SCOPE, projectBuildings, prop, scopedLots } from './scope';
import { catalogueEntry, MAX_ROWS, type Row } from './types';

/** `__text`/`__value` rows sorted like `ORDER BY __text, __value LIMIT 1000`. */
function textValueRows(rows: Array<{ text: unknown; value: unknown }>): Row[] {
  return orderBy(rows, { by: (r) => r.text }, { by: (r) => r.value })
    .slice(0, MAX_ROWS)
    .map((r) => [r.text, r.value]);
}

const TEXT_VALUE_COLUMNS = [
  { name: '__text', type: 'string' },
  { name: '__value', type: 'string' },
] as const;

const ORDER_TEXT_VALUE = ['ORDER BY __text, __value', `LIMIT ${MAX_ROWS}`].join('\n');

export const projectsVariable = catalogueEntry({
  id: 'projects-variable',
  title: { en: 'Projects (dashboard variable)', zh: '项目（仪表板变量）' },
  description: 'Real projects for the $project variable: name as text, id as value; the default project is left out.',
  cypher: [
    'MATCH (p:Project)',
    `WHERE ${notPlaceholder('p')}`,
    'RETURN p.name AS __text, p.id AS __value',
    ORDER_TEXT_VALUE,
  ].join('\n'),
  format: 'table',
  columns: TEXT_VALUE_COLUMNS,
  variables: [],
  uses: ['variable'],
  evaluate: (graph) =>
    textValueRows(
      graph
        .withLabel('Project')
        .filter((project) => !isPlaceholderId(project.id))
        .map((project) => ({ text: prop(project, 'name'), value: project.id }))
    ),
});

export const buildingsVariable = catalogueEntry({
  id: 'buildings-variable',
  title: { en: 'Buildings (dashboard variable)', zh: '单体（仪表板变量）' },
  description: 'Buildings of the chosen projects for the $building variable, as "project / building".',
  cypher: [
    'MATCH (p:Project)-[:PHYSICALLY_CONTAINS]->(b:Building)',
    `WHERE p.id IN $project AND ${notPlaceholder('p')} AND ${notPlaceholder('b')}`,
    "RETURN p.name + ' / ' + b.name AS __text, b.id AS __value",
    ORDER_TEXT_VALUE,
  ].join('\n'),
  format: 'table',
  columns: TEXT_VALUE_COLUMNS,
  variables: ['project'],
  uses: ['variable'],
  evaluate: (graph, context) =>
    textValueRows(
      projectBuildings(graph, context.variables.project).map(({ project, building }) => ({
        text: `${String(prop(project, 'name'))} / ${String(prop(building, 'name'))}`,
        value: building.id,
      }))
    ),
});

export const lotsVariable = catalogueEntry({
  id: 'lots-variable',
  title: { en: 'Inspection lots (dashboard variable)', zh: '检验批（仪表板变量）' },
  description: 'Inspection lots of the chosen buildings for the $lot variable, as "building lot (status)".',
  cypher: [
    LOT_SCOPE,
    "RETURN b.name + ' ' + l.name + ' (' + l.status + ')' AS __text, l.id AS __value",
    ORDER_TEXT_VALUE,
  ].join('\n'),
  format: 'table',
  columns: TEXT_VALUE_COLUMNS,
  variables: ['project', 'building'],
  uses: ['variable'],
  evaluate: (graph, context) =>
    textValueRows(
      [...scopedLots(graph, context)].map(({ building, lot }) => ({
        text: `${String(prop(building, 'name'))} ${String(prop(lot, 'name'))} (${String(prop(lot, 'status'))})`,
        value: lot.id,
      }))
    ),
});
