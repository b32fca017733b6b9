import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { freePort, startProcess, type RunningProcess } from './processes';

export interface ScrapeJob {
  job_name: string;
  scrape_interval?: string;
  static_configs: Array<{ targets: string[] }>;
}

export interface LocalPrometheus {
  url: string;
  process: RunningProcess;
  /** Instant query; resolves to the result vector (throws on a PromQL error, with Prometheus's message). */
  query(expr: string): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>>;
  stop(): Promise<void>;
}

/** The real Debian `prometheus` on 127.0.0.1 with a throwaway data directory, scraping `jobs` every second. */
export async function startPrometheus(jobs: ScrapeJob[]): Promise<LocalPrometheus> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opentruss-prometheus-'));
  const configFile = path.join(dir, 'prometheus.yml');
  fs.writeFileSync(configFile, stringify({ global: { scrape_interval: '1s', evaluation_interval: '1s' }, scrape_configs: jobs }));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const process = startProcess('prometheus', [
    `--config.file=${configFile}`,
    `--storage.tsdb.path=${path.join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
  ]);
  return {
    url,
    process,
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
    async stop() {
      await process.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
