// The full and incremental procedures and the restore built from them, with real files in temporary folders and
// the Bolt test server answering Memgraph's statements.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  applyRestore,
  NoFullBackupError,
  planRestore,
  runFullBackup,
  runIncrementalBackup,
  type Manifest,
} from '../src';
import { temporaryDir } from './support/fake-memgraph';
import { startHarness, type Harness } from './support/harness';

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});

afterEach(async () => {
  await h.stop();
});

const walNames = (m: Manifest) => m.files.filter((f) => f.path.startsWith('wal/')).map((f) => path.basename(f.path));

describe('full backup', () => {
  it('asks MAIN for a fresh snapshot and copies it with the WAL files a restore from it needs, and only those', async () => {
    h.main.commit();
    const old = h.main.finalizeWal(); // entirely before the snapshot, and not the last such file
    h.main.commit();
    const spanning = h.main.finalizeWal(); // the newest file ending before the snapshot: Memgraph needs it
    const full = await runFullBackup(h.context);

    expect(h.main.server.runs.map((r) => r.query)).toContain('CREATE SNAPSHOT');
    expect(h.main.server.runs.every((r) => !r.explicitTransaction)).toBe(true);
    const snapshotName = path.basename(full.snapshot!.file);
    expect(fs.readdirSync(path.join(h.main.dataDir, 'snapshots'))).toEqual([snapshotName]);
    expect(walNames(full)).toEqual([spanning]);
    expect(walNames(full)).not.toContain(old);
    expect(full.chain).toBe(full.name);
    expect(full.counts.before).toEqual(h.main.counts);
    for (const file of full.files) {
      const copy = path.join(h.backupDir, full.name, file.path);
      expect(fs.statSync(copy).size).toBe(file.size);
      expect(createHash('sha256').update(fs.readFileSync(copy)).digest('hex')).toBe(file.sha256);
    }
    expect(JSON.parse(fs.readFileSync(path.join(h.backupDir, full.name, 'manifest.json'), 'utf8'))).toEqual(full);
    expect((await h.repository.list()).backups.map((b) => b.name)).toEqual([full.name]);
  });

  it('includes the WAL file Memgraph is still writing', async () => {
    h.main.commit();
    const full = await runFullBackup(h.context);
    expect(walNames(full)).toEqual(h.main.walFiles());
    expect(walNames(full)[0]).toMatch(/_current$/);
  });

  it('leaves nothing behind when CREATE SNAPSHOT fails', async () => {
    h.main.server.addResponder({
      match: 'CREATE SNAPSHOT',
      failure: { code: 'Memgraph.ClientError.MemgraphError.MemgraphError', message: 'Snapshot creation is already in progress!' },
    });
    await expect(runFullBackup(h.context)).rejects.toThrow('Snapshot creation is already in progress!');
    expect(fs.readdirSync(h.backupDir).filter((n) => !n.startsWith('.'))).toEqual([]);
    expect(fs.readdirSync(path.join(h.backupDir, '.in-progress'))).toEqual([]);
  });

  it('refuses a snapshot path outside the configured Memgraph data directory', async () => {
    h.main.server.addResponder({ match: 'CREATE SNAPSHOT', fields: ['path'], records: [['/elsewhere/snapshots/20261207000000000000_timestamp_5']] });
    await expect(runFullBackup(h.context)).rejects.toThrow(/outside its data directory \/var\/lib\/memgraph/);
  });
});

