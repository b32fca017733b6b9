// The statements the backup service sends Memgraph, over Bolt with neo4j-driver. CREATE SNAPSHOT, SHOW SNAPSHOTS
// and RECOVER SNAPSHOT are refused inside explicit transactions (interpreter.cpp at v3.12.0,
// Prepare*SnapshotQuery), so every statement here runs in auto-commit.
import neo4j, { type Driver } from 'neo4j-driver';
import type { Counts } from './repository';

export interface MemgraphOptions {
  url: string;
  user: string;
  password: string;
  /** How long any one statement may take (a snapshot of a large graph takes minutes). */
  timeoutMs: number;
}

/** One row of SHOW SNAPSHOTS: `path`, `timestamp`, `creation_time`, `size` (interpreter.cpp, v3.12.0). */
export interface SnapshotInfo {
  path: string;
  durableTimestamp: bigint;
}

/** The counts recorded at backup time and compared by the restore check. Labels as OpenTruss writes them. */
export const COUNT_QUERIES: Record<keyof Counts, string> = {
  lots: 'MATCH (n:InspectionLot) RETURN count(n) AS n',
  elements: 'MATCH (n:Element) RETURN count(n) AS n',
  approvals: 'MATCH (n:ApprovalHistory) RETURN count(n) AS n',
};

/**
 * RECOVER SNAPSHOT takes its path only as a string literal, not a parameter (MemgraphCypher.g4 `recoverSnapshotQuery
 * : RECOVER SNAPSHOT path=literal …`; cypher_main_visitor.cpp: "Snapshot path must be a string literal."). So the
 * path is checked against an allowlist of characters (the service's own folder and Memgraph's file names) rather
 * than escaped: anything else is refused.
 */
export function recoverSnapshotStatement(snapshotPath: string): string {
  if (!/^\/[A-Za-z0-9_./-]+$/.test(snapshotPath) || snapshotPath.includes('..')) {
    throw new Error(`refusing to recover from ${JSON.stringify(snapshotPath)}: not an absolute path of plain file-name characters`);
  }
  return `RECOVER SNAPSHOT '${snapshotPath}' FORCE`;
}

export class StatementTimeoutError extends Error {
  constructor(statement: string, timeoutMs: number) {
    super(`${statement} got no answer within ${timeoutMs} ms`);
    this.name = 'StatementTimeoutError';
  }
}

const toBigInt = (value: unknown): bigint => {
  if (neo4j.isInt(value)) {
    return BigInt(value.toString());
  }
  if (typeof value === 'number' || typeof value === 'bigint') {
    return BigInt(value);
  }
  throw new Error(`expected an integer, got ${JSON.stringify(value)}`);
};

export class MemgraphClient {
  private driver: Driver | undefined;

  constructor(private readonly options: MemgraphOptions) {}

  private currentDriver(): Driver {
    this.driver ??= neo4j.driver(this.options.url, neo4j.auth.basic(this.options.user, this.options.password), {
      connectionTimeout: 30_000,
      connectionAcquisitionTimeout: 30_000,
      maxConnectionPoolSize: 2,
      userAgent: 'opentruss-backup/0.1.0',
    });
    return this.driver;
  }

  /** Runs one auto-commit statement; gives up (and drops the connection) after the timeout. */
  async run(statement: string, parameters: Record<string, unknown> = {}): Promise<Array<Record<string, unknown>>> {
    const driver = this.currentDriver();
    const session = driver.session();
    const work = session
      .run(statement, parameters, { timeout: this.options.timeoutMs })
      .then((result) => result.records.map((record) => record.toObject() as Record<string, unknown>));
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new StatementTimeoutError(statement, this.options.timeoutMs)), this.options.timeoutMs);
    });
    try {
      return await Promise.race([work, gaveUp]);
    } catch (error) {
      if (error instanceof StatementTimeoutError) {
        work.catch(() => undefined);
        this.driver = undefined;
        driver.close().catch(() => undefined);
      }
      throw error;
    } finally {
      clearTimeout(timer);
      session.close().catch(() => undefined);
    }
  }

  /** CREATE SNAPSHOT: Memgraph writes a snapshot now and answers with its path (as Memgraph sees it). */
  async createSnapshot(): Promise<string> {
    const rows = await this.run('CREATE SNAPSHOT');
    const snapshotPath = rows[0]?.path;
    if (typeof snapshotPath !== 'string' || !snapshotPath) {
      throw new Error(`CREATE SNAPSHOT answered without a path: ${JSON.stringify(rows)}`);
    }
    return snapshotPath;
  }

  /** SHOW SNAPSHOTS, newest first (Memgraph sorts by creation time). */
  async showSnapshots(): Promise<SnapshotInfo[]> {
    const rows = await this.run('SHOW SNAPSHOTS');
    return rows.map((row) => {
      if (typeof row.path !== 'string') {
        throw new Error(`SHOW SNAPSHOTS answered a row without a path: ${JSON.stringify(row)}`);
      }
      return { path: row.path, durableTimestamp: toBigInt(row.timestamp) };
    });
  }

  /** RECOVER SNAPSHOT '<path>' FORCE: replaces this instance's data with the snapshot (never sent to MAIN). */
  async recoverSnapshot(snapshotPath: string): Promise<void> {
    await this.run(recoverSnapshotStatement(snapshotPath));
  }

  async counts(): Promise<Counts> {
    const read = async (query: string) => {
      const rows = await this.run(query);
      return Number(toBigInt(rows[0]?.n));
    };
    return {
      lots: await read(COUNT_QUERIES.lots),
      elements: await read(COUNT_QUERIES.elements),
      approvals: await read(COUNT_QUERIES.approvals),
    };
  }

  async close(): Promise<void> {
    const driver = this.driver;
    this.driver = undefined;
    await driver?.close();
  }
}
