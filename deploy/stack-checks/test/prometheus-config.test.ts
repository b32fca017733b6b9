import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROMETHEUS_JOBS } from '@opentruss/contract';
import { stringify } from 'yaml';
import { runTool } from '@opentruss/tooling/testing';
import { readYaml, repoPath, resolvedCompose } from '../src';

const CONFIG = 'deploy/prometheus/prometheus.yml';
const RULES_FILE = 'alerts/prometheus/opentruss.rules.yml';

interface PrometheusConfig {
  rule_files: string[];
  scrape_configs: Array<{ job_name: string; metrics_path?: string; static_configs: Array<{ targets: string[] }> }>;
}

const config = readYaml<PrometheusConfig>(CONFIG);
const services = resolvedCompose({ profiles: ['demo'] }).services;
const prometheus = services.prometheus;
const configInContainer = prometheus.command!.find((a) => a.startsWith('--config.file='))!.slice('--config.file='.length);
const targetsOf = (job: string) => config.scrape_configs.find((c) => c.job_name === job)!.static_configs.flatMap((s) => s.targets);

/**
 * Lays the prometheus service's bind mounts out in a temporary folder exactly as the container sees them
 * (copies, symlinks for folders), so relative paths in the config resolve as they will in the container.
 */
function containerFilesystem(options: { dropRuleFiles: boolean }): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opentruss-prometheus-fs-'));
  for (const mount of prometheus.volumes!.filter((v) => v.type === 'bind')) {
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

function promtoolCheckConfig(options = { dropRuleFiles: false }): { status: number | null; output: string } {
  const root = containerFilesystem(options);
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

  it('scrapes the OpenTruss backend at backend:8000/metrics, which the demo-metrics service answers under the demo profile', () => {
    expect(targetsOf(PROMETHEUS_JOBS.backend)).toEqual(['backend:8000']);
    const demo = services['demo-metrics'];
    expect(demo.networks!.default!.aliases).toContain('backend');
    expect(demo.environment!.DEMO_METRICS_PORT).toBe('8000');
  });

  it("reaches node-exporter in the host's network namespace through the host gateway", () => {
    expect(targetsOf(PROMETHEUS_JOBS.node)).toEqual(['host.docker.internal:9100']);
    expect(prometheus.extra_hosts).toContain('host.docker.internal:host-gateway');
    const nodeExporter = services['node-exporter'];
    expect(nodeExporter.network_mode).toBe('host');
    expect(nodeExporter.pid).toBe('host');
    expect(nodeExporter.command).toContain('--web.listen-address=:9100');
  });

  it('loads the alert rules from the folder mounted from alerts/prometheus/', () => {
    const rulesDir = path.posix.dirname(path.posix.join(path.posix.dirname(configInContainer), config.rule_files[0]));
    expect(config.rule_files).toEqual(['rules/opentruss.rules.yml']);
    expect(prometheus.volumes).toContainEqual({ type: 'bind', source: repoPath(path.dirname(RULES_FILE)), target: rulesDir, read_only: true });
  });

  it('passes promtool check config with the files laid out as in the container, rule file included', () => {
    const { status, output } = promtoolCheckConfig();
    expect(output).toContain('is valid prometheus config file syntax');
    expect(output).toMatch(/SUCCESS: 1 rule files found/);
    expect(output).toMatch(/SUCCESS: [1-9]\d* rules found/);
    expect(status).toBe(0);
  });
});
