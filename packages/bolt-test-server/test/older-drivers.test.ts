// Temporal and spatial values from the server, decoded over TCP by today's neo4j-driver (Bolt 5.2) and by
// neo4j-driver 4.4 (Bolt 4.4, installed as the `neo4j-driver-44` alias). Memgraph sends every temporal field as a
// PackStream Integer; 4.4 cannot read a Float there, so a server that packed a plain JS number as a Float would fail here
// even though today's driver decodes it without complaint.
import neo4j, { type Driver } from 'neo4j-driver';
import neo4j44 from 'neo4j-driver-44';
import { isTemporal } from '@opentruss/bolt-protocol';
import { normalize, openDriver, scalarCases } from '@opentruss/bolt-testing';
import { startBoltTestServer, type BoltTestServer } from '../src';

const { DateTime, Duration, LocalTime, Time } = neo4j.types;
const int = neo4j.int;

const QUERY = 'RETURN $value AS value';

/** Every temporal type (fields as plain numbers, as neo4j-driver's constructors keep them), points, and Integer fields. */
const cases: Array<[string, unknown]> = [
  ...scalarCases.filter(([, value]) => isTemporal(value) || neo4j.isPoint(value)),
  ['duration with Integer fields', new Duration(int(1), int(2), int(3), int(4))],
  ['local time with Integer fields', new LocalTime(int(23), int(0), int(1), int(999))],
  ['time with a negative offset', new Time(6, 30, 0, 0, -(9 * 3600 + 1800))],
  ['date-time from a JS Date', DateTime.fromStandardDate(new Date(Date.UTC(2024, 4, 1, 2, 3, 4, 5)))],
];

// Bolt 4 date-times carry local time plus offset or zone id: a zone-id value loses its computed offset.
const withoutZoneOffsets = (value: unknown) =>
  neo4j.isDateTime(value) && value.timeZoneId
    ? new DateTime(value.year, value.month, value.day, value.hour, value.minute, value.second, value.nanosecond, undefined, value.timeZoneId)
    : value;

let server: BoltTestServer;

beforeAll(async () => {
  server = await startBoltTestServer({ responders: [] });
});

afterAll(async () => {
  await server.stop();
});

function answerWith(value: unknown): void {
  server.addResponder({ match: QUERY, fields: ['value'], records: [[value]] });
}

it('offers each driver its own Bolt version over TCP', async () => {
  const current = openDriver('tcp', server.url);
  const old = neo4j44.driver(server.url, neo4j44.auth.basic('tester', 'secret'));
  try {
    answerWith(null);
    await current.executeQuery(QUERY);
    expect(server.lastRun?.transport).toBe('tcp');
    const session = old.session({ defaultAccessMode: neo4j44.session.READ });
    try {
      await session.run(QUERY);
    } finally {
      await session.close();
    }
    expect(server.connections.map((c) => c.boltVersion).sort()).toEqual(['4.4', '5.2']);
  } finally {
    await Promise.all([current.close(), old.close()]);
  }
});

describe('neo4j-driver 6 (Bolt 5.2)', () => {
  let driver: Driver;
  beforeAll(() => {
    driver = openDriver('tcp', server.url);
  });
  afterAll(async () => {
    await driver.close();
  });

  it.each(cases)('decodes %s exactly', async (_name, value) => {
    answerWith(value);
    const { records } = await driver.executeQuery(QUERY, {}, { routing: neo4j.routing.READ });
    expect(normalize(records[0].get('value'))).toEqual(normalize(value));
  });
});

describe('neo4j-driver 4.4 (Bolt 4.4)', () => {
  let driver: ReturnType<typeof neo4j44.driver>;
  beforeAll(() => {
    driver = neo4j44.driver(server.url, neo4j44.auth.basic('tester', 'secret'));
  });
  afterAll(async () => {
    await driver.close();
  });

  it.each(cases)('decodes %s exactly', async (_name, value) => {
    answerWith(value);
    const session = driver.session({ defaultAccessMode: neo4j44.session.READ });
    try {
      const { records } = await session.run(QUERY);
      expect(records).toHaveLength(1);
      const decoded = records[0].get('value');
      expect(normalize(decoded)).toEqual(normalize(withoutZoneOffsets(value)));
    } finally {
      await session.close();
    }
  });
});
