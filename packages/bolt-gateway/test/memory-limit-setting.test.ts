// BOLT_GATEWAY_QUERY_MEMORY_LIMIT_MB: the default the README documents, 0 for none, a clear error otherwise.
import { DEFAULT_LIMITS, LIMIT_VARIABLES, SettingsError, settingsFromEnv } from '../src';

const BASE = { BOLT_GATEWAY_VIEWERS: 'viewer:pass' };

it('defaults to 1024 MB, read from BOLT_GATEWAY_QUERY_MEMORY_LIMIT_MB', () => {
  expect(LIMIT_VARIABLES.queryMemoryLimitMb).toBe('BOLT_GATEWAY_QUERY_MEMORY_LIMIT_MB');
  expect(DEFAULT_LIMITS.queryMemoryLimitMb).toBe(1024);
  expect(settingsFromEnv(BASE).limits.queryMemoryLimitMb).toBe(1024);
  expect(settingsFromEnv({ ...BASE, BOLT_GATEWAY_QUERY_MEMORY_LIMIT_MB: '256' }).limits.queryMemoryLimitMb).toBe(256);
  expect(settingsFromEnv({ ...BASE, BOLT_GATEWAY_QUERY_MEMORY_LIMIT_MB: '0' }).limits.queryMemoryLimitMb).toBe(0);
});

it.each(['-1', '1.5', '1GB', 'none'])('refuses %j naming the variable', (value) => {
  expect(() => settingsFromEnv({ ...BASE, BOLT_GATEWAY_QUERY_MEMORY_LIMIT_MB: value })).toThrow(
    new SettingsError(`BOLT_GATEWAY_QUERY_MEMORY_LIMIT_MB must be an integer ≥ 0, got "${value}"`)
  );
});
