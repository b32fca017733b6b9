// Every value a result can hold, both directions, through the real neo4j-driver on TCP and on WebSocket:
// as a parameter (the driver encodes, the server decodes) and as a record (the server encodes, the driver decodes).
import neo4j, { type Driver } from 'neo4j-driver';
import { startBoltTestServer, type BoltTestServer, type BoltVersion } from '../src';
import { CHANNELS, openDriver, type Channel, normalize, recordOnlyCases, scalarCases } from '@opentruss/bolt-testing';

const { DateTime } = neo4j.types;

async function echoServer(boltVersions?: BoltVersion[]): Promise<BoltTestServer> {
  return startBoltTestServer({
    boltVersions,
    responders: [{ match: 'RETURN $value AS value', fields: ['value'], records: [[null]] }],
  });
}

async function roundTripRecord(server: BoltTestServer, driver: Driver, value: unknown): Promise<unknown> {
  server.addResponder({ match: 'RETURN $value AS value', fields: ['value'], records: [[value]] });
  const { records } = await driver.executeQuery('RETURN $value AS value', {}, { routing: neo4j.routing.READ });
  expect(records).toHaveLength(1);
  return records[0].get('value');
}

describe.each(CHANNELS)('values over %s (Bolt 5.2)', (channel: Channel) => {
  let server: BoltTestServer;
  let driver: Driver;

  beforeAll(async () => {
    server = await echoServer();
    driver = openDriver(channel, server.url);
  });

  afterAll(async () => {
    await driver.close();
    await server.stop();
  });

  it('really uses the channel under test', async () => {
    await driver.executeQuery('RETURN $value AS value', { value: 1 });
    expect(server.lastRun?.transport).toBe(channel);
    expect(server.connections.every((c) => c.transport === channel && c.boltVersion === '5.2')).toBe(true);
  });

  it.each(scalarCases)('%s arrives as a parameter exactly', async (_name, value) => {
    await driver.executeQuery('RETURN $value AS value', { value });
    expect(normalize(server.lastRun?.parameters.value)).toEqual(normalize(value));
  });

  it.each(scalarCases)('%s comes back as a record exactly', async (_name, value) => {
    expect(normalize(await roundTripRecord(server, driver, value))).toEqual(normalize(value));
  });

  it.each(recordOnlyCases)('%s comes back as a record exactly', async (_name, value, expected = value) => {
    expect(normalize(await roundTripRecord(server, driver, value))).toEqual(normalize(expected));
  });

  it('decodes a zone-id date-time sent without an offset at the instant the zone gives', async () => {
    // The driver works the offset out itself (+02:00 in Berlin summer); the server decodes the UTC instant.
    await driver.executeQuery('RETURN $value AS value', {
      value: new DateTime(2024, 7, 1, 12, 0, 0, 0, undefined, 'Europe/Berlin'),
    });
    expect(server.lastRun?.parameters.value?.toString()).toBe('2024-07-01T12:00:00+02:00[Europe/Berlin]');
  });

  it('answers a responder value without an offset with the offset of its zone', async () => {
    const value = await roundTripRecord(server, driver, new DateTime(2024, 1, 15, 8, 0, 0, 0, undefined, 'Asia/Shanghai'));
    expect(String(value)).toBe('2024-01-15T08:00:00+08:00[Asia/Shanghai]');
  });
});

describe('values over Bolt 4.4 (element ids absent, date-times as local time)', () => {
  let server: BoltTestServer;
  let driver: Driver;

  beforeAll(async () => {
    server = await echoServer(['4.4']);
    driver = openDriver('tcp', server.url);
  });

  afterAll(async () => {
    await driver.close();
    await server.stop();
  });

  it('is negotiated by neo4j-driver 6 when the server offers only 4.4', async () => {
    const { summary } = await driver.executeQuery('RETURN $value AS value', { value: 1 });
    expect(summary.server.protocolVersion?.toString()).toBe('4.4');
  });

  // Bolt 4 date-times carry local time plus offset or zone id: a zone-id value loses its computed offset.
  const withoutZoneOffsets = (value: unknown) =>
    neo4j.isDateTime(value) && value.timeZoneId
      ? new DateTime(value.year, value.month, value.day, value.hour, value.minute, value.second, value.nanosecond, undefined, value.timeZoneId)
      : value;

  it.each(scalarCases)('%s arrives as a parameter', async (_name, value) => {
    await driver.executeQuery('RETURN $value AS value', { value });
    expect(normalize(server.lastRun?.parameters.value)).toEqual(normalize(withoutZoneOffsets(value)));
  });

  it.each([...scalarCases, ...recordOnlyCases])('%s comes back as a record', async (_name, value, expected = value) => {
    expect(normalize(await roundTripRecord(server, driver, value))).toEqual(normalize(withoutZoneOffsets(expected)));
  });
});
