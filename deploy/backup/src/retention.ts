// Which backups to delete: whole chains (a full backup and the incrementals built on it), never a part of one,
// and never the newest chain. A chain goes when more than `fullCount` newer chains exist, or when its full backup
// is older than `maxAgeDays` and a newer chain exists.
import { backupTime, type Manifest } from './repository';

export interface RetentionPolicy {
  fullCount: number;
  maxAgeDays: number;
}

export function backupsToDelete(backups: readonly Manifest[], policy: RetentionPolicy, now: Date): string[] {
  const fulls = backups.filter((b) => b.kind === 'full').map((b) => b.name).sort();
  const newestFirst = [...fulls].reverse();
  const expired = new Set(
    newestFirst.filter((name, index) => {
      if (index === 0) {
        return false;
      }
      const ageDays = (now.getTime() - backupTime(name).getTime()) / 86_400_000;
      return index >= policy.fullCount || ageDays > policy.maxAgeDays;
    })
  );
  // Incrementals whose full backup is gone (deleted by hand) cannot be restored either: they go with the oldest.
  const known = new Set(fulls);
  return backups
    .filter((b) => expired.has(b.chain) || (!known.has(b.chain) && b.name < (newestFirst[0] ?? '')))
    .map((b) => b.name)
    .sort();
}
