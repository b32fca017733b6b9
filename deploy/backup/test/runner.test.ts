// The runner: every attempt recorded and reflected in the metrics, failures never counted as success, partial
// folders never counted as backups, retention, and the restore check against the fake restore-check instance.
import fs from 'node:fs';
import path from 'node:path';
import { backupMetrics } from '@opentruss/contract';
import { backupsToDelete, readState, type Manifest } from '../src';
import { startHarness, type Harness } from './support/harness';

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});

afterEach(async () => {
  await h.stop();
});

const full = (name: string) => `${backupMetrics[name as keyof typeof backupMetrics]}{kind="full"}`;
const incremental = (name: string) => `${backupMetrics[name as keyof typeof backupMetrics]}{kind="incremental"}`;

describe('metrics', () => {
  it('are absent before any backup, then show the newest backup of each kind', async () => {
    await h.runner.refreshMetrics();
    expect([...(await h.samples()).keys()].filter((k) => k.includes('last_success'))).toEqual([]);

    h.main.commit(300);
    const attempt = await h.runner.run('full');
    expect(attempt.status).toBe('success');
    const samples = await h.samples();
    const [manifest] = (await h.repository.list()).backups;
    expect(samples.get(full('lastSuccess'))).toBe(Date.parse(manifest.finishedAt) / 1000);
    expect(samples.get(full('lastSize'))).toBe(manifest.sizeBytes);
    expect(manifest.sizeBytes).toBeGreaterThan(300);
    expect(samples.get(full('lastStatus'))).toBe(1);
    expect(samples.get(full('lastDuration'))).toBeGreaterThan(0);
    expect(samples.get(`${backupMetrics.targetUp}{target="local"}`)).toBe(1);
    expect(samples.has(incremental('lastSuccess'))).toBe(false);
  });

  it('a failed backup sets status 0, keeps the last success time, and stays failed across a restart', async () => {
    h.main.commit();
    await h.runner.run('full');
    const before = (await h.samples()).get(full('lastSuccess'));
    h.main.server.addResponder({ match: 'CREATE SNAPSHOT', failure: { code: 'Memgraph.ClientError.MemgraphError.MemgraphError', message: 'disk full' } });
    const attempt = await h.runner.run('full');
    expect(attempt).toMatchObject({ status: 'failure', message: expect.stringContaining('disk full') });
    const samples = await h.samples();
    expect(samples.get(full('lastStatus'))).toBe(0);
    expect(samples.get(full('lastSuccess'))).toBe(before);
    expect((await h.repository.list()).backups).toHaveLength(1);
    expect(h.logs.join('\n')).toMatch(/full failed: .*disk full/);

    // A new process reads the same figures back from the backup directory.
    const restarted = await startHarnessOn(h);
    await restarted.runner.refreshMetrics();
    expect((await restarted.samples()).get(full('lastStatus'))).toBe(0);
    expect((await restarted.samples()).get(full('lastSuccess'))).toBe(before);

    h.main.clearFailures();
    expect((await h.runner.run('full')).status).toBe('success');
    expect((await h.samples()).get(full('lastStatus'))).toBe(1);
  });

  it('Memgraph unreachable: a clear failure, no backup', async () => {
    await h.main.server.stop();
    const attempt = await h.runner.run('full');
    expect(attempt.status).toBe('failure');
    expect(attempt.message).toMatch(/connect|ECONNREFUSED|Could not perform discovery/i);
    expect((await h.repository.list()).backups).toEqual([]);
  });

  it('a missing backup directory is a failed attempt and target_up{target="local"} 0', async () => {
    fs.rmSync(h.backupDir, { recursive: true });
    const attempt = await h.runner.run('full');
    expect(attempt.message).toMatch(/backup directory .* does not exist/);
    expect((await h.samples()).get(`${backupMetrics.targetUp}{target="local"}`)).toBe(0);
    fs.mkdirSync(h.backupDir);
  });
});

