// Entry point of the `backup` container and of its one-off commands (docs/backups.md):
//   serve                     the scheduled service (default)
//   full | incremental        one backup now: the scheduled procedure (retention and S3 copy included)
//   verify                    the restore check now
//   list                      complete backups with their recorded counts (and folders that are not backups)
//   restore [--backup NAME] --into DIR [--owner UID:GID] [--dry-run]
//                             writes the newest backup (or NAME) into a stopped Memgraph's data directory
import { formatLogLine } from '@opentruss/contract';
import { readSettings } from './config';
import { BackupRepository } from './repository';
import { applyRestore, parseOwner } from './restore';
import { planRestore } from './restore-plan';
import { createRunnerFromSettings, startBackupService } from './service';

// One JSON line per event, as every Node service of the stack writes them (@opentruss/contract; Alloy reads `level`).
const log = (line: string) => console.log(formatLogLine('backup', 'info', line));
const fail = (text: string): never => {
  console.error(formatLogLine('backup', 'error', text));
  process.exit(1);
};
const USAGE =
  'usage: backup [serve | full | incremental | verify | list | restore [--backup NAME] --into DIR [--owner UID:GID] [--dry-run]]';

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(args: string[]): Promise<number> {
  const [command = 'serve'] = args;
  const settings = readSettings(process.env);
  if (command === 'serve') {
    const service = await startBackupService({ ...settings, log });
    const shutdown = () => service.stop().then(() => process.exit(0), () => process.exit(1));
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
    return -1;
  }
  if (command === 'list' || command === 'restore') {
    const repository = new BackupRepository(settings.backupDir);
    const { backups, rejected } = await repository.list();
    if (command === 'list') {
      for (const b of backups) {
        const { lots, elements, approvals } = b.counts.after;
        console.log(
          `${b.name}\t${b.sizeBytes} bytes\t${b.files.length} files\tchain ${b.chain}\tlots=${lots} elements=${elements} approvals=${approvals}`
        );
      }
      rejected.forEach((r) => console.log(`${r.name}\tNOT A BACKUP: ${r.reason}`));
      return 0;
    }
    const into = option(args, '--into') ?? fail(USAGE);
    const plan = planRestore(backups, settings.backupDir, option(args, '--backup'));
    log(`restore up to ${plan.upTo}: chain ${plan.chain.join(' → ')}`);
    log(`snapshot ${plan.snapshot.target}; WAL ${plan.wal.map((w) => w.target).join(', ') || 'none'}`);
    if (args.includes('--dry-run')) {
      return 0;
    }
    const ownerText = option(args, '--owner');
    const result = await applyRestore(plan, into, new Date(), ownerText ? parseOwner(ownerText) : undefined);
    log(`wrote ${result.files} files into ${into}${result.movedAside ? `; the previous files are in ${result.movedAside}` : ''}`);
    return 0;
  }
  const job = command === 'verify' ? 'verification' : command === 'full' || command === 'incremental' ? command : fail(USAGE);
  const { runner, close } = createRunnerFromSettings(settings, log);
  const attempt = await runner.run(job);
  await close();
  return attempt.status === 'success' ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) {
      process.exit(code);
    }
  },
  (error: unknown) => fail(error instanceof Error ? error.message : String(error))
);
