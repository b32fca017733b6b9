// SHOW STORAGE INFO as Memgraph 3.12 answers it (PrepareSystemInfoQuery, src/query/interpreter.cpp at v3.12.0): two
// columns, one row per figure, sizes as GetReadableSize text. Without `ON …` it describes the instance (the
// process: its resident memory, its data directory, the memory tracker and its limit); `ON CURRENT DATABASE` the
// session's database (vertices, edges, the graph's tracked memory). Both run only auto-commit
// (InfoInMulticommandTxException) and need the STATS privilege, which every user has in Memgraph Community.
// Shared by the Bolt test server (which answers them) and the business exporter (which reads them).

export const STORAGE_INFO = {
  statements: {
    instance: 'SHOW STORAGE INFO',
    database: 'SHOW STORAGE INFO ON CURRENT DATABASE',
  },
  header: ['storage info', 'value'],
  /** How MulticommandTxException names the statement. */
  refusalName: 'Storage information query',
} as const;

/** The instance's rows, in Memgraph's order; `size` rows are GetReadableSize text. */
export const INSTANCE_STORAGE_ROWS = [
  { name: 'vm_max_map_count', type: 'integer' },
  { name: 'memory_res', type: 'size' },
  { name: 'peak_memory_res', type: 'size' },
  { name: 'disk_usage', type: 'size' },
  { name: 'memory_tracked', type: 'size' },
  { name: 'memory_limit', type: 'size' },
  /** "unlimited" without an enterprise licence. */
  { name: 'license_memory_limit', type: 'text' },
  { name: 'query+graph_memory_tracked', type: 'size' },
  { name: 'vector_index_memory_tracked', type: 'size' },
  { name: 'global_isolation_level', type: 'text' },
  /** "" unless the session set one. */
  { name: 'session_isolation_level', type: 'text' },
  { name: 'next_session_isolation_level', type: 'text' },
  { name: 'global_storage_mode', type: 'text' },
] as const;

/** The current database's rows (the HOT path), in Memgraph's order. */
export const DATABASE_STORAGE_ROWS = [
  { name: 'name', type: 'text' },
  { name: 'database_uuid', type: 'text' },
  { name: 'state', type: 'text' },
  { name: 'storage_mode', type: 'text' },
  { name: 'vertex_count', type: 'integer' },
  { name: 'edge_count', type: 'integer' },
  { name: 'average_degree', type: 'float' },
  { name: 'unreleased_delta_objects', type: 'integer' },
  { name: 'disk_usage', type: 'size' },
  { name: 'graph_memory_tracked', type: 'size' },
  { name: 'query_memory_tracked', type: 'size' },
  { name: 'vector_index_memory_tracked', type: 'size' },
  { name: 'tenant_memory_tracked', type: 'size' },
  { name: 'tenant_peak_memory_tracked', type: 'size' },
  /** "unlimited" unless a tenant profile sets one. */
  { name: 'tenant_memory_limit', type: 'text' },
  { name: 'storage_isolation_level', type: 'text' },
  { name: 'health', type: 'text' },
] as const;

export type InstanceStorageRow = (typeof INSTANCE_STORAGE_ROWS)[number]['name'];
export type DatabaseStorageRow = (typeof DATABASE_STORAGE_ROWS)[number]['name'];
