import { DEFAULT_SETTINGS, resolveSettings, settingsProblems } from './settings';

describe('settings', () => {
  it('applies defaults for everything left empty', () => {
    expect(resolveSettings({})).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({
      url: 'bolt://localhost:7687',
      maxRows: 10_000,
      queryTimeoutSeconds: 30,
      maxConnections: 4,
      timeZone: 'UTC',
    });
    expect(resolveSettings({ url: '  bolt+s://db:7687 ', maxRows: '500' as unknown as number }).maxRows).toBe(500);
    // Blank (spaces only) means the default, except that a password is taken as typed.
    expect(resolveSettings({ url: '   ', timeZone: ' ', password: '  ' })).toMatchObject({
      url: DEFAULT_SETTINGS.url,
      timeZone: 'UTC',
      password: '  ',
    });
  });

  it.each([
    [{ url: 'http://db:7687' }, 'URL scheme http:// is not supported'],
    [{ url: 'bolt+ssc://db:7687' }, 'URL scheme bolt+ssc:// trusts any certificate, which a browser cannot do'],
    [{ url: 'bolt+s://db', encryption: 'off' as const }, 'Encryption "off" contradicts the URL scheme bolt+s://'],
    [{ url: 'ws://db:7687', encryption: 'on' as const }, 'Encryption "on" contradicts the URL scheme ws://'],
    [{ timeZone: 'Mars/Olympus' }, 'Time zone "Mars/Olympus" is not a known IANA time zone'],
    [{ maxRows: 0 }, 'Maximum rows must be a number above 0 and at most 1,000,000 (got 0)'],
    [{ queryTimeoutSeconds: -5 }, 'Query timeout (seconds) must be a number above 0'],
    [{ fetchSize: Number.NaN }, 'Fetch size must be a number above 0'],
    [{ maxConnections: 1000 }, 'Maximum connections per browser must be a number above 0 and at most 100 (got 1000)'],
    [{ url: 'bolt://' }, 'URL "bolt://" has no host: write scheme://host:port'],
    [{ url: 'bolt://:7687' }, 'URL "bolt://:7687" has no host'],
    [{ url: 'bolt:// db:7687' }, 'URL "bolt:// db:7687" contains spaces'],
    [{ url: 'bolt://db:notaport' }, 'URL port "notaport" is not a number from 1 to 65535'],
    [{ url: 'bolt://db:99999' }, 'URL port "99999" is not a number from 1 to 65535'],
    [{ url: 'bolt://db:0' }, 'URL port "0" is not a number from 1 to 65535'],
    [{ url: 'bolt://viewer:secret@db:7687' }, 'URL contains a user name or password, which the driver ignores'],
    [{ url: 'wss://proxy.example/memgraph' }, 'URL path "/memgraph" is not supported: the driver connects to host:port only'],
    [{ url: 'bolt://db:7687?policy=eu' }, 'URL parameters "?policy=eu" are only accepted by the routing schemes'],
  ])('%j → %s', (jsonData, problem) => {
    expect(settingsProblems(jsonData).join(' | ')).toContain(problem);
    expect(() => resolveSettings(jsonData)).toThrow('The Memgraph datasource settings need fixing: ');
  });

  it('accepts every supported scheme and a URL without one', () => {
    for (const url of [
      'bolt://h:1',
      'bolt+s://h',
      'neo4j://h',
      'neo4j+s://h',
      'ws://h:7687',
      'wss://proxy',
      'h:7687',
      'bolt://db:7687/',
      'bolt://[::1]:7687',
      'ws://[fe80::1]',
      'neo4j://db:7687?policy=eu',
    ]) {
      expect(settingsProblems({ url })).toEqual([]);
    }
  });
});
