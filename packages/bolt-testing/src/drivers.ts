// The real neo4j-driver on both of its channels: Node's TCP channel, and the browser build's WebSocket
// channel (the UMD bundle a browser loads, given the `ws` package as its global WebSocket).
import neo4j, { type Config, type Driver } from 'neo4j-driver';
import { WebSocket } from 'ws';

export type Channel = 'tcp' | 'websocket';
export const CHANNELS: Channel[] = ['tcp', 'websocket'];

type Neo4jModule = typeof neo4j;

let browserBuild: Neo4jModule | undefined;

/** neo4j-driver's browser bundle; it opens `new WebSocket('ws://host:port')` for a bolt:// URL. */
export function browserNeo4j(): Neo4jModule {
  if (!browserBuild) {
    (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
    browserBuild = require('neo4j-driver/lib/browser/neo4j-web.js') as Neo4jModule;
  }
  return browserBuild;
}

function driverModule(channel: Channel): Neo4jModule {
  return channel === 'tcp' ? neo4j : browserNeo4j();
}

export function openDriver(
  channel: Channel,
  url: string,
  user = 'tester',
  password = 'secret',
  config: Config = {}
): Driver {
  const module = driverModule(channel);
  return module.driver(url, module.auth.basic(user, password), { logging: undefined, ...config });
}
