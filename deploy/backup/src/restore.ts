// Writes a restore plan into Memgraph's data directory (stopped Memgraph, its volume mounted read-write): every
// file checked against its recorded SHA-256 first, existing snapshots/ and wal/ moved aside into
// .before-restore-<time>/ (never deleted), then the plan's files copied into snapshots/ and wal/.
import fs from 'node:fs/promises';
import path from 'node:path';
import { MEMGRAPH_DIRS } from './durability-files';
import { copyWithHash, sha256Of } from './files';
import type { RestorePlan } from './restore-plan';

export interface RestoreResult {
  /** Where the previous snapshots/ and wal/ were moved, if there were any. */
  movedAside?: string;
  files: number;
}

/** Who owns the restored files: Memgraph's user in its image is 101:103, which a restore run as root hands them to. */
export interface Owner {
  uid: number;
  gid: number;
}

export function parseOwner(text: string): Owner {
  const match = /^(\d+):(\d+)$/.exec(text);
  if (!match) {
    throw new Error(`--owner must be <uid>:<gid>, e.g. 101:103 (Memgraph's user in its image), got "${text}"`);
  }
  return { uid: Number(match[1]), gid: Number(match[2]) };
}

async function chownTree(target: string, owner: Owner): Promise<void> {
  await fs.chown(target, owner.uid, owner.gid);
  if ((await fs.stat(target)).isDirectory()) {
    for (const entry of await fs.readdir(target)) {
      await chownTree(path.join(target, entry), owner);
    }
  }
}

export async function applyRestore(plan: RestorePlan, dataDir: string, now: Date, owner?: Owner): Promise<RestoreResult> {
  const files = [plan.snapshot, ...plan.wal];
  for (const file of files) {
    if ((await sha256Of(file.source)) !== file.sha256) {
      throw new Error(`${file.source} does not match its recorded SHA-256: nothing was changed in ${dataDir}`);
    }
  }
  await fs.mkdir(dataDir, { recursive: true });
  let movedAside: string | undefined;
  for (const sub of Object.values(MEMGRAPH_DIRS)) {
    const existing = path.join(dataDir, sub);
    if (await fs.stat(existing).catch(() => undefined)) {
      movedAside ??= path.join(dataDir, `.before-restore-${now.toISOString().replace(/[-:.]/g, '')}`);
      await fs.mkdir(movedAside, { recursive: true });
      await fs.rename(existing, path.join(movedAside, sub));
    }
  }
  for (const file of files) {
    const copied = await copyWithHash(file.source, path.join(dataDir, file.target));
    if (copied.sha256 !== file.sha256) {
      throw new Error(`${file.target} changed while it was copied; run the restore again`);
    }
  }
  await fs.mkdir(path.join(dataDir, MEMGRAPH_DIRS.wal), { recursive: true });
  if (owner) {
    await fs.chown(dataDir, owner.uid, owner.gid);
    for (const sub of [...Object.values(MEMGRAPH_DIRS), ...(movedAside ? [path.basename(movedAside)] : [])]) {
      await chownTree(path.join(dataDir, sub), owner);
    }
  }
  return { movedAside, files: files.length };
}
