// The real Debian `prometheus` for tests: loopback only, a throwaway data directory, 1 s scrapes and evaluations.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { freePort, startProcess, waitFor, type RunningProcess } from './processes';

export interface ScrapeJob {
  job_name: string;
  scrape_interval?: string;
  static_configs: Array<{ targets: string[]; labels?: Record<string, string> }>;
  /** Any other scrape option, written as given (metrics_path, params, relabel_configs …). */
  [option: string]: unknown;
}

export interface PrometheusSample {
  metric: Record<string, string>;
  value: [number, string];
}

export interface LocalPrometheus {
  url: string;
  process: RunningProcess;
  /** Instant query; resolves to the result vector (throws on a PromQL error, with Prometheus's message). */
  query(expr: string): Promise<PrometheusSample[]>;
  stop(): Promise<void>;
}

export interface LocalPrometheusOptions {
  scrapeConfigs?: ScrapeJob[];
  /** Rule files to load (absolute paths). */
  ruleFiles?: string[];
  /** How long to wait for `/-/ready` (default 30 s). */
  readyTimeoutMs?: number;
  /** `--web.external-url` (what rule templates get as `externalURL`); the API stays at `/` whatever its path. */
  externalUrl?: string;
  /** `global.external_labels` (rule templates read them as `$externalLabels`). */
  externalLabels?: Record<string, string>;
}

/** Starts Prometheus and resolves once it answers `/-/ready`. */
export async function startPrometheus(options: LocalPrometheusOptions = {}): Promise<LocalPrometheus> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opentruss-prometheus-'));
  const configFile = path.join(dir, 'prometheus.yml');
  fs.writeFileSync(
    configFile,
    stringify({
      global: {
        scrape_interval: '1s',
        evaluation_interval: '1s',
        ...(options.externalLabels ? { external_labels: options.externalLabels } : {}),
      },
      rule_files: options.ruleFiles ?? [],
      scrape_configs: options.scrapeConfigs ?? [],
    })
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = startProcess('prometheus', '/usr/bin/prometheus', [
    `--config.file=${configFile}`,
    `--storage.tsdb.path=${path.join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--log.level=warn',
    ...(options.externalUrl ? [`--web.external-url=${options.externalUrl}`, '--web.route-prefix=/'] : []),
  ]);
  const stop = async () => {
    await child.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(
      async () => ((await fetch(`${url}/-/ready`)).ok ? true : undefined),
      options.readyTimeoutMs ?? 30_000,
      () => `Prometheus to be ready\n--- prometheus:\n${child.output()}`
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    process: child,
    async query(expr) {
      const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(expr)}`);
      const body = (await response.json()) as { status: string; error?: string; data?: { resultType: string; result: [] } };
      if (body.status !== 'success' || !body.data) {
        throw new Error(`PromQL error for ${expr}: ${body.error ?? response.status}`);
      }
      if (body.data.resultType !== 'vector') {
        throw new Error(`${expr} returned a ${body.data.resultType}, not an instant vector`);
      }
      return body.data.result;
    },
    stop,
  };
}
