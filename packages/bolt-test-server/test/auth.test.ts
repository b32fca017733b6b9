// Authentication as Memgraph does it: configured users, or any credentials when none are configured.
import { startBoltTestServer, type BoltTestServer } from '../src';
import { CHANNELS, openDriver, type Channel } from '@opentruss/bolt-testing';

const QUERY = 'RETURN 1 AS one';
const responders = [{ match: QUERY, fields: ['one'], records: [[1.5]] }];

describe.each(CHANNELS)('auth over %s', (channel: Channel) => {
  describe('with users configured', () => {
    let server: BoltTestServer;

    beforeAll(async () => {
      server = await startBoltTestServer({ users: { grafana: 's3cret', 施工: '密码' }, responders });
    });

    afterAll(async () => {
      await server.stop();
    });

    it('lets the right user in and records who it is', async () => {
      const driver = openDriver(channel, server.url, 'grafana', 's3cret');
      try {
        const { records } = await driver.executeQuery(QUERY);
        expect(records[0].get('one')).toBe(1.5);
        const connection = server.connections.find((c) => c.connectionId === server.lastRun?.connectionId);
        expect(connection).toMatchObject({ principal: 'grafana', transport: channel, boltVersion: '5.2' });
      } finally {
        await driver.close();
      }
    });

    it('accepts a user name and password in Chinese', async () => {
      const driver = openDriver(channel, server.url, '施工', '密码');
      try {
        await expect(driver.executeQuery(QUERY)).resolves.toBeDefined();
      } finally {
        await driver.close();
      }
    });

    it('answers a wrong password with Unauthenticated and closes the connection', async () => {
      const before = server.stats().totalConnections;
      const driver = openDriver(channel, server.url, 'grafana', 'wrong');
      try {
        await expect(driver.executeQuery(QUERY)).rejects.toMatchObject({
          code: 'Memgraph.ClientError.Security.Unauthenticated',
          message: expect.stringContaining('Authentication failure'),
        });
      } finally {
        await driver.close();
      }
      const attempts = server.connections.slice(before);
      expect(attempts.length).toBeGreaterThanOrEqual(1);
      await server.waitFor(() => attempts.every((c) => !c.open));
      expect(attempts.map((c) => c.closeReason)).toContain('authentication failure');
      expect(server.runs.filter((r) => attempts.some((c) => c.connectionId === r.connectionId))).toEqual([]);
    });

    it('rejects an unknown user', async () => {
      const driver = openDriver(channel, server.url, 'intruder', 's3cret');
      try {
        await expect(driver.executeQuery(QUERY)).rejects.toMatchObject({ code: 'Memgraph.ClientError.Security.Unauthenticated' });
      } finally {
        await driver.close();
      }
    });

    it('never records the password', async () => {
      const logons = server.messages.filter((m) => m.type === 'LOGON');
      expect(logons.length).toBeGreaterThan(0);
      expect(JSON.stringify(logons)).not.toMatch(/s3cret|wrong|密码/);
      expect(logons[0].fields[0]).toMatchObject({ scheme: 'basic', credentials: '******' });
    });
  });

  describe('without users configured', () => {
    let server: BoltTestServer;

    beforeAll(async () => {
      server = await startBoltTestServer({ responders });
    });

    afterAll(async () => {
      await server.stop();
    });

    it.each([
      ['any user and password', 'someone', 'anything'],
      ['empty credentials', '', ''],
    ])('accepts %s, like Memgraph without users', async (_name, user, password) => {
      const driver = openDriver(channel, server.url, user, password);
      try {
        const { records } = await driver.executeQuery(QUERY);
        expect(records).toHaveLength(1);
      } finally {
        await driver.close();
      }
    });
  });
});

describe('auth on Bolt 4.4 (credentials in HELLO)', () => {
  let server: BoltTestServer;

  beforeAll(async () => {
    server = await startBoltTestServer({ users: { grafana: 's3cret' }, responders, boltVersions: ['4.4'] });
  });

  afterAll(async () => {
    await server.stop();
  });

  it('authenticates in HELLO and masks the credentials there', async () => {
    const driver = openDriver('tcp', server.url, 'grafana', 's3cret');
    try {
      await driver.executeQuery(QUERY);
    } finally {
      await driver.close();
    }
    const hello = server.messages.find((m) => m.type === 'HELLO');
    expect(hello?.fields[0]).toMatchObject({ principal: 'grafana', credentials: '******' });
    expect(server.messages.some((m) => m.type === 'LOGON')).toBe(false);
  });

  it('rejects a wrong password', async () => {
    const driver = openDriver('tcp', server.url, 'grafana', 'nope');
    try {
      await expect(driver.executeQuery(QUERY)).rejects.toMatchObject({ code: 'Memgraph.ClientError.Security.Unauthenticated' });
    } finally {
      await driver.close();
    }
  });
});
