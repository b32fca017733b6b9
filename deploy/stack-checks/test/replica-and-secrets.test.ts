// Viewers read a replica, and no default credential opens the stack, as the compose file
// resolves them: services, volumes, health checks, start order, who holds which credential.
import fs from 'node:fs';
import { DEFAULT_REPLICA_NAME, PROMETHEUS_JOBS } from '@opentruss/contract';
import { readReplicationConfig } from '@opentruss/replication';
import { CREDENTIALS, SECRETS_ROOT, credentialDir, secretPath } from '@opentruss/secrets-init';
import { materialiseSecrets, readText, readYaml, resolvedCompose, type ComposeService } from '../src';

const PROFILES = ['demo', 'tls'];
const { services, volumes } = resolvedCompose({ profiles: PROFILES });

/** Services a browser or an outside Bolt client talks to. */
const BROWSER_FACING = ['grafana', 'bolt-gateway', 'bolt-gateway-tls', 'tls-proxy'];

const secretVolumesOf = (service: ComposeService) => (service.volumes ?? []).filter((v) => v.type === 'volume' && v.source.startsWith('secrets-'));

describe('the replica', () => {
  const main = services.memgraph;
  const replica = services['memgraph-replica'];

  it('runs the same pinned image as MAIN, with the same flags, on its own volume, unpublished', () => {
    expect(replica.image).toBe(main.image);
    expect(replica.command).toEqual(main.command);
    expect(main.command).toContain('--replication-restore-state-on-startup=true');
    expect(replica.volumes).toContainEqual({ type: 'volume', source: 'memgraph-replica-data', target: '/var/lib/memgraph', read_only: false });
    expect(volumes).toHaveProperty('memgraph-replica-data');
    expect(replica.ports ?? []).toEqual([]);
    expect(replica.restart).toBe('unless-stopped');
  });

  it("creates its own user at first start from its own passfile (Memgraph Community does not replicate users)", () => {
    expect(replica.environment).toEqual({ MEMGRAPH_PASSFILE: secretPath('memgraph-replica', 'memgraphPassfile') });
    expect(main.environment).toEqual({ MEMGRAPH_PASSFILE: secretPath('memgraph', 'memgraphPassfile') });
  });

  it.each([
    ['memgraph', 'memgraph'],
    ['memgraph-replica', 'memgraph-replica'],
  ] as const)('%s is healthy when a Cypher round trip with its own user from its secrets works', (service, key) => {
    const test = services[service].healthcheck!.test;
    expect(test[0]).toBe('CMD-SHELL');
    expect(test[1]).toMatch(/^echo 'RETURN 1;' \| mgconsole /);
    // `$$` is compose's escape of `$` (docker-compose config prints it as written): the shell in the container runs $(cat …).
    expect(test[1]).toContain(`--username="$$(cat ${secretPath(key, 'user')})"`);
    expect(test[1]).toContain(`--password="$$(cat ${secretPath(key, 'password')})"`);
  });
});

describe('the replication setup', () => {
  const setup = services['replication-setup'];

  it('is a one-shot that runs once both instances are healthy', () => {
    expect(setup.restart).toBe('no');
    expect(setup.command).toEqual(['node', '/app/replication.js', 'setup']);
    expect(setup.depends_on).toEqual({ memgraph: { condition: 'service_healthy' }, 'memgraph-replica': { condition: 'service_healthy' } });
  });

  it('comes before every reader of the replica, which start only after it succeeded', () => {
    for (const name of ['bolt-gateway', 'bolt-gateway-tls', 'business-exporter']) {
      expect(`${name}: ${JSON.stringify(services[name].depends_on)}`).toBe(
        `${name}: ${JSON.stringify({ 'replication-setup': { condition: 'service_completed_successfully' } })}`
      );
    }
  });

  it('reads settings the setup accepts: MAIN and replica with their own users and password files, the replica by name', () => {
    const secrets = materialiseSecrets(setup.environment);
    try {
      const config = readReplicationConfig(secrets.env);
      expect(config.main).toMatchObject({ url: 'bolt://memgraph:7687', user: 'opentruss', password: fs.readFileSync(`${secrets.root}/memgraph/password`, 'utf8') });
      expect(config.replica).toMatchObject({ url: 'bolt://memgraph-replica:7687', user: 'opentruss_reader' });
      expect(config.replica.password).toBe(fs.readFileSync(`${secrets.root}/memgraph-replica/password`, 'utf8'));
      expect(config).toMatchObject({ replicaName: DEFAULT_REPLICA_NAME, replicaAddress: 'memgraph-replica:10000', replicationPort: 10000 });
    } finally {
      secrets.cleanup();
    }
  });
});

