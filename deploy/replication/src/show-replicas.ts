// MAIN's `SHOW REPLICAS` as Memgraph 3.12 answers it (src/query/interpreter.cpp, SHOW_REPLICAS): columns name,
// socket_address, sync_mode ("sync" | "async" | "strict_sync"), system_info (null without an Enterprise licence),
// data_info: a map database → {ts, behind, status}; `behind` is the replica's last durable commit timestamp minus
// MAIN's (zero or negative, src/storage/v2/replication/replication_client.cpp GetTimestampInfo); `status` is
// ready | replicating | recovery | invalid (MAYBE_BEHIND: MAIN cannot reach it) | diverged (DIVERGED_FROM_MAIN).

export const REPLICA_STATUSES = ['ready', 'replicating', 'recovery', 'invalid', 'diverged'] as const;
export type ReplicaStatus = (typeof REPLICA_STATUSES)[number];

/** The statuses in which MAIN reaches the replica and ships it data. */
export const REACHABLE_STATUSES: readonly ReplicaStatus[] = ['ready', 'replicating', 'recovery'];

/** Community replicates only the default database. */
export const DEFAULT_DATABASE = 'memgraph';

export interface ReplicaRow {
  name: string;
  socketAddress: string;
  syncMode: string;
  /** Of the default database; undefined when data_info has no entry for it (e.g. another storage mode). */
  status?: ReplicaStatus;
  /** Commit timestamps behind MAIN, ≥ 0. */
  behind?: number;
}

export function parseShowReplicas(rows: Array<Record<string, unknown>>): ReplicaRow[] {
  return rows.map((row) => {
    const data = (row.data_info as Record<string, { behind?: number; status?: string }> | null)?.[DEFAULT_DATABASE];
    const status = REPLICA_STATUSES.find((s) => s === data?.status);
    return {
      name: String(row.name),
      socketAddress: String(row.socket_address),
      syncMode: String(row.sync_mode),
      status,
      behind: typeof data?.behind === 'number' ? Math.max(0, -data.behind) : undefined,
    };
  });
}
