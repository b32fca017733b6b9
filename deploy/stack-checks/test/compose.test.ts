import { createHash } from 'node:crypto';
import fs from 'node:fs';
import semver from 'semver';
import { PLUGIN_IDS } from '@opentruss/contract';
import { settingsFromEnv } from '@opentruss/bolt-gateway';
import { CREDENTIALS, secretPath } from '@opentruss/secrets-init';
import {
  composeConfig,
  grafanaFileReferences,
  materialiseSecrets,
  composeVariables,
  dockerfileCopiesFrom,
  dockerfileEnv,
  dockerfileStages,
  imageVersion,
  isPinnedImage,
  pluginManifests,
  readJson,
  readText,
  repoPath,
  resolvedCompose,
} from '../src';

const PROFILES = ['demo', 'tls'];
const JOIN_OPENTRUSS = 'deploy/compose/join-opentruss.yml';

describe('docker-compose.yml parsed by the real docker-compose (offline)', () => {
  it.each([[[]], [['demo']], [['tls']], [['demo', 'tls']]])('is accepted with profiles %p', (profiles) => {
    const result = composeConfig({ profiles });
    expect(result.stderr).not.toMatch(/ERROR|invalid/i);
    expect(result.ok).toBe(true);
  });

  it('is accepted with .env.example as the .env file, and with the join-OpenTruss override', () => {
    expect(composeConfig({ envFile: '.env.example', profiles: PROFILES }).ok).toBe(true);
    const joined = resolvedCompose({ files: [JOIN_OPENTRUSS], env: { OPENTRUSS_NETWORK: 'opentruss_opentruss-internal' } });
    expect(joined.networks?.opentruss).toEqual({ external: true, name: 'opentruss_opentruss-internal' });
    expect(Object.keys(joined.services.prometheus.networks ?? {}).sort()).toEqual(['default', 'opentruss']);
  });

  it('rejects a broken file, so the checks above can fail', () => {
    const result = composeConfig({ files: ['deploy/stack-checks/test/fixtures/broken-compose.yml'] });
    expect(result.ok).toBe(false);
    expect(result.stderr).toMatch(/unsupported|invalid|not valid/i);
  });

  it('puts demo-metrics under `demo` only, the TLS gateway, proxy and certificate probe under `tls` only, everything else in the default set', () => {
    const { services } = resolvedCompose();
    const profileOf = Object.fromEntries(Object.entries(services).map(([name, s]) => [name, s.profiles ?? []]));
    expect(profileOf).toEqual({
      'secrets-init': [],
      grafana: [],
      memgraph: [],
      'memgraph-replica': [],
      'replication-setup': [],
      'replication-exporter': [],
      'bolt-gateway': [],
      'demo-data': [],
      'business-exporter': [],
      backup: [],
      'memgraph-restore-check': [],
      prometheus: [],
      'node-exporter': [],
      loki: [],
      alloy: [],
      'demo-metrics': ['demo'],
      'bolt-gateway-tls': ['tls'],
      'tls-proxy': ['tls'],
      'blackbox-exporter': ['tls'],
    });
  });
});

describe('images', () => {
  const { services } = resolvedCompose({ profiles: PROFILES });
  const built = Object.entries(services).filter(([, s]) => s.build);
  const pulled = Object.entries(services).filter(([, s]) => !s.build);

  it.each(pulled.map(([name, s]) => [name, s.image!]))('%s uses a pinned image (%s)', (_, image) => {
    expect(isPinnedImage(image)).toBe(true);
  });

  it.each(built.map(([name, s]) => [name, s.build!.dockerfile!]))('%s builds from pinned base images (%s)', (_, dockerfile) => {
    const stages = dockerfileStages(dockerfile);
    const stageNames = new Set(stages.map((s) => s.name));
    for (const { image } of stages.filter((s) => !stageNames.has(s.image))) {
      expect(`${image}: ${isPinnedImage(image)}`).toBe(`${image}: true`);
    }
  });

  it('recognises unpinned references', () => {
    for (const image of ['grafana/grafana', 'grafana/grafana:latest', 'node:22', 'node:22-bookworm-slim', 'prom/prometheus:v3']) {
      expect(isPinnedImage(image)).toBe(false);
    }
    expect(isPinnedImage('prom/prometheus:v3.13.1')).toBe(true);
    expect(isPinnedImage('node:22.23.2-bookworm-slim')).toBe(true);
  });

  it('builds every local image from a Dockerfile and target that exist, with the repository root as context', () => {
    for (const [name, service] of built) {
      const { context, dockerfile, target } = service.build!;
      expect(`${name}: ${context}`).toBe(`${name}: ${repoPath()}`);
      expect(fs.existsSync(repoPath(dockerfile!))).toBe(true);
      if (target) {
        expect(dockerfileStages(dockerfile!).map((s) => s.name)).toContain(target);
      }
      expect(service.image).toMatch(/^opentruss-observability\/[a-z-]+:\d+\.\d+\.\d+$/);
    }
  });

  it('keeps host-built and secret files out of the build context', () => {
    const ignored = readText('.dockerignore').split('\n');
    for (const entry of ['.git', '**/node_modules', '**/dist', '.env', 'deploy/nginx/certs']) {
      expect(ignored).toContain(entry);
    }
  });
});

