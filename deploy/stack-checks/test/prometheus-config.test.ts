import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROMETHEUS_JOBS } from '@opentruss/contract';
import { parse, stringify } from 'yaml';
import { runTool } from '@opentruss/tooling/testing';
import { type ComposeService, readYaml, repoPath, resolvedCompose } from '../src';

const CONFIG = 'deploy/prometheus/prometheus.yml';
const RULES_FILE = 'alerts/prometheus/opentruss.rules.yml';

interface PrometheusConfig {
  rule_files: string[];
  alerting?: unknown;
  scrape_configs: Array<{
    job_name: string;
    metrics_path?: string;
    static_configs?: Array<{ targets: string[] }>;
    file_sd_configs?: Array<{ files: string[] }>;
    dns_sd_configs?: Array<{ names: string[]; type?: string; port: number }>;
    relabel_configs?: Array<{ source_labels?: string[]; regex?: string; target_label: string; replacement?: string }>;
  }>;
}

const config = readYaml<PrometheusConfig>(CONFIG);
const services = resolvedCompose({ profiles: ['demo'] }).services;
const prometheus = services.prometheus;
const configInContainer = prometheus.command!.find((a) => a.startsWith('--config.file='))!.slice('--config.file='.length);
const WITHOUT_HOST_NAMESPACES = 'deploy/compose/without-host-namespaces.yml';
const JOIN_OPENTRUSS = 'deploy/compose/join-opentruss.yml';

/** A job's targets as the given prometheus service sees them: static, or from the file its volumes mount. */
function targetsOf(job: string, service: ComposeService = prometheus): string[] {
  const scrape = config.scrape_configs.find((c) => c.job_name === job)!;
  const fromFiles = (scrape.file_sd_configs ?? []).flatMap(({ files }) =>
    files.flatMap((file) => {
      const inContainer = path.posix.join(path.posix.dirname(configInContainer), file);
      const mount = service.volumes!.find((v) => v.type === 'bind' && v.target === inContainer);
      expect(`${inContainer} mounted: ${Boolean(mount)}`).toBe(`${inContainer} mounted: true`);
      return parse(fs.readFileSync(mount!.source, 'utf8')) as Array<{ targets: string[] }>;
    })
  );
  return [...(scrape.static_configs ?? []), ...fromFiles].flatMap((group) => group.targets);
}

/**
 * Lays the prometheus service's bind mounts out in a temporary folder exactly as the container sees them
 * (copies, symlinks for folders), so relative paths in the config resolve as they will in the container.
 */
function containerFilesystem(service: ComposeService, options: { dropRuleFiles: boolean }): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opentruss-prometheus-fs-'));
  for (const mount of service.volumes!.filter((v) => v.type === 'bind')) {
    const inContainer = path.join(root, mount.target);
    fs.mkdirSync(path.dirname(inContainer), { recursive: true });
    if (fs.statSync(mount.source).isDirectory()) {
      fs.symlinkSync(mount.source, inContainer);
    } else if (mount.source === repoPath(CONFIG) && options.dropRuleFiles) {
      fs.writeFileSync(inContainer, stringify({ ...config, rule_files: [] }));
    } else {
      fs.copyFileSync(mount.source, inContainer);
    }
  }
  return root;
}

