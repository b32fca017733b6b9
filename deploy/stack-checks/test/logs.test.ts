// The log stack in docker-compose.yml: Loki and Alloy (pinned, healthy-checked, not published, Alloy without the
// Docker socket or root's powers), Docker's log rotation on every service, Memgraph's log files on a volume, the
// provisioned Loki datasource and scrape jobs, Loki's retention (offline), and the join route's logging override.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { DATASOURCE_UIDS, PROMETHEUS_JOBS } from '@opentruss/contract';
import { composeConfig, isPinnedImage, provisionedDatasources, readText, readYaml, repoPath, resolvedCompose, type ComposeService } from '../src';

const PROFILES = ['demo', 'tls'];

/** The parts of a resolved service these checks read beyond ComposeService. */
type LogService = ComposeService & {
  logging?: { driver: string; options: Record<string, string> };
  labels?: Record<string, string>;
  user?: string;
  cap_drop?: string[];
  cap_add?: string[];
  security_opt?: string[];
  read_only?: boolean;
};

const services = resolvedCompose({ profiles: PROFILES }).services as Record<string, LogService>;
const rawCompose = parse(readText('docker-compose.yml')) as { 'x-logging': LogService['logging'] };

const LOKI_CONFIG = 'deploy/loki/loki.yaml';
interface LokiConfig {
  auth_enabled: boolean;
  server: { http_listen_port: number };
  common: { path_prefix: string; storage: { filesystem: { chunks_directory: string; rules_directory: string } } };
  schema_config: { configs: Array<{ store: string; object_store: string; schema: string; index: { period: string } }> };
  limits_config: { retention_period: string; reject_old_samples_max_age: string; max_query_lookback: string };
  compactor: { working_directory: string; retention_enabled: boolean; delete_request_store: string };
  analytics: { reporting_enabled: boolean };
}
const loki = readYaml<LokiConfig>(LOKI_CONFIG);

/** Hours of a Loki/Prometheus duration written in hours or days (`720h`, `30d`). */
function hours(duration: string): number {
  const m = /^(\d+)(h|d)$/.exec(duration);
  if (!m) {
    throw new Error(`Expected a duration in h or d: ${duration}`);
  }
  return Number(m[1]) * (m[2] === 'd' ? 24 : 1);
}

describe('Docker log rotation on every service', () => {
  it('is one json-file block (x-logging) with a size and a file limit, and the labels Alloy reads', () => {
    expect(rawCompose['x-logging']).toEqual({
      driver: 'json-file',
      options: {
        'max-size': '20m',
        'max-file': '5',
        labels: 'com.docker.compose.service,com.docker.compose.project,org.opentruss.logs.records-in-file',
      },
    });
  });

  it.each(Object.keys(services))('%s uses it', (name) => {
    expect(services[name].logging).toEqual(rawCompose['x-logging']);
  });

  it('is written once per service (`logging: *logging`), never spelled out again', () => {
    const text = readText('docker-compose.yml');
    expect(text.match(/^\s+logging: \*logging$/gm)!.length).toBeGreaterThanOrEqual(Object.keys(services).length - 1);
    expect(text.match(/max-size/g)).toHaveLength(1);
  });
});

describe('Loki', () => {
  const service = services.loki;

  it('is a pinned image, healthy only when its own /ready answers, published nowhere', () => {
    expect(isPinnedImage(service.image!)).toBe(true);
    expect(service.image).toMatch(/^grafana\/loki:3\./);
    expect(service.healthcheck?.test).toEqual(['CMD', '/usr/bin/loki', '-health']);
    expect(service.ports ?? []).toEqual([]);
  });

  it('loads deploy/loki/loki.yaml read-only and keeps its data on the loki-data volume at its path prefix', () => {
    expect(service.command).toEqual(['-config.file=/etc/loki/loki.yaml']);
    expect(service.volumes).toEqual(
      expect.arrayContaining([
        { type: 'bind', source: repoPath(LOKI_CONFIG), target: '/etc/loki/loki.yaml', read_only: true },
        { type: 'volume', source: 'loki-data', target: '/loki', read_only: false },
      ])
    );
    for (const dir of [loki.common.path_prefix, loki.common.storage.filesystem.chunks_directory, loki.compactor.working_directory]) {
      expect(dir.startsWith('/loki')).toBe(true);
    }
  });
});

