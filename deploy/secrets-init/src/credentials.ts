// The stack's credentials: one docker volume per audience, so a service mounts only the credentials it needs (a
// browser-facing service never mounts a MAIN credential). docker-compose.yml's volumes, the secrets-init service's
// environment and deploy/stack-checks all follow this list.

/** Where the secrets-init service and every reader mount a credential's volume: `${SECRETS_ROOT}/${key}`. */
export const SECRETS_ROOT = '/run/opentruss-secrets';

/** Files written into each credential's folder. */
export const SECRET_FILES = {
  user: 'user',
  password: 'password',
  /** Memgraph's MEMGRAPH_PASSFILE: one line `user:password`, a `:` in either escaped as `\:` (src/helpers.hpp). */
  memgraphPassfile: 'passfile',
  /** The Bolt gateway's BOLT_GATEWAY_VIEWERS_FILE: `user:password`. */
  gatewayViewers: 'viewers',
} as const;

export type CredentialKey = 'memgraph' | 'memgraph-replica' | 'gateway-viewer' | 'grafana-admin';

export interface Credential {
  key: CredentialKey;
  /** The docker volume holding it (docker-compose.yml). */
  volume: string;
  userVariable: string;
  defaultUser: string;
  /** Set in .env: that value is written (it wins over a generated one). Unset or empty: generated once. */
  passwordVariable: string;
  /** Extra file in the credential's folder, derived from user and password at every run. */
  derived?: 'memgraphPassfile' | 'gatewayViewers';
  /** The compose services that may mount it, read-only (besides secrets-init itself). */
  readers: readonly string[];
  /** What it opens, for the log and the docs. */
  opens: string;
}

export const CREDENTIALS: readonly Credential[] = [
  {
    key: 'memgraph',
    volume: 'secrets-memgraph',
    userVariable: 'MEMGRAPH_USER',
    defaultUser: 'opentruss',
    passwordVariable: 'MEMGRAPH_PASSWORD',
    derived: 'memgraphPassfile',
    readers: ['memgraph', 'demo-data', 'replication-setup', 'replication-exporter', 'backup', 'memgraph-restore-check'],
    opens: 'Memgraph MAIN (superuser; never leaves the stack, never in a browser-facing service)',
  },
  {
    key: 'memgraph-replica',
    volume: 'secrets-memgraph-replica',
    userVariable: 'MEMGRAPH_REPLICA_USER',
    defaultUser: 'opentruss_reader',
    passwordVariable: 'MEMGRAPH_REPLICA_PASSWORD',
    derived: 'memgraphPassfile',
    readers: ['memgraph-replica', 'replication-setup', 'bolt-gateway', 'bolt-gateway-tls', 'business-exporter'],
    opens: 'the Memgraph REPLICA the gateway and the business exporter read (a replica refuses every write)',
  },
  {
    key: 'gateway-viewer',
    volume: 'secrets-gateway-viewer',
    userVariable: 'GATEWAY_VIEWER_USER',
    defaultUser: 'viewer',
    passwordVariable: 'GATEWAY_VIEWER_PASSWORD',
    derived: 'gatewayViewers',
    readers: ['bolt-gateway', 'bolt-gateway-tls', 'grafana'],
    opens: "the Bolt gateway's viewer login (reads only; every dashboard viewer's browser holds it)",
  },
  {
    key: 'grafana-admin',
    volume: 'secrets-grafana-admin',
    userVariable: 'GRAFANA_ADMIN_USER',
    defaultUser: 'admin',
    passwordVariable: 'GRAFANA_ADMIN_PASSWORD',
    readers: ['grafana'],
    opens: "Grafana's admin (applied when Grafana creates its database, i.e. at its first start)",
  },
];

/** The folder a credential is mounted at, in secrets-init and in its readers. */
export function credentialDir(credential: Credential | CredentialKey): string {
  return `${SECRETS_ROOT}/${typeof credential === 'string' ? credential : credential.key}`;
}

/** The path of one of a credential's files, as its readers see it. */
export function secretPath(key: CredentialKey, file: keyof typeof SECRET_FILES): string {
  return `${credentialDir(key)}/${SECRET_FILES[file]}`;
}
