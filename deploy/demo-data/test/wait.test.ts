import net from 'node:net';
import { startBoltTestServer, type BoltTestServer } from '@opentruss/bolt-test-server';
import { loadDemoData, readDemoDataConfig } from '../src';
import { memgraphResponders } from './memgraph-double';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

const servers: BoltTestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

// Each test waits for real sockets and retry intervals; on a loaded 2-core machine that can pass Jest's 5 s
// default. The bound guards against a hang, it is not a speed target.
jest.setTimeout(30_000);

describe('waiting for Memgraph', () => {
  it('retries until Memgraph comes up, logging every attempt', async () => {
    const port = await freePort();
    const logs: string[] = [];
    const env = { MEMGRAPH_URL: `bolt://127.0.0.1:${port}`, MEMGRAPH_WAIT_ATTEMPTS: '40', MEMGRAPH_WAIT_INTERVAL_MS: '100' };
    const loading = loadDemoData(readDemoDataConfig(env), (line) => logs.push(line));
    await new Promise((resolve) => setTimeout(resolve, 700));
    servers.push(await startBoltTestServer({ port, responders: memgraphResponders({}) }));
    await expect(loading).resolves.toBe('loaded');
    expect(logs[0]).toMatch(new RegExp(`^Waiting for Memgraph at bolt://127\\.0\\.0\\.1:${port} \\(attempt 1/40\\): `));
    expect(logs.find((l) => l.startsWith('Memgraph at'))).toMatch(/answers \(attempt ([3-9]|[1-3]\d)\/40\)/);
  });

  it('gives up after the configured attempts with the last error', async () => {
    const port = await freePort();
    const env = { MEMGRAPH_URL: `bolt://127.0.0.1:${port}`, MEMGRAPH_WAIT_ATTEMPTS: '3', MEMGRAPH_WAIT_INTERVAL_MS: '50' };
    const started = Date.now();
    await expect(loadDemoData(readDemoDataConfig(env), () => undefined)).rejects.toThrow(
      new RegExp(`Memgraph at bolt://127\\.0\\.0\\.1:${port} did not answer after 3 attempts 50 ms apart; last error: .+`)
    );
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('fails at once on wrong credentials, pointing at MEMGRAPH_USER / MEMGRAPH_PASSWORD', async () => {
    const server = await startBoltTestServer({ users: { ops: 'right' }, responders: memgraphResponders({}) });
    servers.push(server);
    const env = { MEMGRAPH_URL: server.url, MEMGRAPH_USER: 'ops', MEMGRAPH_PASSWORD: 'wrong', MEMGRAPH_WAIT_ATTEMPTS: '30' };
    await expect(loadDemoData(readDemoDataConfig(env), () => undefined)).rejects.toThrow(/refused the credentials: set MEMGRAPH_USER and MEMGRAPH_PASSWORD/);
    expect(server.runs).toHaveLength(0);
  });

  it('logs in with the configured credentials', async () => {
    const server = await startBoltTestServer({ users: { ops: 'right' }, responders: memgraphResponders({}) });
    servers.push(server);
    const env = { MEMGRAPH_URL: server.url, MEMGRAPH_USER: 'ops', MEMGRAPH_PASSWORD: 'right' };
    await expect(loadDemoData(readDemoDataConfig(env), () => undefined)).resolves.toBe('loaded');
    expect(server.connections.every((c) => c.principal === 'ops')).toBe(true);
  });
});
