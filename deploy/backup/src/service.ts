// The long-running service: the three schedules (croner, in BACKUP_TIME_ZONE), GET /metrics and GET /health.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Cron } from 'croner';
import type { BackupSettings } from './config';
import { createBackupMetrics } from './metrics';
import { MemgraphClient } from './memgraph';
import { BackupRepository } from './repository';
import { createRunner, type Runner } from './runner';
import { createS3Copy } from './s3';
import { readState, type Job } from './state';

export interface ServiceOptions extends BackupSettings {
  log: (line: string) => void;
  now?: () => Date;
  /** How often the backup targets are checked between jobs. */
  targetCheckIntervalMs?: number;
}

export interface BackupService {
  url: string;
  runner: Runner;
  /** When each job runs next. */
  nextRuns(): Record<Job, Date | null>;
  stop(): Promise<void>;
}

/** Builds the runner a service or a one-off command uses. */
export function createRunnerFromSettings(settings: BackupSettings, log: (line: string) => void, now: () => Date = () => new Date()) {
  const timeoutMs = settings.queryTimeoutMs;
  const main = new MemgraphClient({ url: settings.memgraphUrl, user: settings.user, password: settings.password, timeoutMs });
  const restoreCheck = new MemgraphClient({
    url: settings.restoreCheck.url,
    user: settings.user,
    password: settings.password,
    timeoutMs,
  });
  const offsite = settings.s3 ? createS3Copy(settings.s3, log) : undefined;
  const metrics = createBackupMetrics();
  const repository = new BackupRepository(settings.backupDir);
  const runner = createRunner({
    repository,
    main,
    restoreCheck,
    memgraphDataDir: settings.memgraphDataDir,
    memgraphDataDirInMemgraph: settings.memgraphDataDirInMemgraph,
    backupDirInRestoreCheck: settings.restoreCheck.backupDirInMemgraph,
    retention: settings.retention,
    offsite,
    metrics,
    now,
    log,
  });
  const close = async () => {
    offsite?.close();
    await Promise.all([main.close(), restoreCheck.close()]);
  };
  return { runner, metrics, repository, close };
}

export async function startBackupService(options: ServiceOptions): Promise<BackupService> {
  const { log } = options;
  const { runner, metrics, repository, close } = createRunnerFromSettings(options, log, options.now);

  for (const leftover of await repository.removeLeftovers().catch(() => [])) {
    log(`removed ${leftover}, left by an interrupted run`);
  }
  await runner.checkTargets();
  await runner.refreshMetrics().catch((error: unknown) => log(`cannot read the backup directory: ${String(error)}`));

  const retries = new Set<NodeJS.Timeout>();
  /** A scheduled run; when it fails, one more try after retryDelayMs. */
  const scheduled = (job: Job) => {
    void runner.run(job).then((attempt) => {
      if (attempt.status === 'failure' && options.retryDelayMs > 0) {
        log(`${job}: trying once more in ${options.retryDelayMs / 60_000} min`);
        const timer = setTimeout(() => {
          retries.delete(timer);
          void runner.run(job);
        }, options.retryDelayMs);
        retries.add(timer);
      }
    });
  };
  const cron = (job: Job, pattern: string) => new Cron(pattern, { timezone: options.timeZone, name: job }, () => scheduled(job));
  const jobs = {
    full: cron('full', options.schedules.full),
    incremental: cron('incremental', options.schedules.incremental),
    verification: cron('verification', options.schedules.verify),
  } satisfies Record<Job, Cron>;
  // Also picks up backups made by one-off commands (`docker compose run --rm backup full`).
  const targetTimer = setInterval(() => {
    void runner.checkTargets().then(() => runner.refreshMetrics().catch(() => undefined));
  }, options.targetCheckIntervalMs ?? 300_000);
  targetTimer.unref();

  // A fresh install is covered at once: a full backup, then its restore check, instead of alerts until 02:00.
  if (options.fullOnStart && !(await repository.list()).backups.some((b) => b.kind === 'full')) {
    log('no full backup yet: taking one now');
    scheduled('full');
  }
  if (options.fullOnStart && !(await readState(repository.dir)).verificationLastSuccess) {
    scheduled('verification');
  }

  const server = http.createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/metrics') {
      metrics.registry.metrics().then(
        (text) => {
          response.writeHead(200, { 'content-type': metrics.registry.contentType });
          response.end(text);
        },
        () => {
          response.writeHead(500).end();
        }
      );
    } else if (request.method === 'GET' && request.url === '/health') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  log(
    `serving /metrics on :${port}; full "${options.schedules.full}", incremental "${options.schedules.incremental}", ` +
      `restore check "${options.schedules.verify}" (${options.timeZone})`
  );

  return {
    url: `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}`,
    runner,
    nextRuns: () => ({
      full: jobs.full.nextRun(),
      incremental: jobs.incremental.nextRun(),
      verification: jobs.verification.nextRun(),
    }),
    async stop() {
      Object.values(jobs).forEach((job) => job.stop());
      retries.forEach((timer) => clearTimeout(timer));
      clearInterval(targetTimer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runner.idle();
      await close();
    },
  };
}
