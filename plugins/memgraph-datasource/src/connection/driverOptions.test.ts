import { driverOptions } from './driverOptions';
import { resolveSettings } from './settings';

const options = (jsonData: Parameters<typeof resolveSettings>[0]) => driverOptions(resolveSettings(jsonData));

describe('driverOptions', () => {
  it('passes bolt URLs through and leaves encryption to the scheme (and, in a browser, the page) on auto', () => {
    const o = options({ url: 'bolt://db:7687', username: 'viewer', password: 'pw' });
    expect(o).toMatchObject({
      url: 'bolt://db:7687',
      displayUrl: 'bolt://db:7687',
      username: 'viewer',
      password: 'pw',
    });
    expect(o.config.encrypted).toBeUndefined();
    expect(options({ url: 'bolt+s://db:7687', encryption: 'auto' }).config.encrypted).toBeUndefined();
  });

  it('maps the encryption setting for schemes that do not carry it', () => {
    expect(options({ url: 'bolt://db', encryption: 'on' }).config.encrypted).toBe('ENCRYPTION_ON');
    expect(options({ url: 'bolt://db', encryption: 'off' }).config.encrypted).toBe('ENCRYPTION_OFF');
    expect(options({ url: 'neo4j+s://db', encryption: 'on' }).config.encrypted).toBeUndefined();
  });

  it('turns ws:// and wss:// into bolt:// with encryption off / on, defaulting the port like a URL would', () => {
    expect(options({ url: 'ws://db:7687' })).toMatchObject({
      url: 'bolt://db:7687',
      config: { encrypted: 'ENCRYPTION_OFF' },
    });
    expect(options({ url: 'wss://proxy.example' })).toMatchObject({
      url: 'bolt://proxy.example:443',
      config: { encrypted: 'ENCRYPTION_ON' },
    });
    expect(options({ url: 'ws://db' }).url).toBe('bolt://db:80');
  });

  it('adds bolt:// to a bare host:port', () => {
    expect(options({ url: 'db:7687' }).url).toBe('bolt://db:7687');
  });

  it('sizes the pool, timeouts and fetch size from the settings, with exact integers', () => {
    const o = options({ maxConnections: 2, connectionTimeoutSeconds: 5, queryTimeoutSeconds: 20, fetchSize: 500 });
    expect(o.config).toMatchObject({
      maxConnectionPoolSize: 2,
      connectionTimeout: 5_000,
      connectionAcquisitionTimeout: 25_000,
      fetchSize: 500,
      disableLosslessIntegers: false,
      telemetryDisabled: true,
    });
  });
});
