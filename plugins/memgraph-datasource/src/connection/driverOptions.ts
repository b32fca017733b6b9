import neo4j, { type Config, type Driver } from 'neo4j-driver';

import type { ResolvedSettings } from './settings';

export interface DriverOptions {
  /** What neo4j-driver is given: always a bolt / neo4j scheme. */
  url: string;
  /** What the user configured, for messages. */
  displayUrl: string;
  username: string;
  password: string;
  config: Config;
}

const USER_AGENT = 'opentruss-memgraph-datasource/0.1';

/**
 * Settings → neo4j-driver arguments. `ws://` and `wss://` are not driver schemes: in a browser the driver opens
 * `ws://host:port` for `bolt://` without encryption and `wss://` with it (or whenever the page is https), so they
 * become `bolt://` with encryption off / on; without a port they take the URL defaults (80 / 443), which is where
 * a WebSocket proxy listens. `+s` schemes already carry encryption and must not also get the `encrypted` option.
 */
export function driverOptions(settings: ResolvedSettings): DriverOptions {
  const match = /^(?:([a-z0-9+]+):\/\/)?(.*)$/i.exec(settings.url)!;
  const scheme = (match[1] ?? 'bolt').toLowerCase();
  const rest = match[2];
  let url = `${scheme}://${rest}`;
  let encrypted: Config['encrypted'];
  if (scheme === 'ws' || scheme === 'wss') {
    const hasPort = /:[0-9]+$/.test(rest.replace(/\/.*$/, ''));
    url = `bolt://${rest}${hasPort ? '' : scheme === 'ws' ? ':80' : ':443'}`;
    encrypted = scheme === 'wss' ? 'ENCRYPTION_ON' : 'ENCRYPTION_OFF';
  } else if (!scheme.endsWith('+s') && settings.encryption !== 'auto') {
    encrypted = settings.encryption === 'on' ? 'ENCRYPTION_ON' : 'ENCRYPTION_OFF';
  }
  const connectionTimeout = settings.connectionTimeoutSeconds * 1000;
  return {
    url,
    displayUrl: settings.url,
    username: settings.username,
    password: settings.password,
    config: {
      ...(encrypted ? { encrypted } : {}),
      maxConnectionPoolSize: settings.maxConnections,
      connectionTimeout,
      // Waiting for a free pooled connection counts against the query's own deadline anyway.
      connectionAcquisitionTimeout: connectionTimeout + settings.queryTimeoutSeconds * 1000,
      fetchSize: settings.fetchSize,
      userAgent: USER_AGENT,
      telemetryDisabled: true,
      // Integers arrive as exact neo4j Integers; frames decide how to show the ones beyond ±2^53.
      disableLosslessIntegers: false,
    },
  };
}

export function createDriver(options: DriverOptions): Driver {
  // Memgraph without users accepts any basic credentials, empty ones included (memgraph#920: no-auth can fail).
  // neo4j.driver() fills defaults into the config object it is given, so it gets a copy.
  return neo4j.driver(options.url, neo4j.auth.basic(options.username, options.password), { ...options.config });
}
