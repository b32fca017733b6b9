/**
 * @jest-environment node
 */
// Every Memgraph query of the bundled dashboards runs through the REAL datasource (its DataSource class and
// neo4j-driver) against the Bolt test server loaded with the bundled OpenTruss fixture, and its frames have the
// shape the panel needs: the catalogue's columns and types, the fields the panel's options name, and — through
// @grafana/data's own transformers — the wall's derived numbers. A query the fixture lacks fails the test.
// First: the testing entry point lends @grafana/* the DOM globals they need in Node.
import {
  DriverRegistry,
  MemgraphVariableSupport,
  dataSource,
  isTimeColumnName,
  queryRequest,
  runQuery,
  type FakeVariable,
} from 'opentruss-memgraph-datasource/testing';

import {
  type AnnotationQuery,
  type DataFrame,
  type DataQueryResponse,
  FieldType,
  type MetricFindValue,
  standardTransformers,
  standardTransformersRegistry,
  transformDataFrame,
  type DataTransformerConfig,
} from '@grafana/data';
import { startBoltTestServer, type BoltTestServer } from '@opentruss/bolt-test-server';
import type { ColumnType } from '@opentruss/opentruss-graph';
import { lastValueFrom } from 'rxjs';
import type { MemgraphQuery } from '@opentruss/contract';
import { FIXTURE_FILE, fixtureRows, memgraphUses, type MemgraphUse } from './support/memgraphPanels';

jest.setTimeout(60_000);

let server: BoltTestServer;
const registry = new DriverRegistry();
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
/** "All" of $project and $building, as Grafana sends them: every value of the variable's own query. */
let allProjects: string[];
let allBuildings: string[];

const DAY_MS = 86_400_000;
const now = Date.now();
const settings = () => ({ url: server.url, timeZone: 'UTC' });
const values = (frame: DataFrame, name: string) => frame.fields.find((f) => f.name === name)?.values ?? [];

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  // Grafana registers its transformers at start-up; @grafana/data lists some twice (an id and an alias).
  const transformers = new Map(Object.values(standardTransformers).map((transformer) => [transformer.id, transformer]));
  standardTransformersRegistry.setInit(() =>
    [...transformers.values()].map((transformer) => ({
      id: transformer.id,
      name: transformer.name,
      description: transformer.description,
      transformation: () => Promise.resolve(transformer),
      editor: () => null,
      imageDark: '',
      imageLight: '',
    }))
  );
  server = await startBoltTestServer({ fixtureFiles: [FIXTURE_FILE] });
  // The drill-down variables' options, the way Grafana gets them: through the datasource's variable support.
  const uses = memgraphUses();
  const optionsOf = async (name: string, variables: FakeVariable[]) => {
    const use = uses.find((u) => u.where === `opentruss-business variable $${name}`)!;
    const response = await variableOptions(dataSource(settings(), { registry, variables }), use);
    expect(response.errors).toBeUndefined();
    return (response.data as MetricFindValue[]).map((option) => String(option.value));
  };
  allProjects = await optionsOf('project', []);
  allBuildings = await optionsOf('building', [{ name: 'project', current: '$__all', options: allProjects }]);
});

