// The backup service and its restore-check Memgraph in the stack (deploy/backup, docs/backups.md).
import { PROMETHEUS_JOBS } from '@opentruss/contract';
import { DEFAULT_SCHEDULES, readSettings } from '@opentruss/backup';
import { dockerfileCopiesFrom, readText, readYaml, resolvedCompose } from '../src';

const services = resolvedCompose().services;
/** The backup's settings as the container reads them, its credential files (secrets-init's) left out here. */
function settingsOf(environment: Record<string, string> | undefined) {
  const { MEMGRAPH_USER_FILE: _user, MEMGRAPH_PASSWORD_FILE: _password, ...rest } = environment ?? {};
  return readSettings(rest);
}
const backup = services.backup;
const restoreCheck = services['memgraph-restore-check'];

describe('backup service', () => {
  it('runs the bundle of deploy/backup from the demo-services image', () => {
    expect(backup.build).toMatchObject({ dockerfile: 'deploy/demo-services/Dockerfile', target: 'backup' });
    expect(dockerfileCopiesFrom('deploy/demo-services/Dockerfile')).toContainEqual(
      expect.objectContaining({ source: '/src/deploy/backup/dist/main.js' })
    );
    expect(readText('deploy/demo-services/Dockerfile')).toMatch(/^RUN npm run bundle .*--workspace deploy\/backup\b/m);
  });

  it("reads Memgraph's volume read-only, writes the backup volume, and never gets the Docker socket", () => {
    expect(backup.volumes).toEqual([
      expect.objectContaining({ type: 'volume', source: 'memgraph-data', target: '/memgraph-data', read_only: true }),
      expect.objectContaining({ type: 'volume', source: 'secrets-memgraph', target: '/run/opentruss-secrets/memgraph', read_only: true }),
      expect.objectContaining({ type: 'volume', source: 'backup-data', target: '/backups' }),
    ]);
    expect(backup.volumes![2].read_only).toBeFalsy();
    expect(services.memgraph.volumes).toContainEqual(expect.objectContaining({ source: 'memgraph-data', target: '/var/lib/memgraph' }));
    for (const [name, service] of Object.entries(services)) {
      expect(`${name}: ${(service.volumes ?? []).map((v) => v.source).join(' ')}`).not.toMatch(/docker\.sock/);
    }
    expect(resolvedCompose().volumes).toHaveProperty('backup-data');
  });

  it("joins Memgraph's file group (gid 103, files 0640) and talks Bolt to MAIN with Memgraph's own credential variables", () => {
    expect((backup as { group_add?: string[] }).group_add).toEqual(['103']);
    expect(backup.ports ?? []).toEqual([]);
    expect(backup.environment).toMatchObject({
      MEMGRAPH_URL: 'bolt://memgraph:7687',
      BACKUP_RESTORE_CHECK_URL: 'bolt://memgraph-restore-check:7687',
    });
    // MAIN's credential from secrets-init's files, the same user in the restore-check Memgraph (its passfile).
    expect(backup.environment).toMatchObject({
      MEMGRAPH_USER_FILE: '/run/opentruss-secrets/memgraph/user',
      MEMGRAPH_PASSWORD_FILE: '/run/opentruss-secrets/memgraph/password',
    });
    for (const name of ['backup', 'memgraph-restore-check', 'memgraph']) {
      expect(services[name].volumes).toContainEqual(
        expect.objectContaining({ source: 'secrets-memgraph', target: '/run/opentruss-secrets/memgraph', read_only: true })
      );
      expect(Object.keys(services[name].environment ?? {})).not.toContain('MEMGRAPH_PASSWORD');
    }
    expect(restoreCheck.environment).toMatchObject({ MEMGRAPH_PASSFILE: '/run/opentruss-secrets/memgraph/passfile' });
    expect(backup.depends_on).toEqual({
      memgraph: { condition: 'service_healthy' },
      'memgraph-restore-check': { condition: 'service_healthy' },
    });
  });

  it('schedules by default a full backup daily at 02:00, an incremental one hourly and the restore check daily, in UTC', () => {
    const settings = settingsOf(backup.environment);
    expect(settings.schedules).toEqual(DEFAULT_SCHEDULES);
    expect(settings.schedules).toEqual({ full: '0 2 * * *', incremental: '0 * * * *', verify: '30 3 * * *' });
    expect(settings.timeZone).toBe('UTC');
    expect(settings.s3).toBeUndefined();
    expect(settings.backupDir).toBe('/backups');
    expect(settings.memgraphDataDir).toBe('/memgraph-data');
  });

  it('takes the schedules, time zone and storage from .env', () => {
    const custom = resolvedCompose({
      env: { BACKUP_TIME_ZONE: 'Asia/Shanghai', BACKUP_FULL_SCHEDULE: '15 1 * * *', BACKUP_STORAGE: '/srv/opentruss-backups' },
    }).services;
    const settings = settingsOf(custom.backup.environment);
    expect(settings).toMatchObject({ timeZone: 'Asia/Shanghai', schedules: { full: '15 1 * * *' } });
    for (const name of ['backup', 'memgraph-restore-check']) {
      expect(custom[name].volumes).toContainEqual(expect.objectContaining({ type: 'bind', source: '/srv/opentruss-backups' }));
    }
  });

  it('is scraped by Prometheus at the port it serves and checks its health on', () => {
    const config = readYaml<{ scrape_configs: Array<{ job_name: string; static_configs?: Array<{ targets: string[] }> }> }>(
      'deploy/prometheus/prometheus.yml'
    );
    const job = config.scrape_configs.find((c) => c.job_name === PROMETHEUS_JOBS.backup);
    const port = settingsOf(backup.environment).port;
    expect(job?.static_configs).toEqual([{ targets: [`backup:${port}`] }]);
    expect(backup.healthcheck!.test.join(' ')).toContain(`http://127.0.0.1:${port}/health`);
    expect(readText('deploy/demo-services/Dockerfile')).toContain(`EXPOSE ${port}`);
  });
});

describe('memgraph-restore-check', () => {
  it('is the same pinned Memgraph image as MAIN, unpublished, with the backups read-only and no WAL or snapshots of its own', () => {
    expect(restoreCheck.image).toBe(services.memgraph.image);
    expect(restoreCheck.ports ?? []).toEqual([]);
    expect(restoreCheck.volumes).toEqual([
      expect.objectContaining({ source: 'backup-data', target: settingsOf(backup.environment).restoreCheck.backupDirInMemgraph, read_only: true }),
      expect.objectContaining({ source: 'secrets-memgraph', read_only: true }),
    ]);
    expect(restoreCheck.command).toEqual(
      expect.arrayContaining([
        '--storage-wal-enabled=false',
        '--storage-snapshot-interval-sec=0',
        '--storage-snapshot-on-exit=false',
      ])
    );
    // Recovery at start must stay on: without any durability Memgraph never creates snapshots/, and RECOVER
    // SNAPSHOT copies the backup there (inmemory/storage.cpp, the InMemoryStorage constructor and RecoverSnapshot).
    expect(restoreCheck.command!.some((arg) => arg.startsWith('--data-recovery-on-startup'))).toBe(false);
  });
});
