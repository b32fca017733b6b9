import { checkReadQuery, expandMacros, TIME_PARAMETERS } from '@opentruss/cypher';
import neo4j from 'neo4j-driver';
import {
  type CatalogueQuery,
  DASHBOARD_VARIABLES,
  type EvaluationContext,
  LABELS,
  LOT_STATUSES,
  MAX_ROWS,
  PROPERTIES,
  QUERY_CATALOGUE,
  RELATIONSHIP_TYPES,
  type Row,
  catalogueQuery,
  defaultEvaluationContext,
  epochMsOf,
  isPlaceholderId,
  kindOfTimestamp,
} from '../src';
import { namesIn } from './cypher-analysis';
import { smallGraph } from './helpers';

/** Built-in functions the catalogue may call, each checked in Memgraph's function reference (memgraph-cypher notes). */
const MEMGRAPH_FUNCTIONS = new Set(
  ['count', 'collect', 'size', 'reduce', 'coalesce', 'toFloat', 'toInteger', 'toLower', 'timestamp', 'valueType', 'min', 'max']
    .concat(['datetime', 'localDateTime', 'date']) // emitted by the macros (Memgraph ≥ 2.17)
    .map((name) => name.toLowerCase())
);

/** What Memgraph's Cypher lacks (functions Neo4j has, and the temporal gaps), as function names … */
const MISSING_FUNCTIONS = [
  'nullIf',
  'percentileCont',
  'percentileDisc',
  'stDev',
  'stDevP',
  'isNan',
  'cot',
  'degrees',
  'haversin',
  'radians',
  'normalize',
  'time',
  'shortestPath',
  'allShortestPaths',
  'toIntegerOrNull',
  'toFloatOrNull',
  'toStringOrNull',
  'isEmpty',
  'truncate',
  'fromepoch',
  'fromepochmillis',
  'between',
  'inDays',
  'inSeconds',
  'transaction',
  'statement',
  'realtime',
].map((name) => name.toLowerCase());

