/** Plugin ids, as in each plugin's src/plugin.json (a test checks they agree). */
export const PLUGIN_IDS = {
  datasource: 'opentruss-memgraph-datasource',
  app: 'opentruss-app',
} as const;

/**
 * Uids of the datasources that provisioning creates. Dashboards default their datasource variables to these,
 * and Grafana-managed alert rules query Prometheus by this uid (the Memgraph datasource is frontend-only, so
 * Grafana's alerting engine cannot evaluate it).
 */
export const DATASOURCE_UIDS = {
  memgraph: 'opentruss-memgraph',
  prometheus: 'opentruss-prometheus',
  loki: 'opentruss-loki',
} as const;

/** Stable uids of the dashboards the app bundles. */
export const DASHBOARD_UIDS = {
  wall: 'opentruss-wall',
  system: 'opentruss-system',
  apiDatabase: 'opentruss-api-db',
  business: 'opentruss-business',
  capacity: 'opentruss-capacity',
  logs: 'opentruss-logs',
} as const;

export type DashboardKey = keyof typeof DASHBOARD_UIDS;

/**
 * Prometheus scrape job names. Alert expressions select on them (`up{job="opentruss-backend"}`), so the stack's
 * Prometheus configuration must use exactly these `job_name`s.
 */
export const PROMETHEUS_JOBS = {
  /** The OpenTruss FastAPI backend's `GET /metrics`. */
  backend: 'opentruss-backend',
  /** node-exporter on the OpenTruss host. */
  node: 'node-exporter',
  /** Prometheus scraping itself. */
  prometheus: 'prometheus',
  /** The business exporter (deploy/business-exporter): OpenTruss business KPIs from Memgraph. */
  business: 'opentruss-business',
  /** The read-only Bolt gateway's operations port (`GET /metrics`). */
  gateway: 'bolt-gateway',
  /** The backup service (deploy/backup): backup and restore-check results. */
  backup: 'opentruss-backup',
  /** Loki, the stack's log store (`GET /metrics` on its HTTP port). */
  loki: 'loki',
  /** Grafana Alloy, the stack's log collector (`GET /metrics` on its HTTP port). */
  alloy: 'alloy',
  /** The replication exporter (deploy/replication): MAIN's SHOW REPLICAS as metrics. */
  replication: 'memgraph-replication',
  /** nginx-prometheus-exporter next to OpenTruss's nginx (stub_status), on the join-OpenTruss route only. */
  nginx: 'opentruss-nginx',
  /** The blackbox exporter's TLS probes of Grafana's https and the gateway's TLS port (profile `tls`). */
  tls: 'tls-certificates',
} as const;
