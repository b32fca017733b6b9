/** @jest-environment node */
import './testing/grafanaInNode';

import type { CustomVariableSupport, DataSourceApi } from '@grafana/data';
import type { MemgraphQuery } from '@opentruss/contract';
import neo4j from 'neo4j-driver';
import { lastValueFrom } from 'rxjs';

import { createDriver } from './connection/driverOptions';
import { DriverRegistry } from './connection/driverRegistry';
import { PROBE_QUERY } from './health/healthCheck';
import { startBoltTestServerForSuite } from './testing/boltTestServerSuite';
import { dataSource, queryRequest, runQuery } from './testing/harness';

const int = neo4j.int;
const suite = startBoltTestServerForSuite();

type Variables = CustomVariableSupport<DataSourceApi<MemgraphQuery>, MemgraphQuery>;
const variableOptions = (ds: ReturnType<typeof dataSource>, cypher: string) =>
  lastValueFrom((ds.variables as Variables).query(queryRequest([{ refId: 'variable', cypher }])));

describe('every entry point of a datasource goes through its one connection', () => {
  it('reports one settings error identically from a panel, a variable, Save & test and the schema', async () => {
    const expected =
      'The Memgraph datasource settings need fixing: URL scheme http:// is not supported: use bolt://, bolt+s://, ' +
      'neo4j://, neo4j+s://, ws:// or wss://.';
    const ds = dataSource({ url: 'http://db:7687' }, { registry: suite.registry });

    const panel = await runQuery(ds, [{ cypher: 'RETURN 1 AS one' }]);
    const variable = await variableOptions(ds, 'RETURN 1 AS one');
    const health = await ds.testDatasource();
    const schema = await ds.schema.get();

    expect(panel).toEqual({ data: [], errors: [{ refId: 'A', message: expected }] });
    expect(variable).toEqual({ data: [], errors: [{ refId: 'variable', message: expected }] });
    expect(health).toEqual({ status: 'error', message: expected });
    // The schema reader never rejects: each part it could not read names the error.
    expect(schema.labels).toEqual([]);
    expect(schema.notes[0]).toContain(`schema.node_type_properties() failed: ${expected}`);
  });

  it('shares one driver and its pooled connection between panels, the schema reader and Save & test', async () => {
    suite.server.addResponder({ match: 'RETURN 7 AS seven', fields: ['seven'], records: [[int(7)]] });
    suite.server.addResponder({ match: PROBE_QUERY, fields: ['ok'], records: [[int(1)]] });
    let driversBuilt = 0;
    const registry = new DriverRegistry((options) => {
      driversBuilt++;
      return createDriver(options);
    });
    try {
      const ds = dataSource({ url: suite.server.url, maxConnections: 1 }, { registry });
      const runsBefore = suite.server.runs.length;

      expect((await runQuery(ds, [{ cypher: 'RETURN 7 AS seven', format: 'table' }])).errors).toBeUndefined();
      await ds.schema.get();
      expect((await ds.testDatasource()).status).not.toBe('error');

      expect(driversBuilt).toBe(1);
      const runs = suite.server.runs.slice(runsBefore);
      expect(runs.map((run) => run.query)).toEqual(expect.arrayContaining(['RETURN 7 AS seven', PROBE_QUERY]));
      expect(new Set(runs.map((run) => run.connectionId)).size).toBe(1);
    } finally {
      await registry.closeAll();
    }
  });

  it('runs a variable query as an ordinary request through DataSource.query', async () => {
    const cypher = 'MATCH (p:Project) RETURN p.id AS __value, p.name AS __text';
    suite.server.addResponder({ match: cypher, fields: ['__value', '__text'], records: [['p-1', 'Tower']] });
    const ds = dataSource({ url: suite.server.url }, { registry: suite.registry });
    const query = jest.spyOn(ds, 'query');

    const response = await variableOptions(ds, cypher);

    expect(response).toEqual({ data: [{ text: 'Tower', value: 'p-1' }] });
    expect(query).toHaveBeenCalledTimes(1);
    expect(query.mock.calls[0][0].targets).toEqual([{ refId: 'variable', cypher, format: 'table' }]);
    expect(query.mock.calls[0][0].range).toBeDefined();
  });
});
