import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readReplicationConfig } from '../src';

it('defaults to the stack: MAIN memgraph, replica memgraph-replica, registered as observability_replica on port 10000', () => {
  expect(readReplicationConfig({})).toMatchObject({
    main: { url: 'bolt://memgraph:7687', label: 'memgraph' },
    replica: { url: 'bolt://memgraph-replica:7687', label: 'memgraph-replica' },
    replicaName: 'observability_replica',
    replicaAddress: 'memgraph-replica:10000',
    replicationPort: 10000,
    attempts: 30,
    intervalMs: 2000,
  });
});

it('REPLICATION_MAIN=external holds no MAIN settings at all', () => {
  expect(readReplicationConfig({ REPLICATION_MAIN: 'external', MEMGRAPH_MAIN_PASSWORD: 'x' }).main).toBeUndefined();
});

it('reads passwords from …_PASSWORD_FILE, and says where a password came from (never the password)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replication-config-'));
  try {
    fs.writeFileSync(path.join(dir, 'password'), 'from-file\n');
    const config = readReplicationConfig({ MEMGRAPH_REPLICA_PASSWORD_FILE: path.join(dir, 'password') });
    expect(config.replica).toMatchObject({ password: 'from-file', passwordFrom: `${path.join(dir, 'password')} (MEMGRAPH_REPLICA_PASSWORD_FILE)` });
    expect(() => readReplicationConfig({ MEMGRAPH_MAIN_PASSWORD_FILE: path.join(dir, 'missing') })).toThrow(/MEMGRAPH_MAIN_PASSWORD_FILE .* cannot be read/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

it.each([
  [{ REPLICATION_MAIN: 'theirs' }, /REPLICATION_MAIN must be stack .* or external/],
  [{ REPLICATION_REPLICA_NAME: 'x; DROP' }, /REPLICATION_REPLICA_NAME must be letters, digits and _/],
  [{ REPLICATION_REPLICA_ADDRESS: 'host:10000" TO "evil' }, /REPLICATION_REPLICA_ADDRESS must be host:port/],
  [{ REPLICATION_PORT: '70000' }, /REPLICATION_PORT must be an integer from 1 to 65535/],
  [{ MEMGRAPH_MAIN_URL: 'http://memgraph:7687' }, /MEMGRAPH_MAIN_URL must look like bolt:\/\/host:7687/],
])('refuses %p naming the variable (names and addresses go into statement text)', (env, message) => {
  expect(() => readReplicationConfig(env)).toThrow(message);
});