describe('Grafana image', () => {
  const grafana = resolvedCompose().services.grafana;
  const dockerfile = grafana.build!.dockerfile!;
  const grafanaImage = dockerfileStages(dockerfile).find((s) => s.image.startsWith('grafana/'))!.image;

  it('is Grafana OSS in a version every plugin accepts, on the @grafana/* line the plugins are built against', () => {
    expect(grafanaImage).toMatch(/^grafana\/grafana:/); // the OSS image (grafana-oss is no longer updated from 12.4)
    const version = imageVersion(grafanaImage);
    for (const plugin of pluginManifests()) {
      expect(`${plugin.id} ${plugin.grafanaDependency} ← ${version}: ${semver.satisfies(version, plugin.grafanaDependency)}`).toMatch(/: true$/);
    }
    const built = readJson<{ dependencies: Record<string, string> }>('plugins/memgraph-datasource/package.json').dependencies['@grafana/data'];
    expect(semver.major(version)).toBe(semver.major(semver.coerce(built)!));
    expect(semver.minor(version)).toBe(semver.minor(semver.coerce(built)!));
  });

  it('allows exactly the two plugins as unsigned, by the ids in their plugin.json', () => {
    const allowed = grafana.environment!.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS.split(',');
    expect(allowed.sort()).toEqual(pluginManifests().map((p) => p.id).sort());
    expect(allowed.sort()).toEqual(Object.values(PLUGIN_IDS).sort());
  });

  it('copies each built plugin into a folder named after its id, inside the plugins path Grafana is given', () => {
    const pluginsPath = dockerfileEnv(dockerfile).GF_PATHS_PLUGINS;
    expect(pluginsPath).toBeDefined();
    const copies = dockerfileCopiesFrom(dockerfile);
    for (const plugin of pluginManifests()) {
      expect(copies).toContainEqual(
        expect.objectContaining({ source: `/src/plugins/${plugin.folder}/dist`, destination: `${pluginsPath}/${plugin.id}` })
      );
    }
    // Not under the grafana-data volume, which would otherwise keep the first build's plugins after an upgrade.
    expect(grafana.volumes).toContainEqual(expect.objectContaining({ type: 'volume', target: '/var/lib/grafana' }));
    expect(pluginsPath.startsWith('/var/lib/grafana/')).toBe(false);
  });

  it('builds the plugins with the repository toolchain: npm ci from the lock, then npm run build', () => {
    const text = readText(dockerfile);
    expect(text).toMatch(/^RUN npm ci\b/m);
    expect(text).toMatch(/^RUN npm run build\b/m);
    expect(dockerfileStages(dockerfile)[0].image).toMatch(/^node:22\./);
  });

  it("takes the admin password from secrets-init's file (a GRAFANA_ADMIN_PASSWORD in .env goes there), keeps anonymous access off and sign-up closed", () => {
    expect(grafana.environment).toMatchObject({
      GF_SECURITY_ADMIN_PASSWORD__FILE: secretPath('grafana-admin', 'password'),
      GF_AUTH_ANONYMOUS_ENABLED: 'false',
      GF_USERS_ALLOW_SIGN_UP: 'false',
    });
    expect(grafana.environment).not.toHaveProperty('GF_SECURITY_ADMIN_PASSWORD');
    const custom = resolvedCompose({ env: { GRAFANA_ADMIN_PASSWORD: 's3cret-from-env' } }).services;
    expect(custom['secrets-init'].environment!.GRAFANA_ADMIN_PASSWORD).toBe('s3cret-from-env');
    expect(JSON.stringify(custom.grafana)).not.toContain('s3cret-from-env');
  });

  it('mounts provisioning/ read-only and checks /api/health', () => {
    expect(grafana.volumes).toContainEqual({ type: 'bind', source: repoPath('provisioning'), target: '/etc/grafana/provisioning', read_only: true });
    expect(grafana.healthcheck!.test.join(' ')).toContain('http://localhost:3000/api/health');
  });
});

