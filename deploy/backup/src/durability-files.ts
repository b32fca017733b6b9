// Memgraph's durability file names (src/storage/v2/durability/paths.hpp at v3.12.0): snapshots are
// `<YYYYmmddHHMMSSffffff>_timestamp_<durable ts>` in snapshots/, WAL files `<YYYYmmddHHMMSSffffff>_current` while
// Memgraph still appends to them, renamed `<same prefix>_from_<first ts>_to_<last ts>` once finalized. The
// 20-digit prefix is when the file was started; it never changes, so it identifies a WAL file across its rename.

export interface SnapshotName {
  name: string;
  prefix: string;
  durableTimestamp: bigint;
}

export type WalName =
  | { name: string; prefix: string; state: 'current' }
  | { name: string; prefix: string; state: 'finalized'; from: bigint; to: bigint };

const SNAPSHOT = /^(\d{20})_timestamp_(\d+)$/;
const WAL_CURRENT = /^(\d{20})_current$/;
const WAL_FINALIZED = /^(\d{20})_from_(\d+)_to_(\d+)$/;

export function parseSnapshotName(name: string): SnapshotName | undefined {
  const match = SNAPSHOT.exec(name);
  return match ? { name, prefix: match[1], durableTimestamp: BigInt(match[2]) } : undefined;
}

export function parseWalName(name: string): WalName | undefined {
  const current = WAL_CURRENT.exec(name);
  if (current) {
    return { name, prefix: current[1], state: 'current' };
  }
  const finalized = WAL_FINALIZED.exec(name);
  if (finalized) {
    return { name, prefix: finalized[1], state: 'finalized', from: BigInt(finalized[2]), to: BigInt(finalized[3]) };
  }
  return undefined;
}

/**
 * The WAL files a restore from a snapshot with `durableTimestamp` needs, oldest first: the newest finalized file
 * that ends at or before the snapshot (Memgraph refuses a WAL chain whose first file starts after the snapshot,
 * unless it is the very first WAL file: durability.cpp, RecoverData, "You must have at least one WAL file that
 * contains at least one delta that was created before the snapshot file!") and every file after it. Memgraph
 * skips the transactions already in the snapshot itself. Files are ordered by their start prefix.
 */
export function walsNeededFor<T extends WalName>(wals: readonly T[], durableTimestamp: bigint): T[] {
  const sorted = [...wals].sort((a, b) => a.prefix.localeCompare(b.prefix));
  let first = 0;
  sorted.forEach((wal, index) => {
    if (wal.state === 'finalized' && wal.to <= durableTimestamp) {
      first = index;
    }
  });
  return sorted.slice(first);
}

/** Subdirectories of Memgraph's data directory (paths.hpp: kSnapshotDirectory, kWalDirectory). */
export const MEMGRAPH_DIRS = { snapshots: 'snapshots', wal: 'wal' } as const;
