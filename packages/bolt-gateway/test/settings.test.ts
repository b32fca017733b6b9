// Settings from the environment: defaults, secret files, and a clear error naming the variable for each mistake.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_LIMITS, SettingsError, settingsFromEnv } from '../src';
import { authenticateViewer } from '../src/config/viewers';

const BASE = { BOLT_GATEWAY_VIEWERS: 'viewer:pass' };

it('has the documented defaults', () => {
  const settings = settingsFromEnv(BASE);
  expect(settings).toMatchObject({
    host: '0.0.0.0',
    port: 7687,
    opsPort: 9187,
    upstream: { host: 'memgraph', port: 7687 },
  });
  expect(settings.limits).toEqual(DEFAULT_LIMITS);
  expect(settings.tls).toBeUndefined();
});

it('reads the Memgraph password and the viewers from files, and every limit from its variable', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-settings-'));
  try {
    fs.writeFileSync(path.join(dir, 'password'), 's3cret\n');
    fs.writeFileSync(path.join(dir, 'viewers'), '# wall screens\nwall:one\nops:two\n');
    const settings = settingsFromEnv({
      BOLT_GATEWAY_MEMGRAPH_PASSWORD_FILE: path.join(dir, 'password'),
      BOLT_GATEWAY_VIEWERS_FILE: path.join(dir, 'viewers'),
      BOLT_GATEWAY_UPSTREAM: '[::1]:7688',
      BOLT_GATEWAY_MAX_CONNECTIONS_PER_CLIENT: '5',
      BOLT_GATEWAY_QUERY_TIMEOUT_MS: '0',
      BOLT_GATEWAY_OPS_PORT: '',
    });
    expect(settings.upstream).toMatchObject({ host: '::1', port: 7688, password: 's3cret' });
    expect(settings.limits).toMatchObject({ maxConnectionsPerClient: 5, queryTimeoutMs: 0, maxQueriesPerViewer: 64 });
    expect(settingsFromEnv({ ...BASE, BOLT_GATEWAY_MAX_QUERIES_PER_VIEWER: '3' }).limits.maxQueriesPerViewer).toBe(3);
    expect(settings.opsPort).toBeUndefined();
    expect(authenticateViewer(settings.viewers, { scheme: 'basic', principal: 'ops', credentials: 'two' })).toBe('ops');
    expect(
      authenticateViewer(settings.viewers, { scheme: 'basic', principal: 'ops', credentials: 'one' })
    ).toBeUndefined();
    // Each token is its own viewer for per-viewer limits, named by position, never by its text.
    const tokens = settingsFromEnv({ BOLT_GATEWAY_VIEWER_TOKENS: 'tok-a,tok-b' }).viewers;
    expect(authenticateViewer(tokens, { scheme: 'bearer', credentials: 'tok-b' })).toBe('token:2');
    expect(authenticateViewer(tokens, { scheme: 'bearer', credentials: 'tok-c' })).toBeUndefined();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

it.each([
  [{}, 'BOLT_GATEWAY_VIEWERS'],
  [{ BOLT_GATEWAY_VIEWERS: 'no-colon' }, 'BOLT_GATEWAY_VIEWERS'],
  [{ ...BASE, BOLT_GATEWAY_PORT: 'http' }, 'BOLT_GATEWAY_PORT'],
  [{ ...BASE, BOLT_GATEWAY_MAX_CONNECTIONS: '0' }, 'BOLT_GATEWAY_MAX_CONNECTIONS'],
  [{ ...BASE, BOLT_GATEWAY_MAX_QUERIES_PER_VIEWER: '0' }, 'BOLT_GATEWAY_MAX_QUERIES_PER_VIEWER'],
  [{ ...BASE, BOLT_GATEWAY_MAX_QUERIES_PER_VIEWER: '2.5' }, 'BOLT_GATEWAY_MAX_QUERIES_PER_VIEWER'],
  [{ ...BASE, BOLT_GATEWAY_UPSTREAM: 'memgraph' }, 'BOLT_GATEWAY_UPSTREAM'],
  [
    { ...BASE, BOLT_GATEWAY_MEMGRAPH_PASSWORD: 'a', BOLT_GATEWAY_MEMGRAPH_PASSWORD_FILE: '/x' },
    'BOLT_GATEWAY_MEMGRAPH_PASSWORD',
  ],
  [{ ...BASE, BOLT_GATEWAY_MEMGRAPH_PASSWORD_FILE: '/nonexistent/secret' }, 'BOLT_GATEWAY_MEMGRAPH_PASSWORD_FILE'],
  [{ ...BASE, BOLT_GATEWAY_TLS_CERT_FILE: __filename }, 'BOLT_GATEWAY_TLS_KEY_FILE'],
])('%j is refused naming %s', (env, variable) => {
  expect(() => settingsFromEnv(env)).toThrow(SettingsError);
  expect(() => settingsFromEnv(env)).toThrow(variable);
});

it('never puts a password in an error message', () => {
  expect(() => settingsFromEnv({ BOLT_GATEWAY_VIEWERS: 'viewer:', BOLT_GATEWAY_MEMGRAPH_PASSWORD: 'hunter2' })).toThrow(
    /^(?!.*hunter2)/
  );
});
