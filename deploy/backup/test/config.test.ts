import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_SCHEDULES, readSettings } from '../src';
import { temporaryDir } from './support/fake-memgraph';

describe('readSettings', () => {
  it('has defaults for everything: full 02:00 daily, incremental hourly, restore check 03:30, UTC', () => {
    const settings = readSettings({});
    expect(settings.schedules).toEqual({ full: '0 2 * * *', incremental: '0 * * * *', verify: '30 3 * * *' });
    expect(DEFAULT_SCHEDULES.full).toBe('0 2 * * *');
    expect(settings).toMatchObject({
      memgraphUrl: 'bolt://memgraph:7687',
      timeZone: 'UTC',
      backupDir: '/backups',
      memgraphDataDir: '/memgraph-data',
      memgraphDataDirInMemgraph: '/var/lib/memgraph',
      restoreCheck: { url: 'bolt://memgraph-restore-check:7687', backupDirInMemgraph: '/backups' },
      retention: { fullCount: 7, maxAgeDays: 14 },
      fullOnStart: true,
      s3: undefined,
      port: 9477,
    });
  });

  it('reads credentials from the variables or from *_FILE, not both', () => {
    const dir = temporaryDir('config');
    fs.writeFileSync(path.join(dir, 'password'), 's3cret\n');
    fs.writeFileSync(path.join(dir, 'user'), 'opentruss\n');
    expect(readSettings({ MEMGRAPH_USER: 'u', MEMGRAPH_PASSWORD: 'p' })).toMatchObject({ user: 'u', password: 'p' });
    expect(
      readSettings({ MEMGRAPH_USER_FILE: path.join(dir, 'user'), MEMGRAPH_PASSWORD_FILE: path.join(dir, 'password') })
    ).toMatchObject({ user: 'opentruss', password: 's3cret' });
    expect(() => readSettings({ MEMGRAPH_PASSWORD: 'p', MEMGRAPH_PASSWORD_FILE: path.join(dir, 'password') })).toThrow(
      'Set MEMGRAPH_PASSWORD or MEMGRAPH_PASSWORD_FILE, not both'
    );
    expect(() => readSettings({ MEMGRAPH_PASSWORD_FILE: path.join(dir, 'absent') })).toThrow(/MEMGRAPH_PASSWORD_FILE .* cannot be read/);
    fs.rmSync(dir, { recursive: true });
  });

  it('names the variable of a bad value', () => {
    expect(() => readSettings({ BACKUP_FULL_SCHEDULE: 'daily' })).toThrow(/BACKUP_FULL_SCHEDULE must be a cron pattern/);
    expect(() => readSettings({ BACKUP_TIME_ZONE: 'Mars/Olympus' })).toThrow(/BACKUP_TIME_ZONE must be an IANA time zone/);
    expect(() => readSettings({ BACKUP_KEEP_FULL: '0' })).toThrow('BACKUP_KEEP_FULL must be an integer from 1 to 1000, got "0"');
    expect(() => readSettings({ BACKUP_FULL_ON_START: 'yes' })).toThrow('BACKUP_FULL_ON_START must be true or false');
    expect(() => readSettings({ MEMGRAPH_URL: 'http://memgraph' })).toThrow(/MEMGRAPH_URL must look like bolt:/);
  });

  it('turns the S3 copy on with a bucket, and then needs its credentials', () => {
    expect(() => readSettings({ BACKUP_S3_BUCKET: 'b' })).toThrow(/BACKUP_S3_ACCESS_KEY_ID and BACKUP_S3_SECRET_ACCESS_KEY/);
    expect(
      readSettings({
        BACKUP_S3_BUCKET: 'b',
        BACKUP_S3_ENDPOINT: 'http://minio:9000',
        BACKUP_S3_ACCESS_KEY_ID: 'k',
        BACKUP_S3_SECRET_ACCESS_KEY: 's',
      }).s3
    ).toEqual({
      bucket: 'b',
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      prefix: 'opentruss-backups',
      accessKeyId: 'k',
      secretAccessKey: 's',
      forcePathStyle: true,
    });
  });
});
