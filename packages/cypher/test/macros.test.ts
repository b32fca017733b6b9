import { CypherTextError, epochMsOf, expandMacros, parseIntervalMs, TIME_STRING_PATTERNS, tokenize } from '../src';

const E = (x: string) => epochMsOf(x);

describe('expandMacros', () => {
  it('expands $__epochMs into a CASE over valueType that only uses the expression and Memgraph functions', () => {
    expect(expandMacros('RETURN $__epochMs(n.created_at) AS t')).toBe(
      'RETURN ' +
        "(CASE valueType(n.created_at) WHEN 'INTEGER' THEN n.created_at WHEN 'FLOAT' THEN toInteger(n.created_at)" +
        " WHEN 'LOCAL_DATE_TIME' THEN timestamp(n.created_at) / 1000" +
        " WHEN 'ZONED_DATE_TIME' THEN timestamp(n.created_at) / 1000" +
        " WHEN 'DATE' THEN timestamp(datetime({year: n.created_at.year, month: n.created_at.month," +
        ' day: n.created_at.day, timezone: $__datasource_timezone})) / 1000' +
        ` WHEN 'STRING' THEN CASE WHEN (n.created_at =~ '${TIME_STRING_PATTERNS.zoned}') THEN timestamp(datetime(n.created_at)) / 1000` +
        ` WHEN (n.created_at =~ '${TIME_STRING_PATTERNS.local}') THEN timestamp(localDateTime(n.created_at)) / 1000` +
        ` WHEN (n.created_at =~ '${TIME_STRING_PATTERNS.date}') THEN timestamp(datetime({year: date(n.created_at).year,` +
        ' month: date(n.created_at).month, day: date(n.created_at).day, timezone: $__datasource_timezone})) / 1000' +
        ' END END)' +
        ' AS t'
    );
  });

  it('expands $__timeFilter into an inclusive comparison with the integer range parameters', () => {
    expect(expandMacros('WHERE $__timeFilter(h.created_at)')).toBe(
      `WHERE (${E('h.created_at')} >= $__from AND ${E('h.created_at')} <= $__to)`
    );
  });

  it.each([
    ["'5m'", '300000'],
    ['"1h"', '3600000'],
    ['1d', '86400000'],
    ['30s', '30000'],
    ['1w', '604800000'],
    ['250ms', '250'],
    ['60000', '60000'],
    ['$__interval', '$__interval_ms'],
    ['$__interval_ms', '$__interval_ms'],
    ['${__interval}', '$__interval_ms'],
    ['[[__interval]]', '$__interval_ms'],
    ['${__interval_ms}', '$__interval_ms'],
  ])('expands $__timeGroup with interval %s into buckets of %s', (interval, ms) => {
    expect(expandMacros(`RETURN $__timeGroup(h.created_at, ${interval}) AS time`)).toBe(
      `RETURN (${E('h.created_at')} / ${ms} * ${ms}) AS time`
    );
  });

  it('parenthesises expressions that are more than a property chain, and keeps property chains bare', () => {
    expect(expandMacros('RETURN $__epochMs(coalesce(a.t, b.t))')).toContain('valueType((coalesce(a.t, b.t)))');
    expect(expandMacros('RETURN $__epochMs(a.`created at`)')).toContain('valueType(a.`created at`)');
    expect(expandMacros('RETURN $__epochMs($ts)')).toContain('valueType($ts)');
  });

  it('drops comments inside arguments so a // comment cannot swallow the expansion, keeping string contents', () => {
    const expanded = expandMacros("WHERE $__timeFilter(n.t // why\n) AND n.s = 'a  b'");
    expect(expanded).toBe(`WHERE (${E('n.t')} >= $__from AND ${E('n.t')} <= $__to) AND n.s = 'a  b'`);
    expect(expandMacros("RETURN $__epochMs(n['a  b' /* x */])")).toContain("valueType((n['a  b' ]))");
  });

  it('expands nested macros and several macros per query', () => {
    const nested = expandMacros("RETURN $__timeGroup($__epochMs(n.t), '1h')");
    expect(nested).toBe(`RETURN (${E(`(${E('n.t')})`)} / 3600000 * 3600000)`);
    const two = expandMacros("WHERE $__timeFilter(a.t) RETURN $__timeGroup(a.t, '1d')");
    expect(two.match(/\$__from/g)).toHaveLength(1);
    expect(two).toContain('/ 86400000 * 86400000');
  });

  it('leaves macros inside strings, comments and backticked names alone, and leaves other text byte for byte', () => {
    const text =
      "MATCH (n) // $__timeFilter(x)\nWHERE n.s = '$__timeFilter(n.t)' AND n.`$__epochMs(x)` = $__from RETURN n";
    expect(expandMacros(text)).toBe(text);
  });

  it('is deterministic: the same text gives the same output', () => {
    const q =
      'MATCH (l:InspectionLot) WHERE $__timeFilter(l.created_at) RETURN $__timeGroup(l.created_at, $__interval) AS time';
    expect(expandMacros(q)).toBe(expandMacros(q));
  });

  it.each([
    ['RETURN $__timeFilter(n.t', '$__timeFilter( is never closed', 1, 21],
    ['RETURN $__timeFilter()', '$__timeFilter needs an expression', 1, 22],
    ['RETURN $__timeFilter(a, b)', '$__timeFilter takes 1 argument(s)', 1, 8],
    ['RETURN\n  $__timeGroup(n.t)', '$__timeGroup takes 2 argument(s)', 2, 3],
    ["RETURN $__timeGroup(n.t, '1M')", '$__timeGroup interval "\'1M\'" is not understood', 1, 26],
    ['RETURN $__timeGroup(n.t, $bucket)', 'is not understood', 1, 26],
    ['RETURN $__timeGroup(n.t, ${__interval:raw})', 'is not understood', 1, 26],
    ['RETURN $__timeGroup(n.t, )', 'is not understood', 1, 25],
    ['RETURN $__timeFliter(n.t)', 'Unknown macro $__timeFliter(…)', 1, 8],
    ['RETURN $__epochMs + 1', '$__epochMs is a macro and must be followed directly by (…)', 1, 8],
  ])('rejects %j: %s at line %i, column %i', (text, message, line, column) => {
    expect(() => expandMacros(text)).toThrow(CypherTextError);
    expect(() => expandMacros(text)).toThrow(
      expect.objectContaining({
        message: expect.stringContaining(message),
        position: expect.objectContaining({ line, column }),
      })
    );
  });

  it('leaves the plain time parameters and other $__ names that are not calls as they are', () => {
    expect(expandMacros('RETURN $__from, $__to, $__interval_ms, $__range_ms')).toBe(
      'RETURN $__from, $__to, $__interval_ms, $__range_ms'
    );
  });
});