describe('Bolt gateway', () => {
  const { services } = resolvedCompose();
  const gateway = services['bolt-gateway'];

  it('is published where the browsers connect and reaches the REPLICA on the compose network only, once it is one', () => {
    expect(gateway.ports).toContainEqual(expect.objectContaining({ target: 7687, published: 7687 }));
    expect(gateway.environment!.BOLT_GATEWAY_UPSTREAM).toBe('memgraph-replica:7687');
    expect(gateway.depends_on).toEqual({ 'replication-setup': { condition: 'service_completed_successfully' } });
    expect(services.grafana.environment!.MEMGRAPH_BROWSER_URL).toBe('bolt://localhost:7687');
  });

  it("logs in to the replica with the replica's own user, and lets viewers in with the credential Grafana provisions", () => {
    const secrets = materialiseSecrets(gateway.environment);
    try {
      const settings = settingsFromEnv(secrets.env);
      const replicaCredential = CREDENTIALS.find((c) => c.key === 'memgraph-replica')!;
      expect(settings.upstream.user).toBe(replicaCredential.defaultUser);
      expect(settings.upstream.password).toBe(fs.readFileSync(`${secrets.root}/memgraph-replica/password`, 'utf8'));
      // Grafana's datasource reads the viewer password from the same file the gateway's viewers file is made from.
      const datasourceFiles = grafanaFileReferences(readText('provisioning/datasources/opentruss.yaml'));
      expect(datasourceFiles).toEqual([secretPath('gateway-viewer', 'password')]);
      const viewerPassword = fs.readFileSync(`${secrets.root}/gateway-viewer/password`, 'utf8');
      const viewerUser = services.grafana.environment!.GATEWAY_VIEWER_USER;
      // The gateway keeps user → SHA-256 of the password (packages/bolt-gateway/src/config/viewers.ts).
      const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();
      expect([...settings.viewers.users.keys()]).toEqual([viewerUser]);
      expect(settings.viewers.users.get(viewerUser)).toEqual(sha256(viewerPassword));
      expect(viewerPassword).not.toBe('viewer');
    } finally {
      secrets.cleanup();
    }
  });

  it('checks its health on the operations port Prometheus scrapes', () => {
    expect(gateway.healthcheck!.test.join(' ')).toContain('http://127.0.0.1:9187/health');
    expect(readText('deploy/prometheus/prometheus.yml')).toContain("targets: ['bolt-gateway:9187']");
  });
});

describe('Memgraph', () => {
  const memgraph = resolvedCompose().services.memgraph;

  it('sets a query timeout, keeps data on the memgraph-data volume and is NOT published on the host', () => {
    expect(memgraph.command).toContain('--query-execution-timeout-sec=60');
    expect(memgraph.volumes).toContainEqual({ type: 'volume', source: 'memgraph-data', target: '/var/lib/memgraph', read_only: false });
    for (const profiles of [[], ['demo'], ['tls'], ['demo', 'tls']]) {
      expect(resolvedCompose({ profiles }).services.memgraph.ports ?? []).toEqual([]);
    }
    expect(resolvedCompose({ env: { MEMGRAPH_QUERY_TIMEOUT_SEC: '15' } }).services.memgraph.command).toContain('--query-execution-timeout-sec=15');
    // Memgraph's memory limit: its own default unless set, the same for MAIN and the replica (one command).
    expect(resolvedCompose().services.memgraph.command).toContain('--memory-limit=0');
    const limited = resolvedCompose({ env: { MEMGRAPH_MEMORY_LIMIT_MB: '4096' } }).services;
    expect([limited.memgraph.command, limited['memgraph-replica'].command]).toEqual([
      expect.arrayContaining(['--memory-limit=4096']),
      expect.arrayContaining(['--memory-limit=4096']),
    ]);
  });

  it('is healthy only when a Cypher query round-trips through mgconsole (not the log port 7444)', () => {
    const test = memgraph.healthcheck!.test;
    expect(test[0]).toBe('CMD-SHELL');
    expect(test[1]).toMatch(/^echo 'RETURN 1;' \| mgconsole /);
    expect(test[1]).not.toContain('7444');
  });

  it('is loaded by demo-data only once healthy, from inside the compose network', () => {
    const demoData = resolvedCompose().services['demo-data'];
    expect(demoData.depends_on).toEqual({ memgraph: { condition: 'service_healthy' } });
    expect(demoData.environment!.MEMGRAPH_URL).toBe('bolt://memgraph:7687');
    expect(demoData.environment!.DEMO_DATA_SIZE).toBe('small');
  });
});

