// The two backup procedures, against a running MAIN (nothing is stopped):
//   full         CREATE SNAPSHOT, then that snapshot file and the WAL files a restore from it needs;
//   incremental  the WAL files written since the last backup of the chain (new files, and the current file when
//                it grew); when Memgraph has meanwhile deleted a WAL file the chain had not copied in full, the
//                newest snapshot Memgraph holds plus its WAL files instead, so the chain stays restorable.
// Files are read from Memgraph's data volume (mounted read-only); Memgraph itself is only talked to over Bolt.
import fs from 'node:fs/promises';
import path from 'node:path';
import { MEMGRAPH_DIRS, parseSnapshotName, parseWalName, walsNeededFor, type WalName } from './durability-files';
import type { Log } from './log';
import type { MemgraphClient } from './memgraph';
import type { BackupRepository, Manifest, Staging } from './repository';

export interface BackupContext {
  repository: BackupRepository;
  /** MAIN. */
  memgraph: MemgraphClient;
  /** Memgraph's data directory as this service sees it (read-only). */
  memgraphDataDir: string;
  /** The same directory as Memgraph sees it (the prefix of the paths it answers with). */
  memgraphDataDirInMemgraph: string;
  now: () => Date;
  log: Log;
}

type WalFile = WalName & { size: number };

async function listWal(dataDir: string): Promise<WalFile[]> {
  const dir = path.join(dataDir, MEMGRAPH_DIRS.wal);
  const names = await fs.readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') {
      return [] as string[]; // no transaction written since Memgraph started with an empty directory
    }
    throw new Error(`cannot read Memgraph's WAL directory ${dir}: ${error.message}`);
  });
  const files: WalFile[] = [];
  for (const name of names) {
    const wal = parseWalName(name);
    const stat = wal && (await fs.stat(path.join(dir, name)).catch(() => undefined));
    if (wal && stat?.isFile()) {
      files.push({ ...wal, size: stat.size });
    }
  }
  return files.sort((a, b) => a.prefix.localeCompare(b.prefix));
}

/** A path Memgraph answered with, as this service sees it. */
function localPath(ctx: BackupContext, memgraphPath: string): string {
  const root = ctx.memgraphDataDirInMemgraph.replace(/\/+$/, '');
  const relative = path.posix.relative(root, memgraphPath);
  if (!memgraphPath.startsWith(`${root}/`) || relative.startsWith('..')) {
    throw new Error(
      `Memgraph wrote ${memgraphPath}, outside its data directory ${root} (BACKUP_MEMGRAPH_DATA_DIR_IN_MEMGRAPH)`
    );
  }
  return path.join(ctx.memgraphDataDir, relative);
}

/**
 * Copies the WAL file that starts with `prefix`. Memgraph renames `<prefix>_current` to
 * `<prefix>_from_…_to_…` when it finalizes the file, possibly while we copy: then the new name is copied.
 */
async function copyWal(ctx: BackupContext, staging: Staging, prefix: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const wal = (await listWal(ctx.memgraphDataDir)).find((w) => w.prefix === prefix);
    if (!wal) {
      throw new Error(`WAL file ${prefix}_… disappeared from Memgraph's WAL directory before it was copied`);
    }
    try {
      await staging.copyIn(path.join(ctx.memgraphDataDir, MEMGRAPH_DIRS.wal, wal.name), `wal/${wal.name}`);
      return wal.name;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 3) {
        throw error;
      }
      await fs.rm(path.join(staging.dir, 'wal', wal.name), { force: true });
    }
  }
}

/** Copies a snapshot and the WAL files a restore from it needs. */
async function copySnapshotWithWal(ctx: BackupContext, staging: Staging, memgraphPath: string) {
  const file = path.basename(memgraphPath);
  const snapshot = parseSnapshotName(file);
  if (!snapshot) {
    throw new Error(`${memgraphPath} is not a Memgraph snapshot file name (<time>_timestamp_<ts>)`);
  }
  const relative = `snapshots/${file}`;
  await staging.copyIn(localPath(ctx, memgraphPath), relative);
  for (const wal of walsNeededFor(await listWal(ctx.memgraphDataDir), snapshot.durableTimestamp)) {
    await copyWal(ctx, staging, wal.prefix);
  }
  return { file: relative, durableTimestamp: snapshot.durableTimestamp.toString() };
}

