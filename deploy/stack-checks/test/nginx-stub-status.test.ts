// The stub_status snippet for OpenTruss's nginx (deploy/nginx/opentruss-stub-status.conf), which
// nginx-prometheus-exporter reads on the join-OpenTruss route for HighActiveConnections: the real Debian nginx
// serves it (on a free loopback port instead of 8080) and answers in the format the exporter parses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startProcess, waitFor, type RunningProcess } from '@opentruss/tooling/testing';
import { readText } from '../src';

const SNIPPET = 'deploy/nginx/opentruss-stub-status.conf';
let dir: string;
let nginx: RunningProcess | undefined;
let port: number;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opentruss-stub-status-'));
  port = await freePort();
  const snippet = readText(SNIPPET);
  expect(snippet).toContain('listen 8080;');
  fs.writeFileSync(path.join(dir, 'stub.conf'), snippet.replace('listen 8080;', `listen 127.0.0.1:${port};`));
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `daemon off;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path ${dir}/body;\n  include ${dir}/stub.conf;\n}\n`
  );
  nginx = startProcess('nginx', '/usr/sbin/nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf')]);
  await waitFor(
    async () => ((await fetch(`http://127.0.0.1:${port}/stub_status`).catch(() => undefined))?.ok ? true : undefined),
    10_000,
    () => 'nginx to serve stub_status'
  );
});

afterAll(async () => {
  await nginx?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('serves stub_status in the format nginx-prometheus-exporter parses (its nginx_connections_active)', async () => {
  const text = await (await fetch(`http://127.0.0.1:${port}/stub_status`)).text();
  // ngx_http_stub_status_module's four lines, which the exporter turns into nginx_connections_active and friends.
  expect(text).toMatch(/^Active connections: \d+ \nserver accepts handled requests\n \d+ \d+ \d+ \nReading: \d+ Writing: \d+ Waiting: \d+ \n$/);
  expect(Number(/^Active connections: (\d+)/.exec(text)![1])).toBeGreaterThanOrEqual(1);
});

it('serves nothing else on that port', async () => {
  const other = await fetch(`http://127.0.0.1:${port}/`);
  expect(other.status).toBeGreaterThanOrEqual(400);
  expect(await other.text()).not.toContain('Active connections');
});
