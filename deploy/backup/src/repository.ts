// The backup directory: one folder per backup, `<UTC stamp>-full` or `<UTC stamp>-incremental`, holding
// `snapshots/`, `wal/` (Memgraph's own layout) and `manifest.json`. A backup is assembled under `.in-progress/`
// and renamed into place with its manifest written last, so a folder with a valid manifest and files of the
// recorded sizes is complete; anything else (a crash mid-copy, a deleted file) is never counted as a backup.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BackupKind } from '@opentruss/contract';
import { copyWithHash, syncDirectory, writeFileAtomic } from './files';

export interface FileEntry {
  /** Relative to the backup's folder: `snapshots/<name>` or `wal/<name>`. */
  path: string;
  size: number;
  sha256: string;
}

/** The figures the restore check compares: inspection lots, elements, approval records. */
export interface Counts {
  lots: number;
  elements: number;
  approvals: number;
}

export interface Manifest {
  format: 1;
  name: string;
  kind: BackupKind;
  /** The full backup this one builds on (its own name for a full backup). */
  chain: string;
  startedAt: string;
  finishedAt: string;
  /** The snapshot this backup carries, if any (every full; an incremental that had to restart the WAL chain). */
  snapshot?: { file: string; durableTimestamp: string };
  files: FileEntry[];
  sizeBytes: number;
  /** Counted just before and just after the snapshot (or the WAL copy): the state lies between the two. */
  counts: { before: Counts; after: Counts };
  /** Why an incremental carries a snapshot: Memgraph had deleted a WAL file this chain had not copied in full. */
  note?: string;
}

const NAME = /^(\d{8}T\d{9}Z)-(full|incremental)$/;
const IN_PROGRESS = '.in-progress';
const TRASH = '.trash';
export const MANIFEST = 'manifest.json';

export function backupName(kind: BackupKind, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('.', '');
  return `${stamp}-${kind}`;
}

/** When a backup was taken, from its name. */
export function backupTime(name: string): Date {
  const match = NAME.exec(name);
  if (!match) {
    throw new Error(`${name} is not a backup name`);
  }
  const s = match[1];
  return new Date(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`);
}

export interface Listing {
  /** Complete backups, oldest first. */
  backups: Manifest[];
  /** Folders that look like backups but are not complete, with the reason. */
  rejected: Array<{ name: string; reason: string }>;
}

export class Staging {
  private readonly entries: FileEntry[] = [];

  constructor(
    readonly name: string,
    readonly dir: string,
    private readonly finalDir: string
  ) {}

  async copyIn(source: string, relativePath: string): Promise<FileEntry> {
    const copied = await copyWithHash(source, path.join(this.dir, relativePath));
    const entry = { path: relativePath, ...copied };
    this.entries.push(entry);
    return entry;
  }

  get files(): readonly FileEntry[] {
    return this.entries;
  }

  /** Writes the manifest, then moves the folder into place: from here on it is a backup. */
  async commit(manifest: Omit<Manifest, 'files' | 'sizeBytes' | 'format' | 'name'>): Promise<Manifest> {
    const complete: Manifest = {
      format: 1,
      name: this.name,
      ...manifest,
      files: [...this.entries],
      sizeBytes: this.entries.reduce((sum, entry) => sum + entry.size, 0),
    };
    for (const sub of ['snapshots', 'wal']) {
      await fs.mkdir(path.join(this.dir, sub), { recursive: true });
    }
    await writeFileAtomic(path.join(this.dir, MANIFEST), `${JSON.stringify(complete, null, 2)}\n`);
    await fs.rename(this.dir, this.finalDir);
    await syncDirectory(path.dirname(this.finalDir));
    return complete;
  }

  async abort(): Promise<void> {
    await fs.rm(this.dir, { recursive: true, force: true });
  }
}

export class BackupRepository {
  constructor(readonly dir: string) {}

  /** Throws a clear error when the backup directory is missing or not writable (the "target missing" case). */
  async checkWritable(): Promise<void> {
    const stat = await fs.stat(this.dir).catch(() => undefined);
    if (!stat?.isDirectory()) {
      throw new Error(`backup directory ${this.dir} does not exist (is the backup volume mounted?)`);
    }
    await fs.access(this.dir, fs.constants.W_OK).catch(() => {
      throw new Error(`backup directory ${this.dir} is not writable by this user`);
    });
  }

  async begin(kind: BackupKind, at: Date): Promise<Staging> {
    await this.checkWritable();
    const name = backupName(kind, at);
    const dir = path.join(this.dir, IN_PROGRESS, name);
    await fs.rm(dir, { recursive: true, force: true });
    await fs.mkdir(dir, { recursive: true });
    return new Staging(name, dir, path.join(this.dir, name));
  }

  /** Removes what interrupted runs left behind (never a complete backup). */
  async removeLeftovers(): Promise<string[]> {
    const removed: string[] = [];
    for (const sub of [IN_PROGRESS, TRASH]) {
      const dir = path.join(this.dir, sub);
      for (const entry of await fs.readdir(dir).catch(() => [] as string[])) {
        await fs.rm(path.join(dir, entry), { recursive: true, force: true });
        removed.push(`${sub}/${entry}`);
      }
    }
    return removed;
  }

  async list(): Promise<Listing> {
    const listing: Listing = { backups: [], rejected: [] };
    const names = (await fs.readdir(this.dir).catch(() => [] as string[])).filter((n) => NAME.test(n)).sort();
    for (const name of names) {
      const problem = await this.problemWith(name);
      if (typeof problem === 'string') {
        listing.rejected.push({ name, reason: problem });
      } else {
        listing.backups.push(problem);
      }
    }
    return listing;
  }

  /** The manifest of a complete backup, or why the folder is not one. */
  private async problemWith(name: string): Promise<Manifest | string> {
    const folder = path.join(this.dir, name);
    let manifest: Manifest;
    try {
      manifest = JSON.parse(await fs.readFile(path.join(folder, MANIFEST), 'utf8')) as Manifest;
    } catch (error) {
      return `no readable ${MANIFEST} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    }
    if (manifest.format !== 1 || manifest.name !== name || !Array.isArray(manifest.files)) {
      return `${MANIFEST} does not describe ${name}`;
    }
    for (const file of manifest.files) {
      const stat = await fs.stat(path.join(folder, file.path)).catch(() => undefined);
      if (!stat || stat.size !== file.size) {
        return `${file.path} is ${stat ? `${stat.size} bytes instead of ${file.size}` : 'missing'}`;
      }
    }
    return manifest;
  }

  folderOf(name: string): string {
    return path.join(this.dir, name);
  }

  /** Deletes a backup: moved aside first, so it stops counting at once even if the deletion is interrupted. */
  async remove(name: string): Promise<void> {
    const trash = path.join(this.dir, TRASH);
    await fs.mkdir(trash, { recursive: true });
    const aside = path.join(trash, name);
    await fs.rename(path.join(this.dir, name), aside);
    await fs.rm(aside, { recursive: true, force: true });
  }
}
