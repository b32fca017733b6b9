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

export async function applyRestore(plan: RestorePlan, dataDir: string, now: Date): Promise<RestoreResult> {
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
  return { movedAside, files: files.length };
}
