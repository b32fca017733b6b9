// Memgraph's own memory and storage, from SHOW STORAGE INFO (Memgraph Community): which figure comes from which
// statement and row, and how its text is read. Each statement is read on its own and each row on its own, so a
// failing statement or a row a Memgraph version renamed costs only its figures, never the rest or the business
// metrics; every such problem is named for the log.
import {
  parseReadableSize,
  STORAGE_INFO,
  type DatabaseStorageRow,
  type InstanceStorageRow,
} from '@opentruss/bolt-protocol/memgraph-info';
import type { memgraphStorageMetrics } from '@opentruss/contract';
import neo4j from 'neo4j-driver';
import type { Read } from './collect';

export type StorageFigure = Exclude<keyof typeof memgraphStorageMetrics, 'up'>;
type Scope = keyof typeof STORAGE_INFO.statements;

type Source =
  | { scope: 'instance'; row: InstanceStorageRow; read: 'size' | 'integer' }
  | { scope: 'database'; row: DatabaseStorageRow; read: 'size' | 'integer' };

/** Where each figure is (its row names typed by Memgraph's row lists, so a misspelt row does not compile). */
export const STORAGE_SOURCES: Record<StorageFigure, Source> = {
  memoryResident: { scope: 'instance', row: 'memory_res', read: 'size' },
  peakResident: { scope: 'instance', row: 'peak_memory_res', read: 'size' },
  memoryTracked: { scope: 'instance', row: 'memory_tracked', read: 'size' },
  memoryLimit: { scope: 'instance', row: 'memory_limit', read: 'size' },
  diskUsage: { scope: 'instance', row: 'disk_usage', read: 'size' },
  graphMemoryTracked: { scope: 'database', row: 'graph_memory_tracked', read: 'size' },
  vertices: { scope: 'database', row: 'vertex_count', read: 'integer' },
  edges: { scope: 'database', row: 'edge_count', read: 'integer' },
};

export interface StorageSnapshot {
  /** The figures read; a figure that could not be read is absent. */
  figures: Partial<Record<StorageFigure, number>>;
  /** What went wrong, one sentence each (empty when every figure was read). */
  problems: string[];
}

function valueOf(source: Source, value: unknown): number | undefined {
  if (source.read === 'integer') {
    return neo4j.isInt(value) ? value.toNumber() : undefined;
  }
  // Memgraph prints sizes as text rounded to 1/100 of KiB, MiB, GiB or TiB (GetReadableSize).
  return typeof value === 'string' ? parseReadableSize(value) : undefined;
}

const describeValue = (value: unknown) =>
  typeof value === 'string' ? JSON.stringify(value) : neo4j.isInt(value) ? `integer ${String(value)}` : typeof value;

/** Reads both statements (auto-commit: Memgraph refuses SHOW … INFO in an explicit transaction). */
export async function collectStorageInfo(read: Read): Promise<StorageSnapshot> {
  const figures: Partial<Record<StorageFigure, number>> = {};
  const problems: string[] = [];
  for (const scope of Object.keys(STORAGE_INFO.statements) as Scope[]) {
    const text = STORAGE_INFO.statements[scope];
    let rows: Map<unknown, unknown>;
    try {
      const records = await read({ id: text, text, parameters: {} });
      const [nameColumn, valueColumn] = STORAGE_INFO.header;
      rows = new Map(records.map((record) => [record[nameColumn], record[valueColumn]]));
    } catch (error) {
      problems.push(`${text} failed: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    for (const [figure, source] of Object.entries(STORAGE_SOURCES) as Array<[StorageFigure, Source]>) {
      if (source.scope !== scope) {
        continue;
      }
      if (!rows.has(source.row)) {
        problems.push(`${text} has no row "${source.row}"`);
        continue;
      }
      const value = valueOf(source, rows.get(source.row));
      if (value === undefined) {
        problems.push(`${text} row "${source.row}" is ${describeValue(rows.get(source.row))}, not ${source.read === 'size' ? 'a size such as "1.23GiB"' : 'an integer'}`);
        continue;
      }
      figures[figure] = value;
    }
  }
  return { figures, problems };
}
