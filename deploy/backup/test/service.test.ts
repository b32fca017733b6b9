// The scheduled service: schedules read in the configured time zone, a full backup at start on an empty backup
// directory, the incremental schedule firing, and GET /metrics, GET /health.
import fs from 'node:fs';
import { backupMetrics } from '@opentruss/contract';
import { readSettings, startBackupService, type BackupService } from '../src';
import { FakeMemgraph, FakeRestoreCheck, temporaryDir } from './support/fake-memgraph';
import { parseSamples } from './support/harness';

let main: FakeMemgraph;
let restoreCheck: FakeRestoreCheck;
let backupDir: string;
let service: BackupService | undefined;
const logs: string[] = [];

beforeEach(async () => {
  main = await new FakeMemgraph().start();
  backupDir = temporaryDir('service');
  restoreCheck = await new FakeRestoreCheck(backupDir).start();
});

afterEach(async () => {
  await service?.stop();
  service = undefined;
  await Promise.all([main.stop(), restoreCheck.stop()]);
  fs.rmSync(backupDir, { recursive: true, force: true });
});

function settings(env: Record<string, string>) {
  return {
    ...readSettings({
      MEMGRAPH_URL: main.server.url,
      BACKUP_RESTORE_CHECK_URL: restoreCheck.server.url,
      BACKUP_DIR: backupDir,
      BACKUP_MEMGRAPH_DATA_DIR: main.dataDir,
      BACKUP_HOST: '127.0.0.1',
      BACKUP_PORT: '0',
      ...env,
    }),
    log: (line: string) => logs.push(line),
  };
}

async function scrape(url: string) {
  const response = await fetch(`${url}/metrics`);
  expect(response.status).toBe(200);
  return parseSamples(await response.text());
}

/** Polls (bounded) until `predicate` holds on the scraped metrics. */
async function until(url: string, predicate: (samples: Map<string, number>) => boolean, what: string) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const samples = await scrape(url);
    if (predicate(samples)) {
      return samples;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what} never happened; log:\n${logs.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

it('reads the default schedules in the configured time zone: full 02:00 daily, incremental hourly, check daily', async () => {
  service = await startBackupService(settings({ BACKUP_TIME_ZONE: 'Asia/Shanghai', BACKUP_FULL_ON_START: 'false' }));
  const next = service.nextRuns();
  const local = (date: Date | null) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(date!);
  expect(local(next.full)).toBe('02:00');
  expect(next.full!.getUTCHours()).toBe(18); // 02:00 in Shanghai (UTC+8)
  expect(next.incremental!.getUTCMinutes()).toBe(0);
  expect(next.incremental!.getTime() - Date.now()).toBeLessThanOrEqual(3_600_000);
  expect(local(next.verification)).toBe('03:30');
  expect(logs.join('\n')).toContain('full "0 2 * * *", incremental "0 * * * *", restore check "30 3 * * *" (Asia/Shanghai)');
  await until(service.url, (s) => !s.has(`${backupMetrics.lastSuccess}{kind="full"}`), 'no backup at start');
});

it('takes a full backup at start on an empty directory, then incrementals on schedule, and serves /metrics and /health', async () => {
  main.commit();
  service = await startBackupService(settings({ BACKUP_INCREMENTAL_SCHEDULE: '* * * * * *' }));
  expect(await (await fetch(`${service.url}/health`)).text()).toBe('ok\n');
  await until(service.url, (s) => s.get(`${backupMetrics.lastStatus}{kind="full"}`) === 1, 'the start-up full backup');
  main.commit();
  const samples = await until(
    service.url,
    (s) => s.get(`${backupMetrics.lastStatus}{kind="incremental"}`) === 1,
    'a scheduled incremental backup'
  );
  expect(samples.get(`${backupMetrics.targetUp}{target="local"}`)).toBe(1);
  expect(logs.join('\n')).toContain('no full backup yet: taking one now');
  expect(main.server.runs.filter((r) => r.query === 'CREATE SNAPSHOT')).toHaveLength(1);
  expect((await fetch(`${service.url}/other`)).status).toBe(404);
});

it('does not take a start-up full backup when one exists, and removes what an interrupted run left', async () => {
  main.commit();
  service = await startBackupService(settings({}));
  await until(service.url, (s) => s.get(`${backupMetrics.lastStatus}{kind="full"}`) === 1, 'the start-up full backup');
  await service.stop();
  fs.mkdirSync(`${backupDir}/.in-progress/20261207T020000000Z-full`, { recursive: true });
  service = await startBackupService(settings({}));
  await until(service.url, (s) => s.has(`${backupMetrics.lastSuccess}{kind="full"}`), 'metrics read back from disk');
  expect(main.server.runs.filter((r) => r.query === 'CREATE SNAPSHOT')).toHaveLength(1);
  expect(logs).toContain('removed .in-progress/20261207T020000000Z-full, left by an interrupted run');
});

it('tries a failed scheduled job once more after BACKUP_RETRY_MINUTES', async () => {
  main.commit();
  main.server.addResponder({
    match: 'CREATE SNAPSHOT',
    times: 1,
    failure: { code: 'Memgraph.ClientError.MemgraphError.MemgraphError', message: 'Snapshot creation is already in progress!' },
  });
  const options = settings({});
  service = await startBackupService({ ...options, retryDelayMs: 200 });
  await until(service.url, (s) => s.get(`${backupMetrics.lastStatus}{kind="full"}`) === 1, 'the retried full backup');
  expect(logs.join('\n')).toMatch(/full failed: .*already in progress[\s\S]*full: trying once more in/);
  expect(main.server.runs.filter((r) => r.query === 'CREATE SNAPSHOT')).toHaveLength(2);
  expect(readSettings({}).retryDelayMs).toBe(600_000);
});