describe('partial files', () => {
  it('are never counted: an interrupted copy, a folder without manifest, a truncated file', async () => {
    h.main.commit(500);
    await h.runner.run('full');
    const [good] = (await h.repository.list()).backups;

    // A run killed mid-copy leaves its files under .in-progress/.
    fs.mkdirSync(path.join(h.backupDir, '.in-progress', '20261208T020000000Z-full', 'snapshots'), { recursive: true });
    // A folder with a backup's name but no manifest.
    fs.mkdirSync(path.join(h.backupDir, '20261208T030000000Z-full'));
    // A later "backup" whose WAL copy lost its tail.
    const truncated = '20261208T040000000Z-full';
    fs.cpSync(path.join(h.backupDir, good.name), path.join(h.backupDir, truncated), { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(h.backupDir, truncated, 'manifest.json'), 'utf8')) as Manifest;
    fs.writeFileSync(path.join(h.backupDir, truncated, 'manifest.json'), JSON.stringify({ ...manifest, name: truncated }));
    fs.truncateSync(path.join(h.backupDir, truncated, manifest.files[1].path), 10);

    const listing = await h.repository.list();
    expect(listing.backups.map((b) => b.name)).toEqual([good.name]);
    expect(listing.rejected).toEqual([
      { name: '20261208T030000000Z-full', reason: expect.stringMatching(/no readable manifest.json/) },
      { name: truncated, reason: expect.stringMatching(/is 10 bytes instead of 50\d/) },
    ]);
    await h.runner.refreshMetrics();
    expect((await h.samples()).get(full('lastSuccess'))).toBe(Date.parse(good.finishedAt) / 1000);
    expect(await h.repository.removeLeftovers()).toEqual(['.in-progress/20261208T020000000Z-full']);
  });
});

describe('retention', () => {
  const manifest = (name: string, kind: 'full' | 'incremental', chain: string) => ({ name, kind, chain }) as Manifest;
  const f = (day: number) => `202612${String(day).padStart(2, '0')}T020000000Z-full`;
  const i = (day: number) => `202612${String(day).padStart(2, '0')}T030000000Z-incremental`;
  const chains = [1, 2, 3, 4, 5].flatMap((day) => [manifest(f(day), 'full', f(day)), manifest(i(day), 'incremental', f(day))]);

  it('deletes whole chains beyond the count, oldest first, never the newest', () => {
    const now = new Date('2026-12-05T12:00:00Z');
    expect(backupsToDelete(chains, { fullCount: 3, maxAgeDays: 30 }, now)).toEqual([f(1), i(1), f(2), i(2)]);
    expect(backupsToDelete(chains, { fullCount: 5, maxAgeDays: 30 }, now)).toEqual([]);
  });

  it('deletes chains older than the age limit, but keeps the newest even when it is old', () => {
    expect(backupsToDelete(chains, { fullCount: 10, maxAgeDays: 2 }, new Date('2026-12-05T01:00:00Z'))).toEqual([
      f(1), i(1), f(2), i(2),
    ]);
    expect(backupsToDelete(chains, { fullCount: 10, maxAgeDays: 1 }, new Date('2027-06-01T00:00:00Z'))).toEqual(
      chains.slice(0, 8).map((b) => b.name).sort()
    );
  });

  it('runs after each backup', async () => {
    h.main.commit();
    for (let n = 0; n < 4; n++) {
      expect((await h.runner.run('full')).status).toBe('success');
      await h.runner.run('incremental');
    }
    const names = (await h.repository.list()).backups.map((b) => b.name);
    expect(names.filter((n) => n.endsWith('-full'))).toHaveLength(3); // harness: fullCount 3
    expect(h.logs.filter((l) => l.startsWith('retention: deleted'))).toHaveLength(2);
  });
});