describe('Loki configuration, offline', () => {
  it('keeps 30 days (the manual’s `rotate 30`) and deletes older lines itself: retention with the compactor', () => {
    expect(hours(loki.limits_config.retention_period)).toBe(30 * 24);
    expect(loki.compactor.retention_enabled).toBe(true);
    expect(loki.compactor.delete_request_store).toBe('filesystem');
    // Old lines are accepted back to the retention, never beyond it, and queries reach that far.
    expect(hours(loki.limits_config.reject_old_samples_max_age)).toBeLessThanOrEqual(hours(loki.limits_config.retention_period));
    expect(hours(loki.limits_config.max_query_lookback)).toBe(hours(loki.limits_config.retention_period));
  });

  it('is a single binary on the filesystem with the TSDB v13 schema and daily index (what retention deletes by)', () => {
    expect(loki.schema_config.configs).toEqual([
      expect.objectContaining({ store: 'tsdb', object_store: 'filesystem', schema: 'v13', index: expect.objectContaining({ period: '24h' }) }),
    ]);
    expect(loki.auth_enabled).toBe(false);
    expect(loki.analytics.reporting_enabled).toBe(false);
  });

  it('keeps Memgraph’s own log files as long (--log-retention-days)', () => {
    const days = services.memgraph.command!.find((a) => a.startsWith('--log-retention-days='))!.split('=')[1];
    expect(Number(days) * 24).toBe(hours(loki.limits_config.retention_period));
  });
});

describe('Alloy', () => {
  const service = services.alloy;

  it('is a pinned image, healthy when its components are, published nowhere, started after a healthy Loki', () => {
    expect(isPinnedImage(service.image!)).toBe(true);
    expect(service.image).toMatch(/^grafana\/alloy:v1\./);
    expect(service.healthcheck!.test.join(' ')).toContain('/-/healthy');
    expect(service.ports ?? []).toEqual([]);
    expect(service.depends_on).toEqual({ loki: { condition: 'service_healthy' } });
  });

  it('reads Docker’s container logs and Memgraph’s log volume read-only, without the Docker socket', () => {
    expect(service.volumes).toEqual(
      expect.arrayContaining([
        { type: 'bind', source: '/var/lib/docker/containers', target: '/var/lib/docker/containers', read_only: true },
        { type: 'volume', source: 'memgraph-log', target: '/var/log/memgraph', read_only: true },
        { type: 'bind', source: repoPath('deploy/alloy/config.alloy'), target: '/etc/alloy/config.alloy', read_only: true },
        { type: 'volume', source: 'alloy-data', target: '/var/lib/alloy/data', read_only: false },
      ])
    );
    for (const [name, s] of Object.entries(services)) {
      for (const volume of s.volumes ?? []) {
        expect(`${name}: ${volume.source}`).not.toMatch(/docker\.sock/);
      }
    }
    const rootless = resolvedCompose({ env: { DOCKER_CONTAINERS_DIR: '/home/ops/.local/share/docker/containers' } }).services.alloy;
    expect(rootless.volumes).toContainEqual({
      type: 'bind',
      source: '/home/ops/.local/share/docker/containers',
      target: '/var/lib/docker/containers',
      read_only: true,
    });
  });

  it('runs with every capability dropped but DAC_READ_SEARCH, a read-only root filesystem and no new privileges', () => {
    expect(service.cap_drop).toEqual(['ALL']);
    expect(service.cap_add).toEqual(['DAC_READ_SEARCH']);
    expect(service.read_only).toBe(true);
    expect(service.security_opt).toEqual(['no-new-privileges:true']);
    expect(service.user).toBe('0:0');
  });

  it('pushes to the Loki service on the port Loki listens on', () => {
    expect(service.environment?.LOKI_PUSH_URL).toBe(`http://loki:${loki.server.http_listen_port}/loki/api/v1/push`);
  });
});