function promtoolCheckConfig(service = prometheus, options = { dropRuleFiles: false }): { status: number | null; output: string } {
  const root = containerFilesystem(service, options);
  try {
    const result = runTool('promtool', ['check', 'config', path.join(root, configInContainer)]);
    return { status: result.status, output: result.stdout + result.stderr };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

describe('Prometheus configuration (deploy/prometheus/prometheus.yml)', () => {
  it('is the file the prometheus service loads', () => {
    expect(prometheus.volumes).toContainEqual({ type: 'bind', source: repoPath(CONFIG), target: configInContainer, read_only: true });
  });

  it('names its scrape jobs exactly as PROMETHEUS_JOBS, which alert expressions select on', () => {
    expect(config.scrape_configs.map((c) => c.job_name).sort()).toEqual(Object.values(PROMETHEUS_JOBS).sort());
  });

  it('scrapes the OpenTruss backend only where one is expected: the demo profile (by name) and the join route', () => {
    // A plain `docker compose up` has no backend target, so OpenTrussBackendDown cannot page.
    expect(targetsOf(PROMETHEUS_JOBS.backend)).toEqual([]);
    const scrape = config.scrape_configs.find((c) => c.job_name === PROMETHEUS_JOBS.backend) as { dns_sd_configs?: Array<{ names: string[]; port: number }> };
    const demo = services['demo-metrics'];
    expect(scrape.dns_sd_configs).toEqual([{ names: ['demo-backend'], type: 'A', port: Number(demo.environment!.DEMO_METRICS_PORT) }]);
    expect(demo.networks!.default!.aliases).toEqual(['demo-backend']);
    expect(demo.profiles).toEqual(['demo']);
    const joined = resolvedCompose({ files: [JOIN_OPENTRUSS] }).services;
    expect(targetsOf(PROMETHEUS_JOBS.backend, joined.prometheus)).toEqual(['backend:8000']);
  });

  it("scrapes OpenTruss's nginx through the pinned official exporter on the join route only", () => {
    expect(targetsOf(PROMETHEUS_JOBS.nginx)).toEqual([]);
    const joined = resolvedCompose({ files: [JOIN_OPENTRUSS] }).services;
    expect(targetsOf(PROMETHEUS_JOBS.nginx, joined.prometheus)).toEqual(['nginx-exporter:9113']);
    const exporter = joined['nginx-exporter'];
    expect(exporter.image).toBe('nginx/nginx-prometheus-exporter:1.4.0');
    expect(exporter.command).toEqual(['--nginx.scrape-uri=http://nginx:8080/stub_status', '--web.listen-address=:9113']);
    expect(Object.keys(exporter.networks!)).toEqual(expect.arrayContaining(['default', 'opentruss']));
    const { status, output } = promtoolCheckConfig(joined.prometheus);
    expect(output).not.toMatch(/WARNING/);
    expect(status).toBe(0);
  });

  it('scrapes the business exporter at the port its compose service listens on', () => {
    const exporter = services['business-exporter'];
    expect(targetsOf(PROMETHEUS_JOBS.business)).toEqual([`business-exporter:${exporter.environment!.BUSINESS_EXPORTER_PORT}`]);
  });

  it("reaches node-exporter in the host's network namespace through the host gateway", () => {
    expect(targetsOf(PROMETHEUS_JOBS.node)).toEqual(['host.docker.internal:9100']);
    expect(prometheus.extra_hosts).toContain('host.docker.internal:host-gateway');
    const nodeExporter = services['node-exporter'];
    expect(nodeExporter.network_mode).toBe('host');
    expect(nodeExporter.pid).toBe('host');
    expect(nodeExporter.volumes).toContainEqual({ type: 'bind', source: '/', target: '/host', read_only: true });
  });

  it('keeps node-exporter (no authentication) off the host\'s other interfaces: it listens on the host gateway only', () => {
    // Docker's host gateway is docker0's address, 172.17.0.1 unless the daemon sets another `bip`.
    const listen = (service: ComposeService) => service.command!.find((a) => a.startsWith('--web.listen-address='))!.split('=')[1];
    expect(listen(services['node-exporter'])).toBe('172.17.0.1:9100');
    expect(listen(resolvedCompose({ env: { NODE_EXPORTER_LISTEN_ADDRESS: '172.30.0.1' } }).services['node-exporter'])).toBe('172.30.0.1:9100');
    for (const everywhere of [':9100', '0.0.0.0:9100', '[::]:9100']) {
      expect(listen(services['node-exporter'])).not.toBe(everywhere);
    }
  });

  it('has, for Docker Desktop, WSL and rootless Docker, an override without the host network and the rslave root mount', () => {
    const portable = resolvedCompose({ files: [WITHOUT_HOST_NAMESPACES] }).services;
    const nodeExporter = portable['node-exporter'];
    expect(nodeExporter.network_mode).toBe('service:prometheus');
    expect(nodeExporter.command).toEqual(['--web.listen-address=127.0.0.1:9100']);
    expect(nodeExporter.volumes).toEqual([{ type: 'tmpfs', source: '', target: '/host', read_only: false }]);
    // Prometheus scrapes it on the loopback they share.
    expect(targetsOf(PROMETHEUS_JOBS.node, portable.prometheus)).toEqual(['localhost:9100']);
    const { status, output } = promtoolCheckConfig(portable.prometheus);
    expect(output).not.toMatch(/WARNING/);
    expect(status).toBe(0);
  });

  it('loads the alert rules from the folder mounted from alerts/prometheus/', () => {
    const rulesDir = path.posix.dirname(path.posix.join(path.posix.dirname(configInContainer), config.rule_files[0]));
    expect(config.rule_files).toEqual(['rules/opentruss.rules.yml', 'rules/opentruss-trends.rules.yml', 'capacity/link-capacity.rules.yml']);
    expect(prometheus.volumes).toContainEqual({ type: 'bind', source: repoPath(path.dirname(RULES_FILE)), target: rulesDir, read_only: true });
  });

  it('probes the TLS certificates through the pinned blackbox exporter, only under the tls profile', () => {
    const scrape = config.scrape_configs.find((c) => c.job_name === PROMETHEUS_JOBS.tls) as {
      dns_sd_configs: Array<{ names: string[]; port: number }>;
      relabel_configs: Array<{ target_label: string; replacement?: string }>;
    };
    const tlsServices = resolvedCompose({ profiles: ['tls'] }).services;
    // The names and ports the probes use are the tls profile's services and their container ports.
    expect(scrape.dns_sd_configs.map((d) => `${d.names[0]}:${d.port}`).sort()).toEqual(['bolt-gateway-tls:7687', 'tls-proxy:443']);
    expect(tlsServices['tls-proxy'].ports!.map((p) => p.target)).toContain(443);
    expect(tlsServices['bolt-gateway-tls'].ports!.map((p) => p.target)).toContain(7687);
    const exporter = tlsServices['blackbox-exporter'];
    expect(exporter.image).toBe('prom/blackbox-exporter:v0.25.0');
    expect(exporter.profiles).toEqual(['tls']);
    expect(scrape.relabel_configs.at(-1)).toEqual({ target_label: '__address__', replacement: 'blackbox-exporter:9115' });
  });

  it("mounts the operator's link-capacity rule as a folder, so an edit plus a reload changes it without a rebuild", () => {
    const dir = path.posix.join(path.posix.dirname(configInContainer), 'capacity');
    expect(prometheus.volumes).toContainEqual({ type: 'bind', source: repoPath('deploy/prometheus/capacity'), target: dir, read_only: true });
    expect(prometheus.command).toContain('--web.enable-lifecycle');
  });

  it('keeps six months of samples (plus a margin) for the capacity forecasts, with a size cap', () => {
    expect(prometheus.command).toContain('--storage.tsdb.retention.time=190d');
    expect(prometheus.command).toContain('--storage.tsdb.retention.size=20GB');
  });

  it('passes promtool check config with the files laid out as in the container, rule file included', () => {
    const { status, output } = promtoolCheckConfig();
    expect(output).toContain('is valid prometheus config file syntax');
    expect(output).toMatch(/SUCCESS: 3 rule files found/);
    expect(output).toMatch(/SUCCESS: [1-9]\d* rules found/);
    expect(output).not.toMatch(/WARNING/); // e.g. a file_sd file that is not mounted
    expect(status).toBe(0);
  });
});
