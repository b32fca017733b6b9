// "Memgraph" for the backup tests: the Bolt test server answers the service's statements (CREATE SNAPSHOT,
// SHOW SNAPSHOTS, RECOVER SNAPSHOT, the counts) with the columns Memgraph 3.12 answers them with, and this class
// plays Memgraph's side of the data directory in a temporary folder: snapshot files named as Memgraph names them
// (here holding the counts as JSON, which a real snapshot does not), WAL files appended to, finalized (renamed
// `_from_…_to_…`) and deleted. The snapshot and WAL formats themselves only a real Memgraph can prove.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBoltTestServer, type BoltTestServer, type Responder } from '@opentruss/bolt-test-server';
import neo4j from 'neo4j-driver';
import { COUNT_QUERIES, type Counts } from '../../src';

export const IN_MEMGRAPH = '/var/lib/memgraph';
export const BACKUPS_IN_RESTORE_CHECK = '/backups';

export function temporaryDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `backup-${label}-`));
}

const countResponders = (counts: () => Counts): Responder[] =>
  (Object.keys(COUNT_QUERIES) as Array<keyof Counts>).map((key) => ({
    name: `count ${key}`,
    match: COUNT_QUERIES[key],
    fields: ['n'],
    records: () => [[neo4j.int(counts()[key])]],
  }));

export class FakeMemgraph {
  readonly dataDir = temporaryDir('memgraph');
  counts: Counts = { lots: 40, elements: 1200, approvals: 75 };
  private timestamp = 100n;
  private sequence = 0;
  private current: { prefix: string; from?: bigint; to?: bigint } | undefined;
  server!: BoltTestServer;

  constructor() {
    fs.mkdirSync(path.join(this.dataDir, 'snapshots'), { recursive: true });
    fs.mkdirSync(path.join(this.dataDir, 'wal'), { recursive: true });
  }

  /** `users`: Memgraph with these users (this stack's Memgraph always has one); absent: any credentials. */
  async start(users?: Record<string, string>): Promise<this> {
    this.server = await startBoltTestServer({ responders: this.responders(), users });
    return this;
  }

  private prefix(): string {
    this.sequence += 1;
    return String(20261207000000000000n + BigInt(this.sequence * 1000));
  }

  private walPath(name: string) {
    return path.join(this.dataDir, 'wal', name);
  }

  /** A committed write transaction: appended to the current WAL file (started if there is none). */
  commit(bytes = 100, change: Partial<Counts> = {}): void {
    this.timestamp += 2n;
    this.current ??= { prefix: this.prefix() };
    this.current.from ??= this.timestamp;
    this.current.to = this.timestamp;
    fs.appendFileSync(this.walPath(`${this.current.prefix}_current`), Buffer.alloc(bytes, this.sequence));
    this.counts = {
      lots: this.counts.lots + (change.lots ?? 0),
      elements: this.counts.elements + (change.elements ?? 0),
      approvals: this.counts.approvals + (change.approvals ?? 0),
    };
  }

  /** What Memgraph does when the current WAL file reaches --storage-wal-file-size-kib. */
  finalizeWal(): string {
    if (!this.current) {
      throw new Error('no current WAL file');
    }
    const { prefix, from, to } = this.current;
    const name = `${prefix}_from_${from}_to_${to}`;
    fs.renameSync(this.walPath(`${prefix}_current`), this.walPath(name));
    this.current = undefined;
    return name;
  }

  walFiles(): string[] {
    return fs.readdirSync(path.join(this.dataDir, 'wal')).sort();
  }

  /** What Memgraph's snapshot retention does to WAL files older than its oldest kept snapshot. */
  deleteWal(name: string): void {
    fs.rmSync(this.walPath(name));
  }

  /** Writes a snapshot file at the current timestamp, as CREATE SNAPSHOT and the periodic snapshots do. */
  writeSnapshot(): string {
    this.timestamp += 1n;
    const name = `${this.prefix()}_timestamp_${this.timestamp}`;
    fs.writeFileSync(path.join(this.dataDir, 'snapshots', name), JSON.stringify(this.counts));
    return `${IN_MEMGRAPH}/snapshots/${name}`;
  }

  responders(): Responder[] {
    return [
      ...countResponders(() => this.counts),
      { name: 'CREATE SNAPSHOT', match: 'CREATE SNAPSHOT', fields: ['path'], records: () => [[this.writeSnapshot()]] },
      {
        name: 'SHOW SNAPSHOTS',
        match: 'SHOW SNAPSHOTS',
        fields: ['path', 'timestamp', 'creation_time', 'size'],
        records: () =>
          fs
            .readdirSync(path.join(this.dataDir, 'snapshots'))
            .sort()
            .reverse()
            .map((name) => [`${IN_MEMGRAPH}/snapshots/${name}`, neo4j.int(name.split('_timestamp_')[1]), '2026-12-07T00:00:00', '1KiB']),
      },
    ];
  }

  /** Drops the responders a test added (failures, delays): Memgraph answers normally again. */
  clearFailures(): void {
    this.server.clearResponders();
    this.responders().forEach((responder) => this.server.addResponder(responder));
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/**
 * The throw-away `memgraph-restore-check`: RECOVER SNAPSHOT '<path>' FORCE loads the counts the fake snapshot
 * file holds (a missing file fails as Memgraph fails it); the count queries answer them.
 */
export class FakeRestoreCheck {
  counts: Counts = { lots: 0, elements: 0, approvals: 0 };
  recovered: string[] = [];
  server!: BoltTestServer;

  constructor(private readonly backupDir: string) {}

  async start(): Promise<this> {
    this.server = await startBoltTestServer({
      responders: [
        ...countResponders(() => this.counts),
        {
          name: 'RECOVER SNAPSHOT',
          match: /^RECOVER SNAPSHOT '([^']+)' FORCE$/,
          fields: [],
          records: (run) => {
            const inMemgraph = /^RECOVER SNAPSHOT '([^']+)' FORCE$/.exec(run.query)![1];
            const local = path.join(this.backupDir, path.posix.relative(BACKUPS_IN_RESTORE_CHECK, inMemgraph));
            if (!fs.existsSync(local)) {
              throw new Error('Failed to find the defined snapshot file.');
            }
            this.counts = JSON.parse(fs.readFileSync(local, 'utf8')) as Counts;
            this.recovered.push(inMemgraph);
            return [];
          },
        },
      ],
    });
    return this;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }
}
