import { buildSync } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoPath } from './repo';
import { startProcess, type RunningProcess } from '@opentruss/tooling/testing';

/**
 * Bundles deploy/demo-metrics exactly as its Dockerfile stage does (esbuild, one file, node22), into a temp dir,
 * so the checks run the artifact the container runs rather than the TypeScript sources.
 */
export function bundleDemoMetrics(): string {
  const outfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'opentruss-demo-metrics-')), 'main.js');
  buildSync({
    entryPoints: [repoPath('deploy/demo-metrics/src/main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node22',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

/** Runs the bundled service on 127.0.0.1:<port> with the given DEMO_METRICS_* settings. */
export function runDemoMetrics(bundle: string, port: number, env: Record<string, string>): RunningProcess {
  return startProcess('demo-metrics', process.execPath, [bundle], {
    PATH: process.env.PATH,
    DEMO_METRICS_HOST: '127.0.0.1',
    DEMO_METRICS_PORT: String(port),
    ...env,
  });
}