describe('the replication exporter', () => {
  const exporter = services['replication-exporter'];

  it('runs on, is scraped by Prometheus under its job, and publishes no port', () => {
    expect(exporter.restart).toBe('unless-stopped');
    expect(exporter.command).toEqual(['node', '/app/replication.js', 'exporter']);
    expect(exporter.ports ?? []).toEqual([]);
    const port = exporter.environment!.REPLICATION_EXPORTER_PORT;
    expect(exporter.healthcheck!.test.join(' ')).toContain(`http://127.0.0.1:${port}/metrics`);
    const prometheus = readYaml<{ scrape_configs: Array<{ job_name: string; static_configs?: Array<{ targets: string[] }> }> }>(
      'deploy/prometheus/prometheus.yml'
    );
    const job = prometheus.scrape_configs.find((c) => c.job_name === PROMETHEUS_JOBS.replication)!;
    expect(job.static_configs).toEqual([{ targets: [`replication-exporter:${port}`] }]);
  });
});

describe('who holds which credential', () => {
  it('mounts each secrets volume only in the services the credential catalogue names, read-only (secrets-init writes them)', () => {
    expect(Object.keys(volumes ?? {}).filter((v) => v.startsWith('secrets-')).sort()).toEqual(CREDENTIALS.map((c) => c.volume).sort());
    for (const [name, service] of Object.entries(services)) {
      for (const mount of secretVolumesOf(service)) {
        const credential = CREDENTIALS.find((c) => c.volume === mount.source)!;
        expect(mount.target).toBe(credentialDir(credential));
        if (name === 'secrets-init') {
          expect(mount.read_only).toBe(false);
        } else {
          expect(`${name} mounts ${mount.source}: ${credential.readers.includes(name)}, read-only ${mount.read_only}`).toBe(
            `${name} mounts ${mount.source}: true, read-only true`
          );
        }
      }
    }
    expect(secretVolumesOf(services['secrets-init']).map((v) => v.source).sort()).toEqual(CREDENTIALS.map((c) => c.volume).sort());
  });

  it("no browser-facing service holds MAIN's credential or reaches MAIN", () => {
    const mainCredential = CREDENTIALS.find((c) => c.key === 'memgraph')!;
    for (const name of BROWSER_FACING) {
      const service = services[name];
      expect(`${name}: ${secretVolumesOf(service).some((v) => v.source === mainCredential.volume)}`).toBe(`${name}: false`);
      const text = JSON.stringify(service.environment ?? {});
      expect(`${name}: ${text}`).not.toMatch(/memgraph:7687|MEMGRAPH_PASSWORD\b|\/run\/opentruss-secrets\/memgraph\//);
    }
    expect(mainCredential.readers.filter((r) => BROWSER_FACING.includes(r))).toEqual([]);
  });

  it("secrets-init's image owns every mount point as its user, so docker fills each new volume writable for it", () => {
    const init = services['secrets-init'];
    const stages = readText(init.build!.dockerfile!).split(/^FROM /m);
    const stage = stages.find((text) => new RegExp(`^\\S+ AS ${init.build!.target}\\b`).test(text))!;
    for (const credential of CREDENTIALS) {
      expect(stage).toContain(credentialDir(credential));
    }
    expect(stage).toMatch(new RegExp(`chown -R node:node ${SECRETS_ROOT}\\b`));
    expect(stage).toMatch(/^USER node$/m);
  });

  it('secrets-init runs first: every service that reads a secret waits for it (directly or through one that does)', () => {
    const init = services['secrets-init'];
    expect(init.restart).toBe('no');
    const waitsForInit = (name: string, seen = new Set<string>()): boolean => {
      const dependsOn = services[name].depends_on ?? {};
      if (dependsOn['secrets-init']?.condition === 'service_completed_successfully') {
        return true;
      }
      return Object.keys(dependsOn).some((d) => !seen.has(d) && waitsForInit(d, new Set([...seen, name])));
    };
    for (const [name, service] of Object.entries(services)) {
      if (name !== 'secrets-init' && secretVolumesOf(service).length > 0) {
        expect(`${name}: ${waitsForInit(name)}`).toBe(`${name}: true`);
      }
    }
  });
});

describe('no default credential opens the stack', () => {
  const KNOWN_DEFAULTS = ['change-me-memgraph', 'viewer:viewer', 'admin/admin'];

  it('resolves no password from the compose file itself: every password variable defaults to empty', () => {
    const init = services['secrets-init'].environment!;
    for (const credential of CREDENTIALS) {
      expect(`${credential.passwordVariable}=${init[credential.passwordVariable]}`).toBe(`${credential.passwordVariable}=`);
    }
    const text = readText('docker-compose.yml');
    for (const value of KNOWN_DEFAULTS) {
      expect(text).not.toContain(value);
    }
    expect(text).not.toMatch(/PASSWORD[A-Z_]*:\s*\$\{[A-Z_]+:-[^}]/);
  });

  it('no service but secrets-init is given a password in its environment; everything reads files', () => {
    for (const [name, service] of Object.entries(services)) {
      if (name === 'secrets-init') {
        continue;
      }
      const passwords = Object.entries(service.environment ?? {}).filter(([key]) => /PASSWORD$/.test(key) && !key.startsWith('GF_SMTP_'));
      expect(`${name}: ${JSON.stringify(passwords)}`).toBe(`${name}: []`);
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (/(_FILE|__FILE|PASSFILE)$/.test(key) && value.startsWith(SECRETS_ROOT)) {
          const mounted = secretVolumesOf(service).some((v) => value.startsWith(`${v.target}/`));
          expect(`${name} ${key} mounted: ${mounted}`).toBe(`${name} ${key} mounted: true`);
        }
      }
    }
  });

  it('.env.example sets no password (empty = generated), and documents where to read them', () => {
    const example = readText('.env.example');
    for (const credential of CREDENTIALS) {
      expect(example).toMatch(new RegExp(`^${credential.passwordVariable}=$`, 'm'));
    }
    for (const value of KNOWN_DEFAULTS) {
      expect(example).not.toContain(value);
    }
    const security = readText('docs/security.md');
    expect(security).toContain(`docker compose exec grafana cat ${secretPath('grafana-admin', 'password')}`);
    expect(security).toContain(`docker compose exec grafana cat ${secretPath('gateway-viewer', 'password')}`);
  });

  it('a password set in .env wins: secrets-init gets it, no other service does', () => {
    const custom = resolvedCompose({ env: { GATEWAY_VIEWER_PASSWORD: 'wall-screens-2026', MEMGRAPH_PASSWORD: 'main-from-env' } }).services;
    expect(custom['secrets-init'].environment).toMatchObject({ GATEWAY_VIEWER_PASSWORD: 'wall-screens-2026', MEMGRAPH_PASSWORD: 'main-from-env' });
    for (const [name, service] of Object.entries(custom).filter(([n]) => n !== 'secrets-init')) {
      expect(`${name}: ${JSON.stringify(service).includes('wall-screens-2026') || JSON.stringify(service).includes('main-from-env')}`).toBe(`${name}: false`);
    }
  });
});

