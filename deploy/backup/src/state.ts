// What the last attempts did, kept in the backup directory (state.json) so the metrics say the same after a
// restart: a failed backup stays failed until one succeeds, and the restore check's last success is not forgotten.
import fs from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './files';

export type Job = 'full' | 'incremental' | 'verification';

export interface Attempt {
  status: 'success' | 'failure';
  finishedAt: string;
  durationSeconds: number;
  /** The backup written or verified. */
  backup?: string;
  message?: string;
}

export interface ServiceState {
  last: Partial<Record<Job, Attempt>>;
  /** The restore check's last success (backups have theirs in their manifests). */
  verificationLastSuccess?: Attempt;
}

export const STATE_FILE = 'state.json';

export async function readState(backupDir: string): Promise<ServiceState> {
  try {
    const parsed = JSON.parse(await fs.readFile(path.join(backupDir, STATE_FILE), 'utf8')) as ServiceState;
    return { last: parsed.last ?? {}, verificationLastSuccess: parsed.verificationLastSuccess };
  } catch {
    return { last: {} };
  }
}

export async function writeState(backupDir: string, state: ServiceState): Promise<void> {
  await writeFileAtomic(path.join(backupDir, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}
