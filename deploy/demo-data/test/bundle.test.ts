// The file the demo-data container runs: src/main.ts bundled by esbuild as the Dockerfile does, run by node.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { startBoltTestServer, type BoltTestServer } from '@opentruss/bolt-test-server';
import { memgraphResponders } from './memgraph-double';

let bundle: string;
let server: BoltTestServer;

beforeAll(async () => {
  bundle = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'opentruss-demo-data-')), 'main.js');
  buildSync({ entryPoints: [path.join(__dirname, '../src/main.ts')], bundle: true, platform: 'node', target: 'node22', outfile: bundle, logLevel: 'silent' });
  server = await startBoltTestServer({ responders: memgraphResponders({}) });
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(path.dirname(bundle), { recursive: true, force: true });
});

function runBundle(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bundle], { env: { PATH: process.env.PATH, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('the bundled demo-data service', () => {
  it('loads the graph and exits 0', async () => {
    const result = await runBundle({ MEMGRAPH_URL: server.url, DEMO_DATA_SIZE: 'small' });
    expect(result.stderr).toBe('');
    // One JSON object per line (the stack's log format, @opentruss/contract).
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { service: string; level: string; msg: string });
    expect(lines.every((l) => l.service === 'demo-data' && l.level === 'info')).toBe(true);
    expect(lines.map((l) => l.msg)).toContainEqual(expect.stringMatching(/^Memgraph at bolt:\/\/127\.0\.0\.1:\d+ answers/));
    expect(lines.at(-1)!.msg).toBe('Demo graph loaded');
    expect(result.code).toBe(0);
    expect(server.runs.filter((r) => r.query.startsWith('UNWIND')).length).toBeGreaterThan(5);
  }, 60_000);

  it('exits 1 with a one-line reason on a bad setting', async () => {
    const result = await runBundle({ DEMO_DATA_SIZE: 'huge' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(result.stderr)).toMatchObject({ level: 'error', service: 'demo-data', msg: expect.stringMatching(/^DEMO_DATA_SIZE must be one of .*; got "huge"$/) });
  }, 60_000);
});