describe('Memgraph’s log files', () => {
  it('go to the memgraph-log volume Alloy reads', () => {
    const memgraph = services.memgraph;
    expect(memgraph.volumes).toContainEqual({ type: 'volume', source: 'memgraph-log', target: '/var/log/memgraph', read_only: false });
    expect(memgraph.command).toContain('--log-file=/var/log/memgraph/memgraph.log');
    expect(Object.keys(resolvedCompose().volumes ?? {})).toEqual(expect.arrayContaining(['memgraph-log', 'loki-data', 'alloy-data']));
  });
});

describe('Grafana and Prometheus', () => {
  it('provision Loki by its contract uid at LOKI_URL, which compose points at the loki service', () => {
    const datasource = provisionedDatasources().find((d) => d.uid === DATASOURCE_UIDS.loki)! as { type: string; url?: string };
    expect(datasource).toMatchObject({ type: 'loki', url: '${LOKI_URL}' });
    expect(services.grafana.environment?.LOKI_URL).toBe(`http://loki:${loki.server.http_listen_port}`);
  });

  it('scrape Loki and Alloy where they listen, under the job names the LokiDown/AlloyDown alerts select', () => {
    const config = readYaml<{ scrape_configs: Array<{ job_name: string; static_configs?: Array<{ targets: string[] }> }> }>(
      'deploy/prometheus/prometheus.yml'
    );
    const targets = (job: string) => config.scrape_configs.find((j) => j.job_name === job)?.static_configs?.[0].targets;
    expect(targets(PROMETHEUS_JOBS.loki)).toEqual([`loki:${loki.server.http_listen_port}`]);
    const listen = services.alloy.command!.find((a) => a.startsWith('--server.http.listen-addr='))!.split(':').at(-1);
    expect(targets(PROMETHEUS_JOBS.alloy)).toEqual([`alloy:${listen}`]);
  });
});

describe('the join route: deploy/compose/opentruss-logging.yml on OpenTruss’s own compose files', () => {
  const override = parse(readText('deploy/compose/opentruss-logging.yml')) as { 'x-logging': unknown };

  it('uses the same logging options as the stack', () => {
    expect(override['x-logging']).toEqual(rawCompose['x-logging']);
  });

  it.each(['docker-compose.yml', 'docker-compose.prod.yml'])('applies to OpenTruss’s %s (fixture at commit 04fe539)', (file) => {
    // The override names OpenTruss's services; compose refuses a service without image or build, so a renamed
    // service fails here. Run in a copy, where OpenTruss's build contexts exist.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opentruss-'));
    try {
      fs.copyFileSync(repoPath('deploy/stack-checks/test/fixtures/opentruss', file), path.join(dir, file));
      fs.copyFileSync(repoPath('deploy/compose/opentruss-logging.yml'), path.join(dir, 'opentruss-logging.yml'));
      fs.mkdirSync(path.join(dir, 'backend'));
      fs.mkdirSync(path.join(dir, 'frontend'));
      const result = composeConfig({ cwd: dir, mainFile: file, files: ['opentruss-logging.yml'] });
      expect(result.stderr).not.toMatch(/ERROR/);
      const joined = result.config!.services as Record<string, LogService>;
      for (const name of ['memgraph', 'backend', 'frontend']) {
        expect(joined[name].logging).toEqual(rawCompose['x-logging']);
      }
      expect(joined.memgraph.command).toEqual(['--also-log-to-stderr=true']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