describe('next to an existing OpenTruss: our replica replicates their MAIN (deploy/compose/replica-of-opentruss.yml)', () => {
  const files = ['deploy/compose/join-opentruss.yml', 'deploy/compose/replica-of-opentruss.yml'];
  const joined = resolvedCompose({ files, env: { OPENTRUSS_NETWORK: 'opentruss_opentruss-internal' } });

  it('puts the replica on their network under a name their MAIN dials, and the setup in external mode', () => {
    expect(joined.networks?.opentruss).toEqual({ external: true, name: 'opentruss_opentruss-internal' });
    expect(joined.services['memgraph-replica'].networks?.opentruss).toEqual({ aliases: ['opentruss-observability-replica'] });
    const setup = joined.services['replication-setup'];
    const secrets = materialiseSecrets(setup.environment);
    try {
      const config = readReplicationConfig(secrets.env);
      expect(config.main).toBeUndefined();
      expect(config.replicaAddress).toBe('opentruss-observability-replica:10000');
    } finally {
      secrets.cleanup();
    }
    const route = readText('docs/replica.md');
    expect(route).toContain('REGISTER REPLICA observability_replica ASYNC TO "opentruss-observability-replica:10000";');
    expect(readText('deploy/compose/replica-of-opentruss.yml')).toContain(
      'REGISTER REPLICA observability_replica ASYNC TO "opentruss-observability-replica:10000";'
    );
  });

  it('starts neither the exporter that would need their MAIN credential nor our demo data', () => {
    // Behind profiles of their own: `up` without those profiles starts neither.
    expect(joined.services['replication-exporter'].profiles).toEqual(['replication-exporter-with-their-credential']);
    expect(joined.services['demo-data'].profiles).toEqual(['own-demo-data']);
    expect(resolvedCompose().services['demo-data'].profiles ?? []).toEqual([]);
    // Nothing in the stack is given an address or credential of their MAIN.
    expect(JSON.stringify(joined.services)).not.toMatch(/MEMGRAPH_MAIN_URL":"bolt:\/\/(?!memgraph:)/);
  });
});
