// The shaped OpenTruss backend (test/python/shaped_backend.py, with the middleware) served by the real uvicorn on
// 127.0.0.1, and a bounded load generator for it.
import { DEBIAN_PYTHON, freePort, startProcess, waitFor, type RunningProcess } from '@opentruss/tooling/testing';
import http from 'node:http';
import path from 'node:path';
import { PACKAGE_DIR } from '../../src/patch';

export interface ShapedBackend {
  url: string;
  /** host:port, the scrape target and the `instance` label. */
  target: string;
  process: RunningProcess;
  stop(): Promise<void>;
}

export async function startShapedBackend(): Promise<ShapedBackend> {
  const port = await freePort();
  const child = startProcess('uvicorn', DEBIAN_PYTHON, [
    '-m',
    'uvicorn',
    'shaped_backend:app',
    '--app-dir',
    path.join(PACKAGE_DIR, 'test/python'),
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--log-level',
    'warning',
    '--no-access-log',
  ], { ...process.env, PYTHONDONTWRITEBYTECODE: '1' });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      async () => ((await fetch(`${url}/health`)).ok ? true : undefined),
      30_000,
      () => `uvicorn serving the shaped backend (needs python3-fastapi python3-uvicorn python3-prometheus-client: bash scripts/install-and-test.sh)\n--- uvicorn:\n${child.output()}`
    );
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { url, target: `127.0.0.1:${port}`, process: child, stop: () => child.stop() };
}

export interface LoadResult {
  /** Responses by status code. */
  statuses: Record<number, number>;
  seconds: number;
}

/**
 * One GET on a fresh connection: uvicorn closes a connection whose request raised, and a reused keep-alive
 * connection would then fail the next request on it. Bounded by a 30 s timeout; the body is read to its end.
 */
function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false, timeout: 30_000 }, (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode ?? 0));
      response.once('error', reject);
    });
    request.once('timeout', () => request.destroy(new Error(`GET ${url} timed out`)));
    request.once('error', reject);
  });
}

/**
 * Requests every path once, `concurrency` at a time. Resolves when all have answered; a request that fails
 * without a status throws.
 */
export async function generateLoad(baseUrl: string, paths: readonly string[], concurrency = 16): Promise<LoadResult> {
  const statuses: Record<number, number> = {};
  const start = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const requestPath = paths[next++];
      const status = await get(`${baseUrl}${requestPath}`);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, paths.length) }, worker));
  return { statuses, seconds: (performance.now() - start) / 1000 };
}

/** `count` paths from a template: `(i) => …`. */
export const paths = (count: number, template: (i: number) => string) => Array.from({ length: count }, (_, i) => template(i));
