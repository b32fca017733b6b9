// The restore check: the newest full backup, checked against its recorded SHA-256, loaded into the throw-away
// Memgraph `memgraph-restore-check` with RECOVER SNAPSHOT … FORCE (which replaces that instance's data; MAIN is
// never sent it), then its counts of lots, elements and approvals compared with the figures recorded when the
// snapshot was taken. WAL replay is not part of it: RECOVER SNAPSHOT loads a snapshot only (its WAL "cannot have
// any WALs associated with it", inmemory/storage.cpp); the weekly full restore drill replays WAL (docs/backups.md).
import path from 'node:path';
import { sha256Of } from './files';
import type { MemgraphClient } from './memgraph';
import type { BackupRepository, Counts } from './repository';

export interface VerificationContext {
  repository: BackupRepository;
  restoreCheck: MemgraphClient;
  /** The backup directory as the restore-check Memgraph sees it. */
  backupDirInRestoreCheck: string;
}

export interface VerificationResult {
  backup: string;
  counts: Counts;
}

export class VerificationMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VerificationMismatchError';
  }
}

/** Restored counts must lie between those recorded just before and just after the snapshot. */
export function compareCounts(restored: Counts, before: Counts, after: Counts): string[] {
  return (Object.keys(restored) as Array<keyof Counts>).flatMap((key) => {
    const low = Math.min(before[key], after[key]);
    const high = Math.max(before[key], after[key]);
    const value = restored[key];
    return value >= low && value <= high ? [] : [`${key}: ${value} restored, ${low === high ? low : `${low}–${high}`} recorded`];
  });
}

export async function runVerification(ctx: VerificationContext): Promise<VerificationResult> {
  const { backups } = await ctx.repository.list();
  const full = backups.filter((b) => b.kind === 'full').at(-1);
  if (!full?.snapshot) {
    throw new Error('no complete full backup to verify yet');
  }
  const entry = full.files.find((f) => f.path === full.snapshot!.file);
  const local = path.join(ctx.repository.folderOf(full.name), full.snapshot.file);
  if (!entry || (await sha256Of(local)) !== entry.sha256) {
    throw new VerificationMismatchError(`${full.name}: ${full.snapshot.file} does not match its recorded SHA-256`);
  }
  await ctx.restoreCheck.recoverSnapshot(path.posix.join(ctx.backupDirInRestoreCheck, full.name, full.snapshot.file));
  const counts = await ctx.restoreCheck.counts();
  const mismatches = compareCounts(counts, full.counts.before, full.counts.after);
  if (mismatches.length > 0) {
    throw new VerificationMismatchError(`${full.name} restored with different figures: ${mismatches.join('; ')}`);
  }
  return { backup: full.name, counts };
}
