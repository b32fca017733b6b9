/** @jest-environment node */
import '../testing/grafanaInNode';

import neo4j from 'neo4j-driver';

import { startBoltTestServerForSuite } from '../testing/boltTestServerSuite';
import { dataSource } from '../testing/harness';
import { INDEX_INFO_QUERY } from './indexAdvisor';
import { PROBE_QUERY, VERSION_QUERY } from './healthCheck';

const int = neo4j.int;
const INDEX_FIELDS = ['index type', 'label', 'property', 'count'];

const suite = startBoltTestServerForSuite({ users: { viewer: 'secret' } });
const registry = suite.registry;

beforeEach(() => suite.server.addResponder({ match: PROBE_QUERY, fields: ['ok'], records: [[int(1)]] }));

const viewer = () => ({ url: suite.server.url, username: 'viewer', password: 'secret' });
const address = () => suite.server.url.replace('bolt://', '');

describe('Save & test', () => {
  it('reports the server reached and that every recommended index exists', async () => {
    suite.server.addResponder({ match: VERSION_QUERY, fields: ['version'], records: [['3.2.1']] });
    suite.server.addResponder({
      match: INDEX_INFO_QUERY,
      fields: INDEX_FIELDS,
      records: [
        ['label+property', 'Element', ['id'], int(100)],
        ['label+property', 'Element', ['level_id'], int(100)],
        ['label+property', 'Element', ['inspection_lot_id'], int(100)],
        ['label+property', 'InspectionLot', ['status'], int(10)],
      ],
    });
    const report = await dataSource(viewer(), { registry }).testDatasource();
    expect(report).toEqual({
      status: 'success',
      message: `Connected to Memgraph 3.2.1 at ${address()} (Bolt 5.2) as "viewer"; a test read succeeded. All recommended indexes exist.`,
      details: {
        server: {
          address: address(),
          agent: expect.stringContaining('Memgraph'),
          version: '3.2.1',
          protocolVersion: '5.2',
        },
      },
    });
    const probe = suite.server.runs.find((r) => r.query === PROBE_QUERY)!;
    expect(probe).toMatchObject({ explicitTransaction: true });
    expect(probe.extra.mode).toBe('r');
    // SHOW queries are refused inside explicit transactions: they must run auto-commit.
    expect(
      suite.server.runs.filter((r) => r.query.startsWith('SHOW')).map((r) => [r.query, r.explicitTransaction])
    ).toEqual([
      [VERSION_QUERY, false],
      [INDEX_INFO_QUERY, false],
    ]);
  });

  it('warns with the exact CREATE INDEX statements for missing recommended indexes', async () => {
    suite.server.addResponder({ match: VERSION_QUERY, fields: ['version'], records: [['2.21.0']] });
    suite.server.addResponder({
      match: INDEX_INFO_QUERY,
      fields: INDEX_FIELDS,
      records: [['label+property', 'Element', 'id', int(100)]], // before 3.2 `property` was a string
    });
    const report = await dataSource(viewer(), { registry }).testDatasource();
    expect(report.status).toBe('warning');
    expect(report.message).toContain('Connected to Memgraph 2.21.0');
    expect(report.message).toContain(
      'Missing 3 indexes the OpenTruss ops manual recommends: :Element(level_id), :Element(inspection_lot_id), :InspectionLot(status).'
    );
    expect(report.details?.verboseMessage).toBe(
      'CREATE INDEX ON :Element(level_id);\nCREATE INDEX ON :Element(inspection_lot_id);\nCREATE INDEX ON :InspectionLot(status);'
    );
    expect(report.details?.missingIndexStatements).toHaveLength(3);
  });

  it('still reports the server when SHOW VERSION is not available, and warns when indexes cannot be read', async () => {
    suite.server.addResponder({
      match: VERSION_QUERY,
      failure: { code: 'Memgraph.ClientError.MemgraphError.MemgraphError', message: 'no' },
    });
    suite.server.addResponder({
      match: INDEX_INFO_QUERY,
      failure: {
        code: 'Memgraph.ClientError.MemgraphError.MemgraphError',
        message: 'You are not authorized to execute this query!',
      },
    });
    const report = await dataSource(viewer(), { registry }).testDatasource();
    expect(report.status).toBe('warning');
    expect(report.message).toMatch(/^Connected to Neo4j\/v5\.11\.0 compatible graph database server - Memgraph at /);
    expect(report.message).toContain(
      'The index check could not read SHOW INDEX INFO: Memgraph rejected the query: You are not authorized to execute this query!'
    );
  });

  it('fails with the reason when the credentials are wrong', async () => {
    const report = await dataSource({ ...viewer(), password: 'nope' }, { registry }).testDatasource();
    expect(report.status).toBe('error');
    expect(report.message).toContain('Memgraph refused the credentials of user "viewer"');
  });

  it('a server that went away: the actionable message, the driver’s own text under the details', async () => {
    const url = suite.server.url;
    suite.server.setSilent(true);
    try {
      // Silent over TCP: the socket opens, the Bolt handshake is never answered; stop() then drops it.
      const pending = dataSource({ url, queryTimeoutSeconds: 1 }, { registry }).testDatasource();
      await suite.server.waitFor((s) => s.stats().unansweredConnections > 0);
      await suite.server.restart();
      const report = await pending;
      expect(report.status).toBe('error');
      expect(report.message).toMatch(
        new RegExp(
          `^(Cannot reach Memgraph at ${url.replace(/\./g, '\\.')}\\. The browser|The connection to Memgraph at)`
        )
      );
      expect(report.details?.verboseMessage).toEqual(expect.any(String));
      expect(report.message).not.toContain(report.details!.verboseMessage!);
    } finally {
      suite.server.setSilent(false);
    }
  });

  it('fails with the settings problems before connecting', async () => {
    const report = await dataSource({ url: 'http://db:7687', maxRows: -1 }, { registry }).testDatasource();
    expect(report).toEqual({
      status: 'error',
      message:
        'The Memgraph datasource settings need fixing: URL scheme http:// is not supported: use bolt://, bolt+s://, ' +
        'neo4j://, neo4j+s://, ws:// or wss://; Maximum rows must be a number above 0 and at most 1,000,000 (got -1).',
    });
  });
});
