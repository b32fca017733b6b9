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
    ]) {
      expect(settingsProblems({ url })).toEqual([]);
    }
  });
});
