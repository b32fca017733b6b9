// What a restore puts into an empty Memgraph data directory, from the backups the service wrote: the newest
// snapshot of the chain up to the chosen backup, and the WAL files Memgraph replays after it, each WAL file in its
// latest copy (a `_current` file copied hourly, later finalized under its `_from_…_to_…` name, is one file).
// Memgraph's startup recovery (--data-recovery-on-startup, on in the image's config) loads that snapshot and
// replays the WAL files in sequence (durability.cpp, RecoverData).
import path from 'node:path';
import { parseSnapshotName, parseWalName, walsNeededFor, type WalName } from './durability-files';
import type { Manifest } from './repository';

export interface PlannedFile {
  /** Absolute path of the copy in the backup directory. */
  source: string;
  /** Where it goes in Memgraph's data directory: `snapshots/<name>` or `wal/<name>`. */
  target: string;
  size: number;
  sha256: string;
}

export interface RestorePlan {
  /** The backup restored up to (its state is what Memgraph will hold). */
  upTo: string;
  chain: string[];
  snapshot: PlannedFile;
  wal: PlannedFile[];
}

export class RestorePlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestorePlanError';
  }
}

/** `upTo` defaults to the newest complete backup. */
export function planRestore(backups: readonly Manifest[], backupDir: string, upTo?: string): RestorePlan {
  const target = upTo ? backups.find((b) => b.name === upTo) : backups.at(-1);
  if (!target) {
    const names = backups.map((b) => b.name).join(', ') || 'none';
    throw new RestorePlanError(
      upTo ? `no complete backup named ${upTo} (complete backups: ${names})` : 'the backup directory holds no complete backup'
    );
  }
  const chain = backups.filter((b) => b.chain === target.chain && b.name <= target.name);
  if (chain[0]?.name !== target.chain) {
    throw new RestorePlanError(`the full backup ${target.chain} that ${target.name} builds on is missing`);
  }
  const withSnapshot = [...chain].reverse().find((b) => b.snapshot);
  if (!withSnapshot?.snapshot) {
    throw new RestorePlanError(`no backup of chain ${target.chain} carries a snapshot`);
  }
  const snapshotName = parseSnapshotName(path.basename(withSnapshot.snapshot.file));
  if (!snapshotName) {
    throw new RestorePlanError(`${withSnapshot.name}: ${withSnapshot.snapshot.file} is not a Memgraph snapshot name`);
  }
  const fileOf = (backup: Manifest, relative: string): PlannedFile => {
    const entry = backup.files.find((f) => f.path === relative);
    if (!entry) {
      throw new RestorePlanError(`${backup.name}: its manifest lists no ${relative}`);
    }
    return { source: path.join(backupDir, backup.name, relative), target: relative, size: entry.size, sha256: entry.sha256 };
  };

  // The latest copy of each WAL file (by its start prefix), from the backups up to and including `upTo`.
  const latest = new Map<string, { wal: WalName; file: PlannedFile }>();
  for (const backup of chain) {
    for (const entry of backup.files.filter((f) => f.path.startsWith('wal/'))) {
      const wal = parseWalName(path.basename(entry.path));
      if (wal) {
        latest.set(wal.prefix, { wal, file: fileOf(backup, entry.path) });
      }
    }
  }
  const needed = walsNeededFor([...latest.values()].map((v) => v.wal), snapshotName.durableTimestamp);
  return {
    upTo: target.name,
    chain: chain.map((b) => b.name),
    snapshot: fileOf(withSnapshot, withSnapshot.snapshot.file),
    wal: needed.map((wal) => latest.get(wal.prefix)!.file),
  };
}
