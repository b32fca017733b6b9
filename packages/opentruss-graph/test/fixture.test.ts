import { type BoltTestServer, loadFixtureFile, parseJolt, startBoltTestServer } from '@opentruss/bolt-test-server';
import fs from 'node:fs';
import neo4j, { type Driver } from 'neo4j-driver';
import { QUERY_CATALOGUE } from '../src';
import { DEMO_FIXTURE_PATH, buildDemoFixture, serializeFixture } from '../scripts/demo-fixture';
import { plain, smallGraph } from './helpers';

const { entries, context } = buildDemoFixture();

describe('bundled OpenTruss fixture', () => {
  it('is current: regenerate with `npm run generate -w packages/opentruss-graph`', () => {
    const committed = fs.readFileSync(DEMO_FIXTURE_PATH, 'utf8');
    expect(committed === serializeFixture(entries)).toBe(true);
  });

  it('answers every catalogue query by its macro-expanded text, with the reference rows', () => {
    const responders = loadFixtureFile(DEMO_FIXTURE_PATH);
    expect(responders.map((r) => r.name)).toEqual(QUERY_CATALOGUE.map((q) => q.id));
    for (const query of QUERY_CATALOGUE) {
      const entry = entries.find((e) => e.name === query.id)!;
      expect(entry.match).not.toMatch(/\$__(timeFilter|timeGroup|epochMs)/);
      const rows = entry.records.map((row) => parseJolt(row));
      expect(plain(rows)).toEqual(plain(query.evaluate(smallGraph(), context)));
    }
  });
});

describe('bundled fixture served by the Bolt test server to the real neo4j-driver', () => {
  let server: BoltTestServer;
  let driver: Driver;

  beforeAll(async () => {
    server = await startBoltTestServer({ port: 0, fixtureFiles: [DEMO_FIXTURE_PATH] });
    driver = neo4j.driver(server.url, neo4j.auth.basic('grafana', 'secret'));
  });

  afterAll(async () => {
    await driver?.close();
    await server?.stop();
  });

  it.each(QUERY_CATALOGUE.map((query) => [query.id, query] as const))('%s', async (_id, query) => {
    const entry = entries.find((e) => e.name === query.id)!;
    const parameters = {
      __from: neo4j.int(context.from),
      __to: neo4j.int(context.to),
      __interval_ms: neo4j.int(context.intervalMs),
      ...Object.fromEntries(query.variables.map((name) => [name, context.variables[name]])),
    };
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.executeRead((tx) => tx.run(entry.match, parameters));
      expect(result.records.map((record) => record.keys)).toEqual(result.records.map(() => entry.fields));
      expect(plain(result.records.map((record) => record.map((value) => value)))).toEqual(
        plain(query.evaluate(smallGraph(), context))
      );
    } finally {
      await session.close();
    }
    expect(server.lastRun?.query).toBe(entry.match);
    expect(plain(server.lastRun?.parameters)).toEqual(plain(parameters));
  });
});
