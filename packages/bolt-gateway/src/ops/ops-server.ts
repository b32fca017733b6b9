// The operations port: GET /metrics (Prometheus text format) and GET /health (JSON: serving, and whether Memgraph
// answers a Bolt handshake right now; 503 when it does not, so a load balancer or compose sees it).
import http from 'node:http';
import { BoltClient } from '@opentruss/bolt-protocol';
import type { Registry } from 'prom-client';

export interface HealthSource {
  upstream: { host: string; port: number };
  clientConnections(): number;
}

export function startOpsServer(
  host: string,
  port: number,
  registry: Registry,
  source: HealthSource
): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET') {
      response.writeHead(405, { Allow: 'GET' }).end();
    } else if (path === '/metrics') {
      registry.metrics().then(
        (text) => response.writeHead(200, { 'Content-Type': registry.contentType }).end(text),
        (error: Error) => response.writeHead(500).end(error.message)
      );
    } else if (path === '/health') {
      void probeUpstream(source.upstream.host, source.upstream.port).then((upstream) => {
        const body = {
          status: upstream ? 'ok' : 'degraded',
          upstream: upstream ? 'reachable' : 'unreachable',
          clientConnections: source.clientConnections(),
        };
        response
          .writeHead(upstream ? 200 : 503, { 'Content-Type': 'application/json' })
          .end(JSON.stringify(body) + '\n');
      });
    } else {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('GET /metrics or /health\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port }, () => resolve(server));
  });
}

/** A Bolt handshake without logging in, within `timeoutMs` in all: Memgraph is up and speaks Bolt 5.2. */
export async function probeUpstream(host: string, port: number, timeoutMs = 2000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let client: BoltClient | undefined;
  try {
    client = await BoltClient.open({ host, port, timeoutMs });
    await client.handshake('5.2', Math.max(1, deadline - Date.now()));
    return true;
  } catch {
    return false; // unreachable, too slow, not Bolt or not 5.2: each is "not reachable" to a load balancer
  } finally {
    client?.destroy();
  }
}
