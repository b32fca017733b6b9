// A backup service's parts wired to a fake MAIN and a fake restore check, on temporary directories.
import fs from 'node:fs';
import {
  BackupRepository,
  createBackupMetrics,
  createRunner,
  MemgraphClient,
  type BackupContext,
  type BackupMetrics,
  type OffsiteCopy,
  type Runner,
} from '../../src';
import { BACKUPS_IN_RESTORE_CHECK, FakeMemgraph, FakeRestoreCheck, IN_MEMGRAPH, temporaryDir } from './fake-memgraph';

export interface Harness {
  main: FakeMemgraph;
  restoreCheck: FakeRestoreCheck;
  backupDir: string;
  repository: BackupRepository;
  context: BackupContext;
  runner: Runner;
  metrics: BackupMetrics;
  logs: string[];
  clock: { now: Date };
  /** Sample values of the registry, by `name{labels}`. */
  samples(): Promise<Map<string, number>>;
  stop(): Promise<void>;
}

export async function startHarness(options: { offsite?: OffsiteCopy } = {}): Promise<Harness> {
  const main = await new FakeMemgraph().start();
  const backupDir = temporaryDir('backups');
  const restoreCheck = await new FakeRestoreCheck(backupDir).start();
  const logs: string[] = [];
  const clock = { now: new Date('2026-12-07T02:00:00.000Z') };
  const now = () => {
    clock.now = new Date(clock.now.getTime() + 1000); // every reading is a second later: names never collide
    return clock.now;
  };
  const mainClient = new MemgraphClient({ url: main.server.url, user: '', password: '', timeoutMs: 5000 });
  const checkClient = new MemgraphClient({ url: restoreCheck.server.url, user: '', password: '', timeoutMs: 5000 });
  const repository = new BackupRepository(backupDir);
  const metrics = createBackupMetrics();
  const log = (line: string) => logs.push(line);
  const runner = createRunner({
    repository,
    main: mainClient,
    restoreCheck: checkClient,
    memgraphDataDir: main.dataDir,
    memgraphDataDirInMemgraph: IN_MEMGRAPH,
    backupDirInRestoreCheck: BACKUPS_IN_RESTORE_CHECK,
    retention: { fullCount: 3, maxAgeDays: 14 },
    offsite: options.offsite,
    metrics,
    now,
    log,
  });
  return {
    main,
    restoreCheck,
    backupDir,
    repository,
    context: { repository, memgraph: mainClient, memgraphDataDir: main.dataDir, memgraphDataDirInMemgraph: IN_MEMGRAPH, now, log },
    runner,
    metrics,
    logs,
    clock,
    async samples() {
      const text = await metrics.registry.metrics();
      return parseSamples(text);
    },
    async stop() {
      await runner.idle();
      await Promise.all([mainClient.close(), checkClient.close()]);
      await Promise.all([main.stop(), restoreCheck.stop()]);
      fs.rmSync(backupDir, { recursive: true, force: true });
    },
  };
}

export function parseSamples(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (match) {
      samples.set(match[1], Number(match[2]));
    }
  }
  return samples;
}