describe('business exporter', () => {
  const exporter = resolvedCompose().services['business-exporter'];

  it("reads the REPLICA on the internal network with the replica's user and password file, publishing no port", () => {
    expect(exporter.environment).toMatchObject({
      MEMGRAPH_URL: 'bolt://memgraph-replica:7687',
      MEMGRAPH_USER: 'opentruss_reader',
      MEMGRAPH_PASSWORD_FILE: secretPath('memgraph-replica', 'password'),
    });
    expect(exporter.ports ?? []).toEqual([]);
    expect(exporter.depends_on).toEqual({ 'replication-setup': { condition: 'service_completed_successfully' } });
    const custom = resolvedCompose({ env: { MEMGRAPH_REPLICA_USER: 'exporter', MEMGRAPH_USER: 'loader' } }).services;
    expect(custom['business-exporter'].environment).toMatchObject({ MEMGRAPH_USER: 'exporter' });
    expect(custom['demo-data'].environment).toMatchObject({ MEMGRAPH_USER: 'loader', MEMGRAPH_PASSWORD_FILE: secretPath('memgraph', 'password') });
  });

  it('runs the bundle of deploy/business-exporter and is healthy when it serves /metrics on its port', () => {
    const dockerfile = exporter.build!.dockerfile!;
    expect(dockerfileCopiesFrom(dockerfile)).toContainEqual(
      expect.objectContaining({ source: '/src/deploy/business-exporter/dist/main.js' })
    );
    expect(readText(dockerfile)).toMatch(/^RUN npm run bundle .*(?:-w|--workspace) deploy\/business-exporter\b/m);
    const port = exporter.environment!.BUSINESS_EXPORTER_PORT;
    expect(exporter.healthcheck!.test.join(' ')).toContain(`http://127.0.0.1:${port}/metrics`);
    expect(exporter.environment).toMatchObject({
      BUSINESS_EXPORTER_INTERVAL_SECONDS: '120',
      BUSINESS_EXPORTER_QUERY_TIMEOUT_SECONDS: '30',
      BUSINESS_EXPORTER_MAX_BUILDINGS: '100',
    });
  });
});

describe('host paths and variables', () => {
  it('mounts only host paths that exist', () => {
    const { services } = resolvedCompose({ profiles: PROFILES, files: [] });
    // Docker's own containers folder exists only on a Docker host (not on CI); logs.test.ts checks that mount.
    const binds = Object.values(services)
      .flatMap((s) => (s.volumes ?? []).filter((v) => v.type === 'bind'))
      .filter((v) => v.source !== '/var/lib/docker/containers');
    expect(binds.length).toBeGreaterThanOrEqual(6);
    for (const bind of binds) {
      expect(`${bind.source}: ${fs.existsSync(bind.source)}`).toBe(`${bind.source}: true`);
    }
  });

  it('documents every variable of the compose files in .env.example, and nothing else', () => {
    const used = [...composeVariables(readText('docker-compose.yml')), ...composeVariables(readText(JOIN_OPENTRUSS))];
    const documented = [...readText('.env.example').matchAll(/^([A-Z_][A-Z0-9_]*)=/gm)].map((m) => m[1]);
    const composeOwn = ['COMPOSE_PROJECT_NAME'];
    expect([...documented].sort()).toEqual([...new Set([...used, ...composeOwn])].sort());
  });

  it('gives .env.example the same values as the compose defaults', () => {
    const defaults = resolvedCompose({ profiles: PROFILES });
    const fromExample = resolvedCompose({ profiles: PROFILES, envFile: '.env.example' });
    expect(fromExample.services).toEqual(defaults.services);
  });
});
