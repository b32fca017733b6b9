/** @jest-environment node */
import '../testing/grafanaInNode';

import { dateTime } from '@grafana/data';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import neo4j from 'neo4j-driver';
import React from 'react';
import { lastValueFrom } from 'rxjs';

import { PROBE_QUERY, VERSION_QUERY } from '../health/healthCheck';
import { INDEX_INFO_QUERY } from '../health/indexAdvisor';
import { SCHEMA_QUERIES } from '../schema/schemaQueries';
import { startBoltTestServerForSuite } from '../testing/boltTestServerSuite';
import { dataSource, queryRequest } from '../testing/harness';
import { ConfigEditor } from './ConfigEditor/ConfigEditor';
import { cypherCompletionProvider, attachQueryContext, registerCypherLanguage } from './cypher/monacoCypher';
import type { MemgraphVariableSupport } from '../variables/variableSupport';
import { TEST_IDS } from './testIds';

const int = neo4j.int;
const suite = startBoltTestServerForSuite();
const registry = suite.registry;
const settings = () => ({ url: suite.server.url });

function serveSchemaProcedures() {
  suite.server.addResponder({
    match: SCHEMA_QUERIES.nodeTypeProperties,
    fields: ['nodeLabels', 'propertyName'],
    records: [
      [['InspectionLot'], 'status'],
      [['InspectionLot'], 'created_at'],
      [['Element'], 'level_id'],
      [['Level'], ''],
    ],
  });
  suite.server.addResponder({
    match: SCHEMA_QUERIES.relTypeProperties,
    fields: ['relType', 'propertyName'],
    records: [
      [':`HAS_LOT`', ''],
      [':`LOCATED_AT`', 'since'],
    ],
  });
  suite.server.addResponder({ match: SCHEMA_QUERIES.functions, fields: ['name'], records: [['date.format']] });
}

