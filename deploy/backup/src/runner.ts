// Runs the jobs — full backup, incremental backup, restore check — one at a time (a snapshot, a WAL copy and a
// restore never overlap), records each attempt in state.json and refreshes the metrics. The scheduler and the
// one-off command both go through here, so a one-off backup is the scheduled procedure, not a twin of it.
import { runFullBackup, runIncrementalBackup, type BackupContext } from './backup';
import type { BackupMetrics } from './metrics';
import type { MemgraphClient } from './memgraph';
import type { BackupRepository, Manifest } from './repository';
import { backupsToDelete, type RetentionPolicy } from './retention';
import type { OffsiteCopy } from './s3';
import { readState, writeState, type Attempt, type Job } from './state';
import { runVerification } from './verify';

export interface RunnerOptions {
  repository: BackupRepository;
  main: MemgraphClient;
  restoreCheck: MemgraphClient;
  memgraphDataDir: string;
  memgraphDataDirInMemgraph: string;
  backupDirInRestoreCheck: string;
  retention: RetentionPolicy;
  offsite?: OffsiteCopy;
  metrics: BackupMetrics;
  now: () => Date;
  log: (line: string) => void;
}

export interface Runner {
  /** Queues a job (a job already waiting is not queued twice) and resolves with its attempt; never rejects. */
  run(job: Job): Promise<Attempt>;
  /** Checks the backup volume (and the bucket) and sets `opentruss_backup_target_up`. */
  checkTargets(): Promise<boolean>;
  refreshMetrics(): Promise<void>;
  /** Resolves when every queued job has finished. */
  idle(): Promise<void>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createRunner(options: RunnerOptions): Runner {
  const { repository, metrics, log } = options;
  let queue: Promise<unknown> = Promise.resolve();
  const waiting = new Map<Job, Promise<Attempt>>();

  const backupContext: BackupContext = {
    repository,
    memgraph: options.main,
    memgraphDataDir: options.memgraphDataDir,
    memgraphDataDirInMemgraph: options.memgraphDataDirInMemgraph,
    now: options.now,
    log,
  };

  async function refreshMetrics() {
    const [{ backups }, state] = await Promise.all([repository.list(), readState(repository.dir)]);
    metrics.refresh(backups, state);
  }

  async function checkTargets(): Promise<boolean> {
    let ok = true;
    try {
      await repository.checkWritable();
      metrics.setTargetUp('local', true);
    } catch (error) {
      ok = false;
      metrics.setTargetUp('local', false);
      log(`backup target local: ${message(error)}`);
    }
    if (options.offsite) {
      try {
        await options.offsite.check();
        metrics.setTargetUp('s3', true);
      } catch (error) {
        ok = false;
        metrics.setTargetUp('s3', false);
        log(`backup target s3: ${message(error)}`);
      }
    }
    return ok;
  }

  async function applyRetention() {
    const { backups } = await repository.list();
    for (const name of backupsToDelete(backups, options.retention, options.now())) {
      await repository.remove(name);
      await options.offsite?.remove(name);
      log(`retention: deleted ${name}`);
    }
  }

  async function backup(kind: 'full' | 'incremental'): Promise<Manifest> {
    const manifest = kind === 'full' ? await runFullBackup(backupContext) : await runIncrementalBackup(backupContext);
    log(`${kind} backup ${manifest.name}: ${manifest.files.length} files, ${manifest.sizeBytes} bytes`);
    if (options.offsite) {
      try {
        await options.offsite.upload(manifest, repository.folderOf(manifest.name));
      } catch (error) {
        throw new Error(`${manifest.name} is complete locally, but its copy to S3 failed: ${message(error)}`);
      }
    }
    await applyRetention();
    return manifest;
  }

  async function perform(job: Job): Promise<Attempt> {
    const started = options.now();
    let attempt: Attempt;
    try {
      const backupName =
        job === 'verification' ? (await runVerification({ repository, restoreCheck: options.restoreCheck, backupDirInRestoreCheck: options.backupDirInRestoreCheck })).backup : (await backup(job)).name;
      attempt = { status: 'success', finishedAt: options.now().toISOString(), durationSeconds: 0, backup: backupName };
    } catch (error) {
      attempt = { status: 'failure', finishedAt: options.now().toISOString(), durationSeconds: 0, message: message(error) };
      log(`${job} failed: ${message(error)}`);
    }
    attempt.durationSeconds = (Date.parse(attempt.finishedAt) - started.getTime()) / 1000;
    if (job === 'verification' && attempt.status === 'success') {
      log(`verification of ${attempt.backup} succeeded`);
    }
    try {
      const state = await readState(repository.dir);
      state.last[job] = attempt;
      if (job === 'verification' && attempt.status === 'success') {
        state.verificationLastSuccess = attempt;
      }
      await writeState(repository.dir, state);
    } catch (error) {
      log(`cannot record the ${job} attempt in state.json: ${message(error)}`);
    }
    await checkTargets();
    await refreshMetrics().catch((error: unknown) => log(`cannot refresh metrics: ${message(error)}`));
    return attempt;
  }

  return {
    run(job) {
      const pending = waiting.get(job);
      if (pending) {
        return pending;
      }
      const next = queue.then(() => {
        waiting.delete(job);
        return perform(job);
      });
      waiting.set(job, next);
      queue = next;
      return next;
    },
    checkTargets,
    refreshMetrics,
    idle: () => queue.then(() => undefined),
  };
}