/** … and as syntax. */
const MISSING_SYNTAX: RegExp[] = [
  /\bCOUNT\s*\{/i,
  /\bCOLLECT\s*\{/i,
  /\bEXISTS\s*\{/i,
  /\bCALL\s*\(/i,
  /\.epoch(Millis|Seconds)\b/i,
  /\bapoc\./i,
  /size\s*\(\s*\(/i,
  /-\[[^\]]*\{\d*,?\d*\}\]/,
];

const TIME_PARAMETER_NAMES = Object.values(TIME_PARAMETERS);

/** Aggregations without grouping keys: always exactly one row. */
const SINGLE_ROW = ['capacity-counts', 'distinct-approvers-in-range'];

const graph = smallGraph();
const context = defaultEvaluationContext(graph);
const evaluate = (query: CatalogueQuery, overrides: Partial<EvaluationContext> = {}) =>
  query.evaluate(graph, { ...context, ...overrides });
const num = (value: unknown) => (neo4j.isInt(value) ? value.toNumber() : (value as number));
const column = (query: CatalogueQuery, rows: Row[], name: string) => {
  const index = query.columns.findIndex((c) => c.name === name);
  expect(index).toBeGreaterThanOrEqual(0);
  return rows.map((row) => row[index]);
};
const sum = (values: unknown[]) => values.map(num).reduce((a, b) => a + b, 0);
const realLots = graph.withLabel('InspectionLot');

describe('query catalogue', () => {
  it('has unique ids and covers every business figure the dashboards need', () => {
    const ids = QUERY_CATALOGUE.map((query) => query.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'lots-by-status',
        'lots-by-status-over-time',
        'elements-by-status',
        'elements-by-confidence',
        'division-acceptance-progress',
        'approvals-per-day',
        'distinct-approvers-per-day',
        'pending-approvals-by-age',
        'lot-element-graph',
        'projects-variable',
        'buildings-variable',
        'capacity-counts',
        'approval-events',
      ])
    );
    // @ts-expect-error an id outside the catalogue fails typecheck; untyped callers get the error below
    expect(() => catalogueQuery('nope')).toThrow(/No catalogue query "nope"/);
  });

  describe.each(QUERY_CATALOGUE.map((query) => [query.id, query] as const))('%s', (_id, query) => {
    const expanded = expandMacros(query.cypher);
    const names = namesIn(query.cypher);

    it('reads only labels, relationship types and properties from the vocabulary', () => {
      expect([...names.labels].filter((label) => !Object.values(LABELS).includes(label as never))).toEqual([]);
      expect(
        [...names.relationshipTypes].filter((type) => !Object.values(RELATIONSHIP_TYPES).includes(type as never))
      ).toEqual([]);
      for (const { variable, key } of names.propertyReads) {
        const label = names.boundLabels.get(variable);
        const allowed = label ? PROPERTIES[label as keyof typeof PROPERTIES] : [...names.mapKeys];
        expect([variable, key, allowed.includes(key)]).toEqual([variable, key, true]);
      }
    });

    it('calls only functions Memgraph has, and no syntax it lacks (raw and expanded)', () => {
      for (const text of [query.cypher, expanded]) {
        const functions = [...namesIn(text).functions].map((name) => name.toLowerCase());
        expect(functions.filter((name) => !MEMGRAPH_FUNCTIONS.has(name))).toEqual([]);
        expect(functions.filter((name) => MISSING_FUNCTIONS.includes(name))).toEqual([]);
        expect(MISSING_SYNTAX.filter((pattern) => pattern.test(text)).map(String)).toEqual([]);
      }
    });

    it('is read-only and binds only the time parameters and its declared variables', () => {
      const checked = checkReadQuery(expanded);
      expect(checked.ok ? 'accepted' : checked.refusal).toBe('accepted');
      const allowed = new Set<string>([...TIME_PARAMETER_NAMES, ...query.variables]);
      expect([...namesIn(expanded).parameters].filter((name) => !allowed.has(name))).toEqual([]);
      for (const variable of query.variables) {
        expect(namesIn(expanded).parameters.has(variable)).toBe(true);
      }
      // Macros only: nothing time-related is spliced into the text.
      expect(query.cypher).not.toMatch(/\d{13}/);
    });

    it('returns at most 1,000 rows, in the declared columns', () => {
      const rows = evaluate(query);
      expect(rows.length).toBeLessThanOrEqual(MAX_ROWS);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row).toHaveLength(query.columns.length);
      }
      const fixedSize = /\nUNWIND \[/.test(query.cypher) || SINGLE_ROW.includes(query.id);
      expect(fixedSize || query.cypher.includes(`LIMIT ${MAX_ROWS}`)).toBe(true);
      expect(query.cypher).toMatch(new RegExp(query.columns.map((c) => `\\b${c.name}\\b`).join('[\\s\\S]*')));
    });

    it('returns values of the declared column types', () => {
      const rows = evaluate(query);
      query.columns.forEach((spec, index) => {
        for (const value of rows.map((row) => row[index]).filter((v) => v !== null)) {
          switch (spec.type) {
            case 'integer':
            case 'time':
              expect(neo4j.isInt(value)).toBe(true);
              break;
            case 'float':
              expect(typeof value).toBe('number');
              break;
            case 'string':
              expect(typeof value).toBe('string');
              break;
            case 'list':
              expect(Array.isArray(value)).toBe(true);
              break;
            case 'path':
              expect(neo4j.isPath(value as object)).toBe(true);
              break;
          }
        }
      });
    });
  });

  it('the text checks find what they look for (and ignore strings)', () => {
    const names = namesIn(
      "MATCH (x:Foo)-[:BAR]->(y) WHERE x.nope = $p RETURN percentileCont(x.a, 0.5), 'shortestPath(' AS s, {k: 1} AS m"
    );
    expect([...names.labels]).toEqual(['Foo']);
    expect([...names.relationshipTypes]).toEqual(['BAR']);
    expect([...names.functions]).toEqual(['percentileCont']);
    expect(names.propertyReads).toEqual([
      { variable: 'x', key: 'nope' },
      { variable: 'x', key: 'a' },
    ]);
    expect([...names.mapKeys]).toEqual(['k']);
    expect([...names.parameters]).toEqual(['p']);
  });

  it('lots by status add up to every real lot, in workflow order', () => {
    const query = catalogueQuery('lots-by-status');
    const rows = evaluate(query);
    expect(column(query, rows, 'status')).toEqual([...LOT_STATUSES]);
    expect(sum(column(query, rows, 'lots'))).toBe(realLots.length);
    const submitted = realLots.filter((lot) => lot.properties.status === 'SUBMITTED').length;
    expect(num(rows[2][1])).toBe(submitted);
  });

  it('drills down by project and building through the variables', () => {
    const query = catalogueQuery('lots-by-status');
    const [first, second] = context.variables.project;
    const perProject = [first, second].map((project) =>
      sum(column(query, evaluate(query, { variables: { ...context.variables, project: [project] } }), 'lots'))
    );
    expect(perProject[0]).toBeGreaterThan(0);
    expect(perProject[0] + perProject[1]).toBe(realLots.length);
    const oneBuilding = evaluate(query, {
      variables: { ...context.variables, building: [context.variables.building[0]] },
    });
    expect(sum(column(query, oneBuilding, 'lots'))).toBeLessThan(realLots.length);
    const none = evaluate(query, { variables: { ...context.variables, project: [] } });
    expect(column(query, none, 'lots').map(num)).toEqual([0, 0, 0, 0, 0]);
  });

  it('lots over time normalise all three timestamp types of updated_at', () => {
    const query = catalogueQuery('lots-by-status-over-time');
    const all = { from: 0, to: context.now };
    const rows = evaluate(query, all);
    expect(sum(column(query, rows, 'lots'))).toBe(realLots.length);
    expect(new Set(realLots.map((lot) => kindOfTimestamp(lot.properties.updated_at)))).toEqual(
      new Set(['iso', 'local', 'zoned'])
    );
    for (const time of column(query, rows, 'time').map(num)) {
      expect(time % context.intervalMs).toBe(0);
    }
    const times = column(query, rows, 'time').map(num);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // A two-week range leaves older changes out.
    const recent = { from: context.now - 14 * 86_400_000, to: context.now };
    const changedRecently = realLots.filter((lot) => epochMsOf(lot.properties.updated_at)! >= recent.from);
    expect(changedRecently.length).toBeLessThan(realLots.length);
    expect(sum(column(query, evaluate(query, recent), 'lots'))).toBe(changedRecently.length);
  });

  it('elements by status and by confidence band count every element once', () => {
    const byStatus = catalogueQuery('elements-by-status');
    const byBand = catalogueQuery('elements-by-confidence');
    const elements = graph.withLabel('Element');
    expect(sum(column(byStatus, evaluate(byStatus), 'elements'))).toBe(elements.length);
    const bandRows = evaluate(byBand);
    expect(sum(column(byBand, bandRows, 'elements'))).toBe(elements.length);
    const unknown = elements.filter((element) => element.properties.confidence === undefined).length;
    expect(bandRows[bandRows.length - 1]).toEqual(['unknown', neo4j.int(unknown)]);
    const high = elements.filter((e) => typeof e.properties.confidence === 'number' && e.properties.confidence >= 0.95);
    expect(num(bandRows[3][1])).toBe(high.length);
  });

  it('division acceptance progress is accepted ÷ all, between 0 and 1', () => {
    const query = catalogueQuery('division-acceptance-progress');
    const rows = evaluate(query);
    expect(rows).toHaveLength(graph.withLabel('Division').filter((d) => !isPlaceholderId(d.id)).length);
    expect(sum(column(query, rows, 'lots'))).toBe(realLots.length);
    const accepted = realLots.filter((lot) => ['APPROVED', 'PUBLISHED'].includes(lot.properties.status as string));
    expect(sum(column(query, rows, 'accepted'))).toBe(accepted.length);
    for (const row of rows) {
      const [lots, acceptedInDivision, progress] = [num(row[4]), num(row[5]), row[6] as number];
      expect(progress).toBeGreaterThanOrEqual(0);
      expect(progress).toBeLessThanOrEqual(1);
      expect(progress).toBeCloseTo(lots === 0 ? 0 : acceptedInDivision / lots, 12);
    }
    expect(column(query, rows, 'division_id')).not.toContain('default_division');
  });

  it('approvals per day and distinct approvers agree with the history in range', () => {
    const perDay = catalogueQuery('approvals-per-day');
    const approvers = catalogueQuery('distinct-approvers-per-day');
    const inRange = graph.withLabel('ApprovalHistory').filter((h) => {
      const ms = epochMsOf(h.properties.created_at)!;
      return ms >= context.from && ms <= context.to;
    });
    const rows = evaluate(perDay);
    expect(sum(column(perDay, rows, 'events'))).toBe(inRange.length);
    expect(new Set(column(perDay, rows, 'action'))).toEqual(new Set(['APPROVE', 'REJECT']));
    const approverRows = evaluate(approvers);
    expect(approverRows.length).toBe(new Set(column(perDay, rows, 'time').map(num)).size);
    for (const count of column(approvers, approverRows, 'distinct_approvers').map(num)) {
      expect(count).toBeGreaterThanOrEqual(1);
      expect(count).toBeLessThanOrEqual(graph.withLabel('User').length);
    }
    expect(approvers.title.en).toMatch(/stand-in for daily active users/);
  });

  it('pending approvals list every SUBMITTED lot, oldest first, with buckets that add up', () => {
    const query = catalogueQuery('pending-approvals-by-age');
    const rows = evaluate(query);
    const submitted = realLots.filter((lot) => lot.properties.status === 'SUBMITTED');
    expect(rows).toHaveLength(submitted.length);
    const ages = column(query, rows, 'age_hours').map(num);
    expect(ages).toEqual([...ages].sort((a, b) => b - a));
    for (const row of rows) {
      expect(num(row[5])).toBe(Math.trunc((context.now - num(row[4])) / 3_600_000));
    }
    const buckets = catalogueQuery('pending-approvals-age-buckets');
    const bucketRows = evaluate(buckets);
    expect(column(buckets, bucketRows, 'age')).toEqual(['0-1 d', '1-3 d', '3-7 d', '7+ d']);
    expect(sum(column(buckets, bucketRows, 'lots'))).toBe(submitted.length);
    expect(num(bucketRows[0][1])).toBe(ages.filter((age) => age < 24).length);
  });

  it("draws a lot's element graph as paths lot → element → level", () => {
    const query = catalogueQuery('lot-element-graph');
    const rows = evaluate(query);
    const members = graph.targets(context.variables.lot, 'MANAGEMENT_CONTAINS', 'Element');
    expect(rows).toHaveLength(members.length);
    for (const [path] of rows as Array<[InstanceType<typeof neo4j.types.Path>]>) {
      expect(path.start.properties.id).toBe(context.variables.lot);
      expect(path.segments.map((segment) => segment.relationship.type)).toEqual(['MANAGEMENT_CONTAINS', 'LOCATED_AT']);
      expect(path.end.labels).toEqual(['Level']);
      expect(path.segments[0].relationship.endNodeElementId).toBe(path.segments[1].start.elementId);
    }
    expect(evaluate(query, { variables: { ...context.variables, lot: 'no_such_lot' } })).toEqual([]);
  });

  it('variables list real projects and buildings only, as __text/__value', () => {
    const projects = evaluate(catalogueQuery('projects-variable'));
    expect(projects.map((row) => row[1])).toEqual(['project_001', 'project_002']);
    const buildings = evaluate(catalogueQuery('buildings-variable'), {
      variables: { ...context.variables, project: ['project_002', 'default_project'] },
    });
    expect(buildings.map((row) => row[1])).toEqual(['building_002_01', 'building_002_02']);
    expect(buildings[0][0]).toBe('科创中心A区 / 1#楼');
    expect(DASHBOARD_VARIABLES.map((v) => v.name)).toEqual(['project', 'building', 'lot']);
    expect(evaluate(catalogueQuery('lots-variable'))).toHaveLength(realLots.length);
  });

  it('capacity counts and growth match the graph', () => {
    expect(evaluate(catalogueQuery('capacity-counts'))).toEqual([[neo4j.int(2), neo4j.int(400), neo4j.int(60)]]);
    const all = { from: 0, to: context.now };
    const elements = catalogueQuery('elements-created-over-time');
    expect(sum(column(elements, evaluate(elements, all), 'elements'))).toBe(400);
    const lots = catalogueQuery('lots-created-over-time');
    expect(sum(column(lots, evaluate(lots, all), 'inspection_lots'))).toBe(60);
  });

  it('approval events carry time, title, text and tags, in time order', () => {
    const query = catalogueQuery('approval-events');
    const rows = evaluate(query);
    const times = column(query, rows, 'time').map(num);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times.every((time) => time >= context.from && time <= context.to)).toBe(true);
    const reject = rows.find((row) => (row[1] as string).startsWith('REJECT'))!;
    expect(reject[2]).toMatch(/^user_\w+ \((APPROVER|PM)\): (SUBMITTED|APPROVED) → (IN_PROGRESS|PLANNING) · .+/);
    expect(reject[3]).toEqual(['opentruss', 'reject']);
  });
});