describe('restore check', () => {
  it('loads the newest full backup into the restore-check instance and compares the recorded counts', async () => {
    h.main.commit();
    await h.runner.run('full');
    h.main.commit(10, { lots: 2 });
    await h.runner.run('full');
    const newest = (await h.repository.list()).backups.at(-1)!;
    const attempt = await h.runner.run('verification');
    expect(attempt).toMatchObject({ status: 'success', backup: newest.name });
    expect(h.restoreCheck.recovered).toEqual([`/backups/${newest.name}/${newest.snapshot!.file}`]);
    expect(h.restoreCheck.server.runs.some((r) => r.query.startsWith('RECOVER SNAPSHOT') && !r.explicitTransaction)).toBe(true);
    expect(h.main.server.runs.some((r) => r.query.startsWith('RECOVER'))).toBe(false);
    const samples = await h.samples();
    expect(samples.get(backupMetrics.verificationLastStatus)).toBe(1);
    expect(samples.get(backupMetrics.verificationLastSuccess)).toBe(Date.parse(attempt.finishedAt) / 1000);
    expect((await readState(h.backupDir)).verificationLastSuccess?.backup).toBe(newest.name);
  });

  it('fails when the restored counts differ from the recorded ones, and keeps the last success time', async () => {
    h.main.commit();
    await h.runner.run('full');
    const good = await h.runner.run('verification');
    const newest = (await h.repository.list()).backups.at(-1)!;
    // The recorded figures say 40 lots; make the (checksum-valid) manifest claim otherwise to stand for a restore
    // that comes back short.
    const file = path.join(h.backupDir, newest.name, 'manifest.json');
    const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
    m.counts = { before: { ...m.counts.before, lots: 41 }, after: { ...m.counts.after, lots: 43 } };
    fs.writeFileSync(file, JSON.stringify(m));
    const attempt = await h.runner.run('verification');
    expect(attempt.status).toBe('failure');
    expect(attempt.message).toContain('lots: 40 restored, 41–43 recorded');
    const samples = await h.samples();
    expect(samples.get(backupMetrics.verificationLastStatus)).toBe(0);
    expect(samples.get(backupMetrics.verificationLastSuccess)).toBe(Date.parse(good.finishedAt) / 1000);
  });

  it('fails without loading anything when the snapshot copy is damaged', async () => {
    h.main.commit();
    await h.runner.run('full');
    const newest = (await h.repository.list()).backups.at(-1)!;
    const snapshot = path.join(h.backupDir, newest.name, newest.snapshot!.file);
    fs.writeFileSync(snapshot, fs.readFileSync(snapshot, 'utf8').replace('40', '39'));
    const attempt = await h.runner.run('verification');
    expect(attempt.message).toMatch(/does not match its recorded SHA-256/);
    expect(h.restoreCheck.recovered).toEqual([]);
  });

  it('fails clearly when there is nothing to verify or the restore-check instance is down', async () => {
    expect((await h.runner.run('verification')).message).toBe('no complete full backup to verify yet');
    h.main.commit();
    await h.runner.run('full');
    await h.restoreCheck.server.stop();
    expect((await h.runner.run('verification')).status).toBe('failure');
  });
});

describe('queue', () => {
  it('runs jobs one at a time and does not queue a job twice', async () => {
    h.main.commit();
    await h.runner.run('full');
    h.main.server.addResponder({ match: 'CREATE SNAPSHOT', fields: ['path'], delayMs: 300, records: () => [[h.main.writeSnapshot()]] });
    const a = h.runner.run('full');
    const b = h.runner.run('incremental');
    const c = h.runner.run('incremental');
    expect(c).toBe(b);
    const [first, second] = await Promise.all([a, b]);
    expect(Date.parse(second.finishedAt)).toBeGreaterThan(Date.parse(first.finishedAt));
    // Overlapping, the incremental's first counts would arrive while CREATE SNAPSHOT is still being answered.
    // In turn: after the (slow) CREATE SNAPSHOT come the full backup's 3 counts, then the incremental's 3 + 3.
    const statements = h.main.server.runs.map((r) => r.query);
    expect(statements.length - 1 - statements.lastIndexOf('CREATE SNAPSHOT')).toBe(9);
  });
});

/** A second runner on the same folders: what the service sees after a restart. */
async function startHarnessOn(previous: Harness) {
  const { createBackupMetrics, createRunner, BackupRepository, MemgraphClient } = await import('../src');
  const metrics = createBackupMetrics();
  const runner = createRunner({
    repository: new BackupRepository(previous.backupDir),
    main: new MemgraphClient({ url: 'bolt://127.0.0.1:1', user: '', password: '', timeoutMs: 100 }),
    restoreCheck: new MemgraphClient({ url: 'bolt://127.0.0.1:1', user: '', password: '', timeoutMs: 100 }),
    memgraphDataDir: previous.main.dataDir,
    memgraphDataDirInMemgraph: '/var/lib/memgraph',
    backupDirInRestoreCheck: '/backups',
    retention: { fullCount: 3, maxAgeDays: 14 },
    metrics,
    now: () => new Date(),
    log: () => undefined,
  });
  return { runner, samples: async () => (await import('./support/harness')).parseSamples(await metrics.registry.metrics()) };
}
