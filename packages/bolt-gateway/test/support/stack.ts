// A Bolt test server standing in for Memgraph (with a real user, as in the stack) and a gateway in front of it.
import {
  startBoltTestServer,
  type BoltTestServer,
  type BoltTestServerOptions,
} from "@opentruss/bolt-test-server";
import {
  startBoltGateway,
  type BoltGateway,
  type BoltGatewayOptions,
  type Limits,
} from "../../src";
import { checkReadQuery } from "@opentruss/cypher";
import { DEFAULT_LIMITS } from "../../src/config/settings";

export const MEMGRAPH_USER = "memgraph-admin";
export const MEMGRAPH_PASSWORD = "mg-secret-Ω-42";
export const VIEWER = { user: "viewer", password: "viewer-pass" };
export const VIEWER_TOKEN = "viewer-token-7f3a";

export interface Stack {
  server: BoltTestServer;
  gateway: BoltGateway;
  logs: Array<{ event: string; fields: Record<string, unknown> }>;
  stop(): Promise<void>;
}

export async function startStack(
  serverOptions: BoltTestServerOptions = {},
  limits: Partial<Limits> = {},
  gatewayOptions: Partial<BoltGatewayOptions> = {},
): Promise<Stack> {
  const server = await startBoltTestServer({
    users: { [MEMGRAPH_USER]: MEMGRAPH_PASSWORD },
    ...serverOptions,
  });
  const logs: Stack["logs"] = [];
  const gateway = await startBoltGateway({
    upstream: {
      host: "127.0.0.1",
      port: server.port,
      user: MEMGRAPH_USER,
      password: MEMGRAPH_PASSWORD,
      connectTimeoutMs: 2000,
    },
    viewers: {
      users: `${VIEWER.user}:${VIEWER.password}`,
      tokens: VIEWER_TOKEN,
    },
    limits,
    processMetrics: false,
    log: (event, fields) => logs.push({ event, fields }),
    ...gatewayOptions,
  });
  return {
    server,
    gateway,
    logs,
    async stop() {
      await gateway.stop();
      await server.stop();
    },
  };
}

/** Resolves when `condition()` holds, checked every 10 ms; fails after `timeoutMs` with `what`. */
export async function eventually(
  condition: () => boolean,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`not within ${timeoutMs} ms: ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** What Memgraph receives for a query: the checker's canonical text with the gateway's default memory limit. */
export function sentText(query: string): string {
  const checked = checkReadQuery(query, {
    queryMemoryLimitMb: DEFAULT_LIMITS.queryMemoryLimitMb,
  });
  if (!checked.ok) {
    throw new Error(`the test's query is refused: ${checked.refusal.reason}`);
  }
  return checked.canonical;
}
