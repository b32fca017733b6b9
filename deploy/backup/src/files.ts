// File primitives with crash-safe semantics: content reaches its final name only complete and on disk.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Flushes a directory entry change (a rename, a new file) to disk. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `content` to `file` through a temporary sibling, fsync and rename: readers see the old or the new file. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const temporary = `${file}.tmp-${process.pid}`;
  const handle = await fs.open(temporary, 'w', 0o644);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temporary, file);
  await syncDirectory(path.dirname(file));
}

export interface CopiedFile {
  size: number;
  sha256: string;
}

/**
 * Copies `source` to `target` (a new file), hashing what was copied, and fsyncs it. A file that grows meanwhile
 * (Memgraph's current WAL) is copied as far as it was when read: a prefix, which Memgraph reads up to its last
 * complete transaction (wal.cpp, ReadWalInfo).
 */
export async function copyWithHash(source: string, target: string): Promise<CopiedFile> {
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  await fs.mkdir(path.dirname(target), { recursive: true });
  await pipeline(createReadStream(source), tap, createWriteStream(target, { flags: 'wx', mode: 0o644 }));
  const handle = await fs.open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { size, sha256: hash.digest('hex') };
}

/** The SHA-256 of a file, streamed. */
export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}
