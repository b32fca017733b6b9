/**
 * Metric names of Memgraph's own memory and storage, read from SHOW STORAGE INFO by the business exporter
 * (deploy/business-exporter): one place, read by its registry, the alert rules, the recording rules and the dashboards.
 */
export const memgraphStorageMetrics = {
  /** 1 when the last collection read every figure below, 0 when a statement failed or a row was missing. */
  up: 'opentruss_memgraph_storage_info_up',
  memoryResident: 'opentruss_memgraph_memory_resident_bytes',
  peakResident: 'opentruss_memgraph_memory_peak_resident_bytes',
  memoryTracked: 'opentruss_memgraph_memory_tracked_bytes',
  memoryLimit: 'opentruss_memgraph_memory_limit_bytes',
  graphMemoryTracked: 'opentruss_memgraph_graph_memory_tracked_bytes',
  diskUsage: 'opentruss_memgraph_disk_usage_bytes',
  vertices: 'opentruss_memgraph_vertices',
  edges: 'opentruss_memgraph_edges',
} as const;