describe('incremental backup', () => {
  it('needs a full backup to build on', async () => {
    await expect(runIncrementalBackup(h.context)).rejects.toThrow(NoFullBackupError);
  });

  it('copies the WAL written since the last backup: the grown current file, then its finalized name and the next file', async () => {
    h.main.commit();
    const full = await runFullBackup(h.context);

    const unchanged = await runIncrementalBackup(h.context);
    expect(unchanged.files).toEqual([]);
    expect(unchanged.chain).toBe(full.name);

    h.main.commit(50, { approvals: 1 });
    const grown = await runIncrementalBackup(h.context);
    expect(walNames(grown)).toEqual(walNames(full)); // the same _current file, longer
    expect(grown.files[0].size).toBeGreaterThan(full.files.find((f) => f.path.startsWith('wal/'))!.size);
    expect(grown.counts.after.approvals).toBe(76);

    const finalized = h.main.finalizeWal();
    h.main.commit();
    const next = await runIncrementalBackup(h.context);
    expect(walNames(next)).toEqual(h.main.walFiles());
    expect(walNames(next)).toContain(finalized);
    expect(next.snapshot).toBeUndefined();
  });

  it('restarts the chain from Memgraph’s newest snapshot when Memgraph deleted a WAL file not yet copied in full', async () => {
    h.main.commit();
    await runFullBackup(h.context);
    h.main.commit();
    const lost = h.main.finalizeWal();
    h.main.writeSnapshot(); // a periodic snapshot, then retention deletes the older WAL
    h.main.deleteWal(lost);
    h.main.commit();
    const incremental = await runIncrementalBackup(h.context);
    expect(incremental.snapshot).toBeDefined();
    expect(incremental.note).toMatch(/deleted WAL file/);
    expect(walNames(incremental)).toEqual(h.main.walFiles());
    expect(h.logs.join('\n')).toMatch(/the chain continues from Memgraph's snapshot/);
  });
});

describe('restore', () => {
  it('replays full + incrementals: the newest snapshot, and the latest copy of each WAL file after it', async () => {
    h.main.commit();
    const full = await runFullBackup(h.context);
    h.main.commit();
    const first = await runIncrementalBackup(h.context);
    const finalized = h.main.finalizeWal();
    h.main.commit();
    const second = await runIncrementalBackup(h.context);
    const { backups } = await h.repository.list();

    const plan = planRestore(backups, h.backupDir);
    expect(plan.upTo).toBe(second.name);
    expect(plan.chain).toEqual([full.name, first.name, second.name]);
    expect(plan.snapshot.target).toBe(full.snapshot!.file);
    expect(plan.wal.map((w) => path.basename(w.target))).toEqual([finalized, h.main.walFiles()[1]]);
    expect(plan.wal.every((w) => w.source.startsWith(path.join(h.backupDir, second.name)))).toBe(true);

    const earlier = planRestore(backups, h.backupDir, first.name);
    expect(earlier.wal.map((w) => w.source)).toEqual([path.join(h.backupDir, first.name, first.files[0].path)]);

    const dataDir = temporaryDir('restored');
    fs.mkdirSync(path.join(dataDir, 'wal'));
    fs.writeFileSync(path.join(dataDir, 'wal', 'old'), 'previous data');
    const result = await applyRestore(plan, dataDir, new Date('2026-12-08T09:00:00Z'));
    expect(fs.readdirSync(path.join(dataDir, 'snapshots'))).toEqual([path.basename(full.snapshot!.file)]);
    expect(fs.readdirSync(path.join(dataDir, 'wal')).sort()).toEqual(h.main.walFiles());
    expect(fs.readFileSync(path.join(result.movedAside!, 'wal', 'old'), 'utf8')).toBe('previous data');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('changes nothing when a backup file does not match its recorded checksum', async () => {
    h.main.commit();
    const full = await runFullBackup(h.context);
    const wal = full.files.find((f) => f.path.startsWith('wal/'))!;
    const copy = path.join(h.backupDir, full.name, wal.path);
    fs.writeFileSync(copy, Buffer.alloc(wal.size, 7)); // same size, other bytes: still listed as complete
    const plan = planRestore((await h.repository.list()).backups, h.backupDir);
    const dataDir = temporaryDir('restored');
    await expect(applyRestore(plan, dataDir, new Date())).rejects.toThrow(/does not match its recorded SHA-256/);
    expect(fs.readdirSync(dataDir)).toEqual([]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('names the missing backup or base', () => {
    expect(() => planRestore([], h.backupDir)).toThrow('the backup directory holds no complete backup');
    const orphan = { name: '20261207T030000000Z-incremental', chain: '20261207T020000000Z-full', files: [] } as unknown as Manifest;
    expect(() => planRestore([orphan], h.backupDir)).toThrow(/full backup 20261207T020000000Z-full .* is missing/);
  });
});
