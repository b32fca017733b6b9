// SHOW STORAGE INFO and SHOW STORAGE INFO ON CURRENT DATABASE answered as Memgraph 3.12 answers them: its header,
// every row in its order, sizes as GetReadableSize text, and the refusal inside an explicit transaction. The
// figures are the test's (a function, so a test can change them between collections); the rest are Memgraph
// Community's defaults for a fresh in-memory instance.
import {
  DATABASE_STORAGE_ROWS,
  INSTANCE_STORAGE_ROWS,
  STORAGE_INFO,
  readableSize,
  type DatabaseStorageRow,
  type InstanceStorageRow,
} from '@opentruss/bolt-protocol';
import neo4j from 'neo4j-driver';
import type { RecordsResponder, Row } from '../api';

/** The figures a test chooses; sizes in bytes. */
export interface StorageFigures {
  memoryResBytes: number;
  peakMemoryResBytes: number;
  /** The instance's data directory. */
  diskUsageBytes: number;
  memoryTrackedBytes: number;
  /** `--memory-limit` in bytes (Memgraph's default: 90 % of MemTotal without swap). */
  memoryLimitBytes: number;
  vertexCount: number;
  edgeCount: number;
  graphMemoryTrackedBytes: number;
  /** The database's own directory; defaults to the instance's. */
  databaseDiskUsageBytes?: number;
}

type Value = string | number | ReturnType<typeof neo4j.int>;

function instanceValues(f: StorageFigures): Record<InstanceStorageRow, Value> {
  return {
    // Memgraph's VM_MAX_MAP_COUNT_DEFAULT when /proc/sys/vm/max_map_count cannot be read; a host's usual 65530.
    vm_max_map_count: neo4j.int(65530),
    memory_res: readableSize(f.memoryResBytes),
    peak_memory_res: readableSize(f.peakMemoryResBytes),
    disk_usage: readableSize(f.diskUsageBytes),
    memory_tracked: readableSize(f.memoryTrackedBytes),
    memory_limit: readableSize(f.memoryLimitBytes),
    license_memory_limit: 'unlimited',
    'query+graph_memory_tracked': readableSize(f.graphMemoryTrackedBytes),
    vector_index_memory_tracked: readableSize(0),
    global_isolation_level: 'SNAPSHOT_ISOLATION',
    session_isolation_level: '',
    next_session_isolation_level: '',
    global_storage_mode: 'IN_MEMORY_TRANSACTIONAL',
  };
}

function databaseValues(f: StorageFigures): Record<DatabaseStorageRow, Value> {
  return {
    name: 'memgraph',
    database_uuid: '9a7e5c1e-0b3f-4a55-9d0e-2f6c1b8d4e21',
    state: 'HOT',
    storage_mode: 'IN_MEMORY_TRANSACTIONAL',
    vertex_count: neo4j.int(f.vertexCount),
    edge_count: neo4j.int(f.edgeCount),
    average_degree: f.vertexCount === 0 ? 0 : (2 * f.edgeCount) / f.vertexCount,
    unreleased_delta_objects: neo4j.int(0),
    disk_usage: readableSize(f.databaseDiskUsageBytes ?? f.diskUsageBytes),
    graph_memory_tracked: readableSize(f.graphMemoryTrackedBytes),
    query_memory_tracked: readableSize(0),
    vector_index_memory_tracked: readableSize(0),
    tenant_memory_tracked: readableSize(f.graphMemoryTrackedBytes),
    tenant_peak_memory_tracked: readableSize(f.graphMemoryTrackedBytes),
    tenant_memory_limit: 'unlimited',
    storage_isolation_level: 'SNAPSHOT_ISOLATION',
    health: 'ready',
  };
}

/**
 * Responders for both statements. `figures` is read at every RUN. `rows` may drop or rename rows, to stand for a
 * Memgraph version whose answer differs.
 */
export function storageInfoResponders(
  figures: () => StorageFigures,
  options: { rows?: (rows: Row[]) => Row[] } = {}
): RecordsResponder[] {
  const answer = (names: ReadonlyArray<{ name: string }>, values: Record<string, Value>): Row[] => {
    const all = names.map(({ name }): Row => [name, values[name]]);
    return options.rows ? options.rows(all) : all;
  };
  return [
    {
      name: STORAGE_INFO.statements.instance,
      match: STORAGE_INFO.statements.instance,
      fields: STORAGE_INFO.header,
      records: () => answer(INSTANCE_STORAGE_ROWS, instanceValues(figures())),
      autoCommitOnly: STORAGE_INFO.refusalName,
    },
    {
      name: STORAGE_INFO.statements.database,
      match: STORAGE_INFO.statements.database,
      fields: STORAGE_INFO.header,
      records: () => answer(DATABASE_STORAGE_ROWS, databaseValues(figures())),
      autoCommitOnly: STORAGE_INFO.refusalName,
    },
  ];
}
