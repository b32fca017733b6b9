// The backup service's settings, from the environment (docker-compose.yml passes them from `.env`). A bad value
// is an error naming the variable; secrets come from NAME or the file NAME_FILE (Docker secrets), never both.
import fs from 'node:fs';
import { Cron } from 'croner';

export interface S3Settings {
  bucket: string;
  /** Empty: AWS's own endpoint for `region`. */
  endpoint: string;
  region: string;
  /** Key prefix inside the bucket, without a trailing slash ('' for the bucket's root). */
  prefix: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Path-style URLs (`https://host/bucket/key`), which MinIO and most S3-compatible stores need. */
  forcePathStyle: boolean;
}

export interface BackupSettings {
  memgraphUrl: string;
  user: string;
  password: string;
  /** Memgraph's data directory as this service sees it (its volume, mounted read-only). */
  memgraphDataDir: string;
  /** The same directory as Memgraph sees it: CREATE SNAPSHOT answers with a path under it. */
  memgraphDataDirInMemgraph: string;
  /** Where backups are written (the backup volume). */
  backupDir: string;
  schedules: { full: string; incremental: string; verify: string };
  /** IANA time zone the schedules are read in. */
  timeZone: string;
  /** Take a full backup at start when the backup directory holds none (a fresh install is covered at once). */
  fullOnStart: boolean;
  retention: { fullCount: number; maxAgeDays: number };
  /** The throw-away Memgraph the restore check loads the newest full backup into. */
  restoreCheck: { url: string; backupDirInMemgraph: string };
  queryTimeoutMs: number;
  /** A failed scheduled job is tried once more after this long (0: not), so a passing fault costs minutes, not a day. */
  retryDelayMs: number;
  s3: S3Settings | undefined;
  host: string;
  port: number;
}

export const DEFAULT_SCHEDULES = {
  full: '0 2 * * *',
  incremental: '0 * * * *',
  verify: '30 3 * * *',
} as const;

type Env = Record<string, string | undefined>;

export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

/** A secret from `NAME` or from the file `NAME_FILE` (its first line); both set is an error. */
export function secretFrom(env: Env, name: string): string {
  const file = env[`${name}_FILE`]?.trim();
  if (!file) {
    return env[name] ?? '';
  }
  if (env[name]) {
    throw new SettingsError(`Set ${name} or ${name}_FILE, not both`);
  }
  try {
    return fs.readFileSync(file, 'utf8').split(/\r?\n/)[0];
  } catch (error) {
    throw new SettingsError(`${name}_FILE ${file} cannot be read: ${(error as Error).message}`);
  }
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const text = env[name]?.trim();
  if (!text) {
    return fallback;
  }
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SettingsError(`${name} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const text = env[name]?.trim().toLowerCase();
  if (!text) {
    return fallback;
  }
  if (text === 'true' || text === 'false') {
    return text === 'true';
  }
  throw new SettingsError(`${name} must be true or false, got "${env[name]}"`);
}

function timeZone(env: Env): string {
  const zone = env.BACKUP_TIME_ZONE?.trim() || 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new SettingsError(`BACKUP_TIME_ZONE must be an IANA time zone such as UTC or Asia/Shanghai, got "${zone}"`);
  }
  return zone;
}

function schedule(env: Env, name: string, fallback: string, zone: string): string {
  const pattern = env[name]?.trim() || fallback;
  try {
    new Cron(pattern, { timezone: zone, paused: true }).stop();
  } catch (error) {
    throw new SettingsError(`${name} must be a cron pattern such as "${fallback}", got "${pattern}": ${(error as Error).message}`);
  }
  return pattern;
}

function boltUrl(env: Env, name: string, fallback: string): string {
  const url = env[name]?.trim() || fallback;
  if (!/^bolt(\+s|\+ssc)?:\/\/[^/?#]+$/.test(url)) {
    throw new SettingsError(`${name} must look like bolt://host:7687 (no path or query), got "${url}"`);
  }
  return url;
}

function s3From(env: Env): S3Settings | undefined {
  const bucket = env.BACKUP_S3_BUCKET?.trim();
  if (!bucket) {
    return undefined;
  }
  const accessKeyId = secretFrom(env, 'BACKUP_S3_ACCESS_KEY_ID');
  const secretAccessKey = secretFrom(env, 'BACKUP_S3_SECRET_ACCESS_KEY');
  if (!accessKeyId || !secretAccessKey) {
    throw new SettingsError(
      'BACKUP_S3_BUCKET is set: BACKUP_S3_ACCESS_KEY_ID and BACKUP_S3_SECRET_ACCESS_KEY (or their _FILE variants) are needed too'
    );
  }
  const endpoint = env.BACKUP_S3_ENDPOINT?.trim() ?? '';
  if (endpoint && !/^https?:\/\/[^/?#]+\/?$/.test(endpoint)) {
    throw new SettingsError(`BACKUP_S3_ENDPOINT must look like https://s3.example.com:9000, got "${endpoint}"`);
  }
  return {
    bucket,
    endpoint,
    region: env.BACKUP_S3_REGION?.trim() || 'us-east-1',
    prefix: (env.BACKUP_S3_PREFIX?.trim() ?? 'opentruss-backups').replace(/^\/+|\/+$/g, ''),
    accessKeyId,
    secretAccessKey,
    forcePathStyle: flag(env, 'BACKUP_S3_FORCE_PATH_STYLE', true),
  };
}

export function readSettings(env: Env): BackupSettings {
  const zone = timeZone(env);
  return {
    memgraphUrl: boltUrl(env, 'MEMGRAPH_URL', 'bolt://memgraph:7687'),
    user: secretFrom(env, 'MEMGRAPH_USER'),
    password: secretFrom(env, 'MEMGRAPH_PASSWORD'),
    memgraphDataDir: env.BACKUP_MEMGRAPH_DATA_DIR?.trim() || '/memgraph-data',
    memgraphDataDirInMemgraph: env.BACKUP_MEMGRAPH_DATA_DIR_IN_MEMGRAPH?.trim() || '/var/lib/memgraph',
    backupDir: env.BACKUP_DIR?.trim() || '/backups',
    schedules: {
      full: schedule(env, 'BACKUP_FULL_SCHEDULE', DEFAULT_SCHEDULES.full, zone),
      incremental: schedule(env, 'BACKUP_INCREMENTAL_SCHEDULE', DEFAULT_SCHEDULES.incremental, zone),
      verify: schedule(env, 'BACKUP_VERIFY_SCHEDULE', DEFAULT_SCHEDULES.verify, zone),
    },
    timeZone: zone,
    fullOnStart: flag(env, 'BACKUP_FULL_ON_START', true),
    retention: {
      fullCount: integer(env, 'BACKUP_KEEP_FULL', 7, 1, 1000),
      maxAgeDays: integer(env, 'BACKUP_KEEP_DAYS', 14, 1, 3650),
    },
    restoreCheck: {
      url: boltUrl(env, 'BACKUP_RESTORE_CHECK_URL', 'bolt://memgraph-restore-check:7687'),
      backupDirInMemgraph: env.BACKUP_DIR_IN_RESTORE_CHECK?.trim() || '/backups',
    },
    queryTimeoutMs: integer(env, 'BACKUP_QUERY_TIMEOUT_SECONDS', 1800, 1, 86_400) * 1000,
    retryDelayMs: integer(env, 'BACKUP_RETRY_MINUTES', 10, 0, 720) * 60_000,
    s3: s3From(env),
    host: env.BACKUP_HOST?.trim() || '0.0.0.0',
    port: integer(env, 'BACKUP_PORT', 9477, 0, 65_535),
  };
}
