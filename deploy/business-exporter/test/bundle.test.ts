// The file the business-exporter container runs: src/main.ts bundled by esbuild as the Dockerfile does.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { startBoltTestServer, type BoltTestServer } from '@opentruss/bolt-test-server';
import { generateDemoGraph } from '@opentruss/opentruss-graph';
import { freePort } from '@opentruss/tooling/testing';
import { exporterResponders, scrape } from '../testing/catalogue-memgraph';

let bundle: string;
let server: BoltTestServer;

beforeAll(async () => {
  bundle = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'opentruss-business-exporter-')), 'main.js');
  buildSync({ entryPoints: [path.join(__dirname, '../src/main.ts')], bundle: true, platform: 'node', target: 'node22', outfile: bundle, logLevel: 'silent' });
  server = await startBoltTestServer({ responders: exporterResponders(generateDemoGraph(), Date.now()), users: { exporter: 'pw' } });
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(path.dirname(bundle), { recursive: true, force: true });
});

describe('the bundled business-exporter service', () => {
  it('serves /metrics after its first collection and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [bundle], {
      env: {
        PATH: process.env.PATH,
        MEMGRAPH_URL: server.url,
        MEMGRAPH_USER: 'exporter',
        MEMGRAPH_PASSWORD: 'pw',
        BUSINESS_EXPORTER_HOST: '127.0.0.1',
        BUSINESS_EXPORTER_PORT: String(port),
      },
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const deadline = Date.now() + 20_000;
      while (!stdout.includes('Collected from Memgraph') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // One JSON object per line (the stack's log format, @opentruss/contract), level info.
      const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as { service: string; level: string; msg: string });
      expect(lines.every((l) => l.service === 'business-exporter' && l.level === 'info')).toBe(true);
      const messages = lines.map((l) => l.msg);
      expect(messages).toContainEqual(expect.stringMatching(/^Serving GET \/metrics on 127\.0\.0\.1:\d+; collecting every 120 s$/));
      expect(messages).toContainEqual(expect.stringMatching(/^Collected from Memgraph at bolt:\/\/127\.0\.0\.1:\d+ in .* 4 buildings$/));
      expect((await scrape(`http://127.0.0.1:${port}`)).get('opentruss_business_up')).toBe(1);
      expect(stdout).not.toContain('pw');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 60_000);

  it('exits 1 with a one-line reason on a bad setting', async () => {
    const child = spawn(process.execPath, [bundle], { env: { PATH: process.env.PATH, BUSINESS_EXPORTER_MAX_BUILDINGS: '0' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(stderr)).toMatchObject({
      level: 'critical',
      service: 'business-exporter',
      msg: 'BUSINESS_EXPORTER_MAX_BUILDINGS must be an integer from 1 to 200, got "0"',
    });
  }, 60_000);
});