afterAll(async () => {
  await registry.closeAll();
  await server.stop();
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

/** A variable's options as Grafana asks the datasource's CustomVariableSupport for them. */
function variableOptions(ds: ReturnType<typeof dataSource>, use: MemgraphUse): Promise<DataQueryResponse> {
  expect(ds.variables).toBeInstanceOf(MemgraphVariableSupport);
  return lastValueFrom((ds.variables as MemgraphVariableSupport).query(queryRequest([use.query])));
}

const drillDownAll = () => [
  { name: 'project', current: '$__all', options: allProjects },
  { name: 'building', current: '$__all', options: allBuildings },
];

async function run(use: MemgraphUse): Promise<DataFrame[]> {
  const ds = dataSource(settings(), { registry, variables: drillDownAll() });
  const intervalMs = use.panel?.interval === '1d' ? DAY_MS : 3_600_000;
  const response = await runQuery(ds, [use.query], { fromMs: now - 90 * DAY_MS, toMs: now, intervalMs });
  expect({ where: use.where, errors: response.errors }).toEqual({ where: use.where, errors: undefined });
  return response.data as DataFrame[];
}

function expectedType(name: string, type: ColumnType): FieldType {
  switch (type) {
    case 'string':
      return FieldType.string;
    case 'integer':
    case 'float':
      return FieldType.number;
    case 'time':
      return isTimeColumnName(name) ? FieldType.time : FieldType.number;
    case 'list':
    case 'path':
      return FieldType.other;
  }
}

/** Field names a panel's options refer to: reduce fields, display-name templates, x field, overrides. */
function namedFields(use: MemgraphUse): string[] {
  const panel = use.panel!;
  const names: string[] = [];
  const reduceFields = (panel.options?.reduceOptions as { fields?: string } | undefined)?.fields;
  const exact = reduceFields && /^\/\^(\w+)\$\/$/.exec(reduceFields);
  if (exact) {
    names.push(exact[1]);
  }
  for (const match of (panel.fieldConfig.defaults.displayName ?? '').matchAll(/\$\{__data\.fields\.(\w+)\}/g)) {
    names.push(match[1]);
  }
  if (typeof panel.options?.xField === 'string') {
    names.push(panel.options.xField);
  }
  names.push(...panel.fieldConfig.overrides.filter((o) => o.matcher.id === 'byName').map((o) => o.matcher.options));
  return names;
}

const uses = memgraphUses();

describe('the bundled fixture serves every Memgraph query of the dashboards', () => {
  it('finds the dashboards’ Memgraph queries and the drill-down values', () => {
    expect(uses.length).toBeGreaterThan(15);
    expect(allProjects.length).toBeGreaterThan(0);
    expect(allBuildings.length).toBeGreaterThan(allProjects.length - 1);
  });

  it('fails, not skips, a query the fixture does not have', async () => {
    const use = uses.find((u) => u.source.id === 'lots-by-status')!;
    const ds = dataSource(settings(), { registry, variables: drillDownAll() });
    const response = await runQuery(ds, [{ ...use.query, cypher: `${use.query.cypher}\n// changed` }]);
    expect(response.errors?.[0].message).toMatch(/no responder matches this query/);
  });

  it.each(uses.map((use) => [use.where, use] as const))('%s', async (_where, use) => {
    const frames = await run(use);
    const rows = fixtureRows(use.query.cypher!);
    // Dashboard variables reach Memgraph as parameters ("All" = every value), never spliced into the text.
    const parameters = server.lastRun?.parameters ?? {};
    if (use.source.variables.includes('project')) {
      expect(parameters.project).toEqual(allProjects);
    }
    if (use.source.variables.includes('building')) {
      expect(parameters.building).toEqual(allBuildings);
    }
    expect(frames).toHaveLength(1);
    const [frame] = frames;

    if (use.source.format === 'table') {
      expect(frame.fields.map((f) => f.name)).toEqual(use.source.columns.map((c) => c.name));
      expect(frame.length).toBe(rows.length);
      if (rows.length > 0) {
        expect(frame.fields.map((f) => [f.name, f.type])).toEqual(
          use.source.columns.map((c) => [c.name, expectedType(c.name, c.type)])
        );
      }
    } else {
      // Time series: one wide frame, time first, one number field per series (labels from the string columns).
      expect(rows.length).toBeGreaterThan(0);
      expect(frame.fields[0].type).toBe(FieldType.time);
      const series = frame.fields.slice(1);
      expect(series.length).toBeGreaterThan(0);
      expect(series.every((f) => f.type === FieldType.number)).toBe(true);
      const labelColumns = use.source.columns.filter((c) => c.type === 'string').map((c) => c.name);
      const distinct = new Set(rows.map((row) => labelColumns.map((c) => String(row[c])).join('|')));
      expect(series).toHaveLength(distinct.size);
      for (const field of series) {
        expect(Object.keys(field.labels ?? {}).sort()).toEqual([...labelColumns].sort());
      }
    }

    if (use.kind === 'variable') {
      // Options through the datasource's variable support: __text / __value of every row.
      const ds = dataSource(settings(), { registry, variables: drillDownAll() });
      const response = await variableOptions(ds, use);
      expect(response.data).toEqual(rows.map((row) => ({ text: String(row.__text), value: String(row.__value) })));
    }

    if (use.kind === 'annotation') {
      // Events through the datasource's annotation support: every row with its time, title, text and tags.
      const ds = dataSource(settings(), { registry, variables: drillDownAll() });
      const annotation = use.annotation as AnnotationQuery<MemgraphQuery>;
      const query = ds.annotations!.prepareQuery!(annotation)!;
      const events = await lastValueFrom(
        ds.annotations!.processEvents!(annotation, (await runQuery(ds, [query])).data)!
      );
      expect(events).toHaveLength(rows.length);
      expect(rows.length).toBeGreaterThan(0);
      expect(events![0]).toMatchObject({
        time: Number(rows[0].time),
        title: rows[0].title,
        text: rows[0].text,
        tags: rows[0].tags,
      });
    }

    if (use.panel) {
      const names = frame.fields.map((f) => f.name);
      const transformed = await lastValueFrom(
        transformDataFrame((use.panel.transformations ?? []) as DataTransformerConfig[], frames)
      );
      const transformedNames = transformed.flatMap((f) => f.fields.map((field) => field.name));
      for (const name of namedFields(use)) {
        expect({
          where: use.where,
          field: name,
          present: names.includes(name) || transformedNames.includes(name),
        }).toEqual({
          where: use.where,
          field: name,
          present: true,
        });
      }
    }
  });
});

describe('the wall’s derived numbers, through Grafana’s transformers', () => {
  const wallUse = (queryId: string) =>
    uses.find((u) => u.dashboard.uid === 'opentruss-wall' && u.panel && u.source.id === queryId)!;

  it('lots awaiting approval is the SUBMITTED row of lots by status', async () => {
    const use = wallUse('lots-by-status');
    const [frame] = await lastValueFrom(
      transformDataFrame(use.panel!.transformations as DataTransformerConfig[], await run(use))
    );
    const submitted = fixtureRows(use.query.cypher!).find((row) => row.status === 'SUBMITTED')!;
    expect(frame.length).toBe(1);
    expect(values(frame, 'status')).toEqual(['SUBMITTED']);
    expect(values(frame, 'lots')).toEqual([Number(submitted.lots)]);
    expect(Number(submitted.lots)).toBeGreaterThan(0);
  });

  it('the verified-element share is Verified ÷ all elements', async () => {
    const use = wallUse('elements-by-status');
    const [frame] = await lastValueFrom(
      transformDataFrame(use.panel!.transformations as DataTransformerConfig[], await run(use))
    );
    const rows = fixtureRows(use.query.cypher!);
    const count = (status: string) => Number(rows.find((row) => row.status === status)!.elements);
    const share = count('Verified') / (count('Verified') + count('Draft'));
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(1);
    expect(frame.length).toBe(1);
    expect(values(frame, 'verified_share')[0]).toBeCloseTo(share, 12);
  });
});
