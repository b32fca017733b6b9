/** Metric names of the replication exporter (deploy/replication), read from MAIN's `SHOW REPLICAS`. */
export const replicationMetrics = {
  /** 1 when MAIN answered SHOW REPLICAS at the last collection, 0 when it did not. */
  mainUp: 'opentruss_replication_main_up',
  /** Per expected or registered replica: 1 when MAIN reaches it (ready, replicating or recovery), else 0. */
  replicaUp: 'opentruss_replication_replica_up',
  /** Per replica and status (ready, replicating, recovery, invalid, diverged, unregistered): 1 for its current one. */
  replicaStatus: 'opentruss_replication_replica_status',
  /** Commit timestamps the replica's default database is behind MAIN's (SHOW REPLICAS data_info.behind, negated). */
  replicaBehind: 'opentruss_replication_replica_behind_timestamps',
} as const;

/** The name our stack registers its replica under on MAIN (a Cypher symbolic name). */
export const DEFAULT_REPLICA_NAME = 'observability_replica';