describe('parseIntervalMs', () => {
  it.each([
    ['5m', 300000],
    ["'2h'", 7200000],
    [' 10s ', 10000],
    ['0', undefined],
    ['1M', undefined],
    ['1y', undefined],
    ['-5m', undefined],
    ['5 m', undefined],
    ['1.5h', undefined],
  ])('%j → %s', (text, ms) => {
    expect(parseIntervalMs(text)).toBe(ms);
  });
});

// The regexes travel inside single-quoted Cypher literals; decode them with the lexer (as Memgraph would) and run
// them as ECMAScript full matches, the grammar Memgraph's =~ uses.
describe('the ISO string patterns the macros emit', () => {
  const decoded = (pattern: string) => new RegExp(`^(?:${tokenize(`'${pattern}'`)[0].value})$`);
  const zoned = decoded(TIME_STRING_PATTERNS.zoned);
  const local = decoded(TIME_STRING_PATTERNS.local);
  const date = decoded(TIME_STRING_PATTERNS.date);

  it.each([
    '2024-05-01T10:00Z',
    '2024-05-01T10:00:00Z',
    '2024-05-01T10:00:00.123Z',
    '2024-05-01T10:00:00.123456+08:00',
    '2024-05-01T10:00:00+0800',
    '2024-05-01T10:00:00-05',
    '2024-05-01T10:00:00[Asia/Shanghai]',
    '2024-05-01T10:00:00+08:00[Asia/Shanghai]',
    '2024-05-01T10:00:00Z[Etc/UTC]',
    '2024-05-01T10:00:00-03:00[America/Argentina/Buenos_Aires]',
  ])('%s goes to datetime()', (value) => {
    expect(zoned.test(value)).toBe(true);
    expect(local.test(value)).toBe(false);
  });

  it.each(['2024-05-01T10:00', '2024-05-01T10:00:00', '2024-05-01T10:00:00.123', '2024-05-01T10:00:00.123456'])(
    '%s goes to localDateTime()',
    (value) => {
      expect(zoned.test(value)).toBe(false);
      expect(local.test(value)).toBe(true);
    }
  );

  it('a date-only string goes to date()', () => {
    expect([zoned, local, date].map((r) => r.test('2024-05-01'))).toEqual([false, false, true]);
  });

  it.each([
    '2024-05-01 10:00:00',
    '2024-05-01T10:00:00.1',
    '2024-05-01T10:00:00.1234',
    '2024-05-01T10:00:00.123456789Z',
    '2024-05-01t10:00:00z',
    '2024-05-01T10:00:00[Asia/Shanghai',
    '20240501T100000',
    'yesterday',
    '',
  ])('%j matches nothing, so it becomes null instead of a Memgraph parse error', (value) => {
    expect([zoned, local, date].some((r) => r.test(value))).toBe(false);
  });
});
