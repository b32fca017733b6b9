// Settings of the setup and the exporter, from the environment. Passwords from `…_PASSWORD` or the file
// `…_PASSWORD_FILE` names (the stack's secrets volumes); a bad value is an error naming the variable.
import fs from 'node:fs';
import { DEFAULT_REPLICA_NAME } from '@opentruss/contract';
import type { InstanceSettings } from './memgraph';

type Env = Record<string, string | undefined>;

export interface ReplicationConfig {
  /** Undefined with REPLICATION_MAIN=external: another stack's MAIN, whose credential this stack never holds. */
  main?: InstanceSettings;
  replica: InstanceSettings;
  replicaName: string;
  replicaAddress: string;
  replicationPort: number;
  attempts: number;
  intervalMs: number;
  exporterPort: number;
  exporterIntervalMs: number;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const text = env[name]?.trim();
  if (!text) {
    return fallback;
  }
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

function password(env: Env, name: string): { password: string; passwordFrom: string } {
  const file = env[`${name}_FILE`]?.trim();
  if (!file) {
    return { password: env[name] ?? '', passwordFrom: name };
  }
  if (env[name]) {
    throw new Error(`Set ${name} or ${name}_FILE, not both`);
  }
  try {
    return { password: fs.readFileSync(file, 'utf8').split(/\r?\n/)[0], passwordFrom: `${file} (${name}_FILE)` };
  } catch (error) {
    throw new Error(`${name}_FILE ${file} cannot be read: ${(error as Error).message}`);
  }
}

function instance(env: Env, prefix: 'MEMGRAPH_MAIN' | 'MEMGRAPH_REPLICA', label: string, url: string): InstanceSettings {
  const value = env[`${prefix}_URL`]?.trim() || url;
  if (!/^bolt(\+s|\+ssc)?:\/\/[^/?#]+$/.test(value)) {
    throw new Error(`${prefix}_URL must look like bolt://host:7687, got "${value}"`);
  }
  return { label, url: value, user: env[`${prefix}_USER`] ?? '', ...password(env, `${prefix}_PASSWORD`) };
}

export function readReplicationConfig(env: Env): ReplicationConfig {
  const replicaName = env.REPLICATION_REPLICA_NAME?.trim() || DEFAULT_REPLICA_NAME;
  // Both go into statement text (Memgraph takes no parameter there): only plain names and host:port pass.
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(replicaName)) {
    throw new Error(`REPLICATION_REPLICA_NAME must be letters, digits and _ (not first a digit), got "${replicaName}"`);
  }
  const replicaAddress = env.REPLICATION_REPLICA_ADDRESS?.trim() || 'memgraph-replica:10000';
  if (!/^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:]+\]):\d{1,5}$/.test(replicaAddress)) {
    throw new Error(`REPLICATION_REPLICA_ADDRESS must be host:port as MAIN reaches the replica, got "${replicaAddress}"`);
  }
  const mainKind = env.REPLICATION_MAIN?.trim() || 'stack';
  if (mainKind !== 'stack' && mainKind !== 'external') {
    throw new Error(`REPLICATION_MAIN must be stack (this stack's memgraph) or external (an existing OpenTruss's), got "${mainKind}"`);
  }
  return {
    main: mainKind === 'stack' ? instance(env, 'MEMGRAPH_MAIN', 'memgraph', 'bolt://memgraph:7687') : undefined,
    replica: instance(env, 'MEMGRAPH_REPLICA', 'memgraph-replica', 'bolt://memgraph-replica:7687'),
    replicaName,
    replicaAddress,
    replicationPort: integer(env, 'REPLICATION_PORT', 10000, 1, 65535),
    attempts: integer(env, 'REPLICATION_SETUP_ATTEMPTS', 30, 1, 10_000),
    intervalMs: integer(env, 'REPLICATION_SETUP_INTERVAL_MS', 2000, 0, 600_000),
    exporterPort: integer(env, 'REPLICATION_EXPORTER_PORT', 9467, 0, 65535),
    exporterIntervalMs: 1000 * integer(env, 'REPLICATION_EXPORTER_INTERVAL_SECONDS', 15, 1, 3600),
  };
}