describe('schema read from Memgraph', () => {
  it('reads labels, relationship types and property keys with the schema procedures in a READ transaction', async () => {
    serveSchemaProcedures();
    const schema = await dataSource(settings(), { registry }).schema.get();
    expect(schema).toMatchObject({
      labels: ['Element', 'InspectionLot', 'Level'],
      relationshipTypes: ['HAS_LOT', 'LOCATED_AT'],
      propertyKeys: ['created_at', 'level_id', 'since', 'status'],
      functions: ['date.format'],
    });
    const run = suite.server.runs.find((r) => r.query === SCHEMA_QUERIES.nodeTypeProperties)!;
    expect(run.extra.mode).toBe('r');
  });

  it('falls back to SHOW … INFO (auto-commit) and sampled scans when the procedures fail, and says so', async () => {
    const unsupported = { code: 'Memgraph.ClientError.MemgraphError.MemgraphError', message: 'Unsupported type' };
    suite.server.addResponder({ match: SCHEMA_QUERIES.nodeTypeProperties, failure: unsupported });
    suite.server.addResponder({ match: SCHEMA_QUERIES.relTypeProperties, failure: unsupported });
    suite.server.addResponder({ match: SCHEMA_QUERIES.nodeLabelsInfo, fields: ['node labels'], records: [['Project'], ['Building']] });
    suite.server.addResponder({
      match: SCHEMA_QUERIES.edgeTypesInfo,
      failure: { code: 'Memgraph.ClientError.MemgraphError.MemgraphError', message: 'The metadata collection for edge-types is disabled.' },
    });
    suite.server.addResponder({ match: SCHEMA_QUERIES.sampledRelationshipTypes, fields: ['type'], records: [['PHYSICALLY_CONTAINS']] });
    suite.server.addResponder({ match: SCHEMA_QUERIES.sampledNodePropertyKeys, fields: ['key'], records: [['id'], ['name']] });
    suite.server.addResponder({ match: SCHEMA_QUERIES.sampledRelationshipPropertyKeys, fields: ['key'], records: [] });
    const schema = await dataSource(settings(), { registry }).schema.get();
    expect(schema).toMatchObject({
      labels: ['Building', 'Project'],
      relationshipTypes: ['PHYSICALLY_CONTAINS'],
      propertyKeys: ['id', 'name'],
      functions: [],
    });
    expect(schema.notes[0]).toMatch(/^Labels: SHOW NODE_LABELS INFO \(schema\.node_type_properties\(\) failed: .*Unsupported type/);
    expect(schema.notes[1]).toMatch(/^Relationship types: a sample of 10,000 relationships .*metadata collection for edge-types is disabled/);
    expect(suite.server.runs.find((r) => r.query === SCHEMA_QUERIES.nodeLabelsInfo)!.explicitTransaction).toBe(false);
  });

  it('is cached per datasource and read again on refresh', async () => {
    serveSchemaProcedures();
    const ds = dataSource(settings(), { registry });
    const before = suite.server.runs.filter((r) => r.query === SCHEMA_QUERIES.nodeTypeProperties).length;
    const reads = () => suite.server.runs.filter((r) => r.query === SCHEMA_QUERIES.nodeTypeProperties).length - before;
    await ds.schema.get();
    await ds.schema.get();
    expect(reads()).toBe(1);
    suite.server.addResponder({ match: SCHEMA_QUERIES.nodeTypeProperties, fields: ['nodeLabels', 'propertyName'], records: [[['Project'], 'id']] });
    expect((await ds.schema.refresh()).labels).toEqual(['Project']);
    expect(reads()).toBe(2);
  });
});

describe('completion in a Monaco model, from the schema served over Bolt', () => {
  it('offers the labels and property keys Memgraph reported, and the dashboard variables', async () => {
    serveSchemaProcedures();
    const ds = dataSource(settings(), { registry, variables: [{ name: 'project', current: 'P-1' }] });
    const schema = await ds.schema.get();
    const monaco = await import('monaco-editor/esm/vs/editor/editor.api');
    registerCypherLanguage(monaco as never);
    const provider = cypherCompletionProvider(monaco as never);
    const suggest = async (text: string) => {
      const model = monaco.editor.createModel(text, 'opentruss-cypher');
      const detach = attachQueryContext(model as never, () => ({ variables: ['project'], schema }));
      const position = model.getPositionAt(text.length);
      const result = await provider.provideCompletionItems(model as never, position as never, {} as never, {} as never);
      detach();
      model.dispose();
      return result!.suggestions.map((s) => ({ label: s.label, text: s.insertText, range: s.range }));
    };
    expect((await suggest('MATCH (l:')).map((s) => s.label)).toEqual(['Element', 'InspectionLot', 'Level']);
    expect((await suggest('MATCH (l:InspectionLot) WHERE l.')).map((s) => s.label)).toEqual(['created_at', 'level_id', 'since', 'status']);
    const dollar = await suggest('MATCH (p) WHERE p.id IN $');
    expect(dollar).toEqual(expect.arrayContaining([expect.objectContaining({ label: '$project', text: '$project' })]));
    // the lone `$` is replaced, not doubled
    expect(dollar.find((s) => s.label === '$project')!.range).toMatchObject({ startColumn: 25, endColumn: 26 });
  });
});

describe('variables through CustomVariableSupport', () => {
  const variableQuery = (ds: ReturnType<typeof dataSource>, cypher: string) =>
    lastValueFrom((ds.variables as MemgraphVariableSupport).query({ ...queryRequest([{ cypher }]), targets: [{ refId: 'variable', cypher }] } as never));

  it('uses __text / __value columns and binds the time range and other variables as parameters', async () => {
    const cypher = 'MATCH (p:Project)-[:PHYSICALLY_CONTAINS]->(b:Building) WHERE p.id IN $project AND b.created_at < $__to RETURN b.name AS __text, b.id AS __value';
    suite.server.addResponder({
      match: cypher,
      fields: ['__text', '__value'],
      records: [
        ['Tower A', 'b-1'],
        ['Tower B', 'b-2'],
        ['Tower A again', 'b-1'],
      ],
    });
    const ds = dataSource(settings(), { registry, variables: [{ name: 'project', current: ['p-1', 'p-2'] }] });
    const response = await variableQuery(ds, cypher);
    expect(response.data).toEqual([
      { text: 'Tower A', value: 'b-1' },
      { text: 'Tower B', value: 'b-2' },
    ]);
    expect(suite.server.lastRun!.query).toBe(cypher);
    expect(suite.server.lastRun!.parameters).toMatchObject({ project: ['p-1', 'p-2'], __to: int(queryRequest([]).range.to.valueOf()) });
  });

  it('uses text / value columns too (Grafana’s generic convention), and __text / __value over them', async () => {
    const cypher = 'MATCH (l:InspectionLot) RETURN l.status AS Text, l.id AS value, l.code AS other';
    suite.server.addResponder({
      match: cypher,
      fields: ['other', 'Text', 'value'],
      records: [
        ['x', 'Approved', 'lot-1'],
        ['y', null, 'lot-2'],
      ],
    });
    const ds = dataSource(settings(), { registry });
    expect((await variableQuery(ds, cypher)).data).toEqual([
      { text: 'Approved', value: 'lot-1' },
      { text: 'lot-2', value: 'lot-2' },
    ]);
    const both = 'MATCH (l:InspectionLot) RETURN l.name AS text, l.id AS value, l.label AS __text';
    suite.server.addResponder({ match: both, fields: ['text', 'value', '__text'], records: [['name', 'lot-1', 'label']] });
    expect((await variableQuery(ds, both)).data).toEqual([{ text: 'label', value: 'lot-1' }]);
    const valueOnly = 'MATCH (l:InspectionLot) RETURN l.code AS code, l.id AS value';
    suite.server.addResponder({ match: valueOnly, fields: ['code', 'value'], records: [['c-1', 'lot-1']] });
    expect((await variableQuery(ds, valueOnly)).data).toEqual([{ text: 'lot-1', value: 'lot-1' }]);
  });

  it('uses the first column otherwise, numbers as text, and reports Memgraph errors', async () => {
    suite.server.addResponder({ match: 'MATCH (l:Level) RETURN l.number, l.name', fields: ['l.number', 'l.name'], records: [[int(1), 'B1'], [int(2), 'F1'], [null, 'x']] });
    const ds = dataSource(settings(), { registry });
    expect((await variableQuery(ds, 'MATCH (l:Level) RETURN l.number, l.name')).data).toEqual([
      { text: '1', value: '1' },
      { text: '2', value: '2' },
    ]);
    suite.server.addResponder({ match: 'RETURN nope()', failure: { code: 'Memgraph.ClientError.MemgraphError.MemgraphError', message: "Function 'nope' doesn't exist." } });
    const failed = await variableQuery(ds, 'RETURN nope()');
    expect(failed.errors?.[0].message).toContain("Memgraph rejected the query: Function 'nope' doesn't exist.");
  });
});

describe('annotations through the annotations object', () => {
  it('turns approval history rows into events (time, region, title, text, tags)', async () => {
    const cypher = "MATCH (h:ApprovalHistory) WHERE $__timeFilter(h.created_at) RETURN h.created_at AS time, h.action AS title, h.user_id AS text, ['opentruss', toLower(h.action)] AS tags";
    const ds = dataSource(settings(), { registry });
    const annotations = ds.annotations!;
    const annotation = annotations.prepareAnnotation!({ name: 'Approvals', enable: true, iconColor: 'red', query: cypher });
    const target = annotations.prepareQuery!(annotation)!;
    expect(target).toMatchObject({ cypher, format: 'table' });
    const { LocalDateTime } = neo4j.types;
    suite.server.addResponder({
      match: (query) => query.includes('h.action AS title'),
      fields: ['time', 'title', 'text', 'tags'],
      records: [
        [new LocalDateTime(int(2024), int(5), int(2), int(8), int(30), int(0), int(0)), 'APPROVE', 'u-7', ['opentruss', 'approve']],
        [Date.UTC(2024, 4, 3), 'REJECT', null, 'opentruss, reject'],
      ].map(([time, ...rest]) => [typeof time === 'number' ? int(time) : time, ...rest]),
    });
    const response = await lastValueFrom(ds.query({ ...queryRequest([]), targets: [target], range: { from: dateTime(0), to: dateTime(Date.UTC(2025, 0, 1)), raw: { from: '0', to: 'now' } } }));
    const events = await lastValueFrom(annotations.processEvents!(annotation, response.data));
    expect(events).toEqual([
      { time: Date.UTC(2024, 4, 2, 8, 30), title: 'APPROVE', text: 'u-7', tags: ['opentruss', 'approve'] },
      { time: Date.UTC(2024, 4, 3), title: 'REJECT', tags: ['opentruss', 'reject'] },
    ]);
    // A null text (or title) is left out, never `text: undefined`.
    expect(Object.keys(events![1])).toEqual(['time', 'title', 'tags']);
    expect(suite.server.lastRun!.parameters).toMatchObject({ __from: int(0), __to: int(Date.UTC(2025, 0, 1)) });
  });
});

describe('config editor: check server and indexes', () => {
  it('shows the server reached and each missing index with its CREATE INDEX statement', async () => {
    suite.server.addResponder({ match: PROBE_QUERY, fields: ['ok'], records: [[int(1)]] });
    suite.server.addResponder({ match: VERSION_QUERY, fields: ['version'], records: [['3.2.1']] });
    suite.server.addResponder({
      match: INDEX_INFO_QUERY,
      fields: ['index type', 'label', 'property', 'count'],
      records: [['label+property', 'Element', ['id'], int(10)]],
    });
    const options = { uid: 'ds-1', type: 'opentruss-memgraph-datasource', typeName: 'Memgraph', jsonData: settings(), secureJsonFields: {} };
    render(<ConfigEditor options={options as never} onOptionsChange={() => undefined} />);
    fireEvent.click(screen.getByTestId(TEST_IDS.checkServer));
    await waitFor(() => expect(screen.getByTestId(TEST_IDS.serverReport)).toBeTruthy(), { timeout: 10_000 });
    expect(screen.getByTestId(TEST_IDS.serverReport).textContent).toContain('Connected to Memgraph 3.2.1');
    expect(screen.getAllByTestId(TEST_IDS.indexStatement).map((e) => e.textContent)).toEqual([
      'CREATE INDEX ON :Element(level_id);',
      'CREATE INDEX ON :Element(inspection_lot_id);',
      'CREATE INDEX ON :InspectionLot(status);',
    ]);
  });
});
