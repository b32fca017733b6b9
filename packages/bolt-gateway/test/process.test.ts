// The gateway as it runs in the stack: its own process, configured from the environment (the Memgraph password
// from a secret file), /health and /metrics on the operations port, a million-row stream with its memory bounded.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { spawnSync } from 'node:child_process';
import { startBoltTestServer, type BoltTestServer } from '@opentruss/bolt-test-server';
import { requestTags as tags, ResponseScanner } from '@opentruss/bolt-protocol';
import { DRIVER6_VERSIONS, handshake, message } from '@opentruss/bolt-testing';
import { freePort, startProcess, waitFor, type RunningProcess } from '@opentruss/tooling/testing';
import { MEMGRAPH_PASSWORD, MEMGRAPH_USER, VIEWER } from './support/stack';

const TSX = path.join(__dirname, '../../../node_modules/.bin/tsx');
const CLI = path.join(__dirname, '../src/cli.ts');
const ROWS = 1_000_000;
const STREAM = 'UNWIND range(1, 1000000) AS i RETURN i, i * 2 AS j';

function* rows(): Generator<unknown[]> {
  for (let i = 1; i <= ROWS; i++) {
    yield [neo4j.int(i), `row ${i} of the stream`];
  }
}

let server: BoltTestServer;
let gateway: RunningProcess;
let secretDir: string;
let port: number;
let opsPort: number;

async function metric(name: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${opsPort}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(name + ' ') || l.startsWith(name + '{'));
  if (!line) {
    throw new Error(`${name} not on /metrics`);
  }
  return Number(line.split(' ').pop());
}

beforeAll(async () => {
  server = await startBoltTestServer({
    users: { [MEMGRAPH_USER]: MEMGRAPH_PASSWORD },
    responders: [{ match: STREAM, fields: ['i', 'j'], records: () => rows() }],
  });
  secretDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bolt-gateway-'));
  fs.writeFileSync(path.join(secretDir, 'memgraph-password'), MEMGRAPH_PASSWORD + '\n');
  [port, opsPort] = [await freePort(), await freePort()];
  gateway = startProcess('bolt-gateway', TSX, [CLI], {
    ...process.env,
    NODE_OPTIONS: '--max-old-space-size=96',
    BOLT_GATEWAY_HOST: '127.0.0.1',
    BOLT_GATEWAY_PORT: String(port),
    BOLT_GATEWAY_OPS_HOST: '127.0.0.1',
    BOLT_GATEWAY_OPS_PORT: String(opsPort),
    BOLT_GATEWAY_UPSTREAM: `127.0.0.1:${server.port}`,
    BOLT_GATEWAY_MEMGRAPH_USER: MEMGRAPH_USER,
    BOLT_GATEWAY_MEMGRAPH_PASSWORD_FILE: path.join(secretDir, 'memgraph-password'),
    BOLT_GATEWAY_VIEWERS: `${VIEWER.user}:${VIEWER.password}`,
  });
  await waitFor(
    async () => (gateway.output().includes('bolt-gateway listening on') ? true : undefined),
    20_000,
    () => gateway.output()
  );
}, 30_000);

afterAll(async () => {
  await gateway?.stop();
  await server?.stop();
  fs.rmSync(secretDir, { recursive: true, force: true });
});

it('reports health (Memgraph reachable) and its metrics on the operations port', async () => {
  const health = await fetch(`http://127.0.0.1:${opsPort}/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok', upstream: 'reachable' });
  expect(await metric('opentruss_bolt_gateway_client_connections')).toBe(0);
  expect(await metric('opentruss_bolt_gateway_process_resident_memory_bytes')).toBeGreaterThan(0);
});

it('streams a million rows with its memory bounded', async () => {
  const rssBefore = await metric('opentruss_bolt_gateway_process_resident_memory_bytes');
  let peak = rssBefore;
  const sampler = setInterval(() => {
    metric('opentruss_bolt_gateway_process_resident_memory_bytes').then(
      (rss) => (peak = Math.max(peak, rss)),
      () => undefined
    );
  }, 100);
  let records = 0;
  let summaries = 0;
  const started = Date.now();
  try {
    await new Promise<void>((resolve, reject) => {
      const scanner = new ResponseScanner(({ tag }) => {
        if (tag === 0x71) {
          records++;
        } else if (++summaries === 4) {
          socket.destroy();
          resolve(); // HELLO, LOGON, RUN and the final PULL summary
        }
      }, 1 << 20);
      const socket = net.connect({ host: '127.0.0.1', port }, () =>
        socket.write(
          Buffer.concat([
            handshake(DRIVER6_VERSIONS),
            message(tags.HELLO, { user_agent: 'raw/1' }),
            message(tags.LOGON, { scheme: 'basic', principal: VIEWER.user, credentials: VIEWER.password }),
            message(tags.RUN, STREAM, {}, {}),
            message(tags.PULL, { n: neo4j.int(-1) }),
          ])
        )
      );
      let versionRead = false;
      socket.on('data', (data: Buffer) => {
        scanner.write(versionRead ? data : data.subarray(4));
        versionRead = true;
      });
      socket.on('error', reject);
    });
  } finally {
    clearInterval(sampler);
  }
  const seconds = (Date.now() - started) / 1000;
  expect(records).toBe(ROWS);
  // The rows (about 40 MB on the wire) pass through; the gateway holds no more than its socket buffers.
  expect(peak - rssBefore).toBeLessThan(48 * 1024 * 1024);
  expect(await metric('opentruss_bolt_gateway_bytes_total{direction="upstream_to_client"}')).toBeGreaterThan(ROWS * 20);
  process.stdout.write(
    `1,000,000 rows through the gateway process in ${seconds.toFixed(1)} s; RSS +${((peak - rssBefore) / 1e6).toFixed(1)} MB\n`
  );
}, 60_000);

it('never prints a credential, and stops on SIGTERM', async () => {
  await gateway.stop();
  expect(gateway.child.exitCode).toBe(0);
  for (const secret of [MEMGRAPH_PASSWORD, VIEWER.password]) {
    expect(gateway.output()).not.toContain(secret);
  }
});

it('refuses to start without a viewer credential, naming the variable', () => {
  const result = spawnSync(TSX, [CLI], {
    env: { ...process.env, BOLT_GATEWAY_VIEWERS: '' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('BOLT_GATEWAY_VIEWERS');
});