async function inStaging(ctx: BackupContext, kind: 'full' | 'incremental', work: (staging: Staging) => Promise<Manifest>) {
  const staging = await ctx.repository.begin(kind, ctx.now());
  try {
    return await work(staging);
  } catch (error) {
    await staging.abort().catch(() => undefined);
    throw error;
  }
}

export async function runFullBackup(ctx: BackupContext): Promise<Manifest> {
  return inStaging(ctx, 'full', async (staging) => {
    const startedAt = ctx.now().toISOString();
    const before = await ctx.memgraph.counts();
    const snapshotPath = await ctx.memgraph.createSnapshot();
    const after = await ctx.memgraph.counts();
    const snapshot = await copySnapshotWithWal(ctx, staging, snapshotPath);
    return staging.commit({
      kind: 'full',
      chain: staging.name,
      startedAt,
      finishedAt: ctx.now().toISOString(),
      snapshot,
      counts: { before, after },
    });
  });
}

export class NoFullBackupError extends Error {
  constructor() {
    super('no complete full backup to build on yet: the next full backup (or `backup full`) starts a chain');
    this.name = 'NoFullBackupError';
  }
}

export async function runIncrementalBackup(ctx: BackupContext): Promise<Manifest> {
  const { backups } = await ctx.repository.list();
  const full = backups.filter((b) => b.kind === 'full').at(-1);
  if (!full) {
    throw new NoFullBackupError();
  }
  // The latest copy of each WAL file in the chain, by its start prefix.
  const copied = new Map<string, { name: string; size: number }>();
  for (const backup of backups.filter((b) => b.chain === full.name)) {
    for (const entry of backup.files.filter((f) => f.path.startsWith('wal/'))) {
      const wal = parseWalName(path.basename(entry.path));
      if (wal) {
        copied.set(wal.prefix, { name: wal.name, size: entry.size });
      }
    }
  }
  const newestCopied = [...copied.keys()].sort().at(-1);

  return inStaging(ctx, 'incremental', async (staging) => {
    const startedAt = ctx.now().toISOString();
    const before = await ctx.memgraph.counts();
    const wal = await listWal(ctx.memgraphDataDir);
    // Memgraph deletes WAL files oldest first, so the chain is whole while its newest copied file is still there.
    // A chain without any WAL copy yet (the full backup found none) cannot be checked this way; a file lost then
    // shows at restore time, as Memgraph's "missing a WAL file with the sequence number" (docs/backups.md).
    const intact = newestCopied === undefined || wal.some((w) => w.prefix === newestCopied);
    let snapshot: Manifest['snapshot'];
    let note: string | undefined;
    if (intact) {
      for (const file of wal) {
        const previous = copied.get(file.prefix);
        const changed = !previous || previous.name !== file.name || previous.size !== file.size;
        if ((newestCopied === undefined || file.prefix >= newestCopied) && changed) {
          await copyWal(ctx, staging, file.prefix);
        }
      }
    } else {
      const newest = (await ctx.memgraph.showSnapshots())[0];
      if (!newest) {
        throw new Error(`Memgraph deleted WAL file ${newestCopied}_… before it was copied in full, and holds no snapshot to restart the chain from`);
      }
      note = `Memgraph deleted WAL file ${newestCopied}_… before it was copied in full; the chain continues from Memgraph's snapshot ${path.basename(newest.path)}`;
      ctx.log(note);
      snapshot = await copySnapshotWithWal(ctx, staging, newest.path);
    }
    const after = await ctx.memgraph.counts();
    return staging.commit({
      kind: 'incremental',
      chain: full.name,
      startedAt,
      finishedAt: ctx.now().toISOString(),
      ...(snapshot ? { snapshot } : {}),
      counts: { before, after },
      ...(note ? { note } : {}),
    });
  });
}
