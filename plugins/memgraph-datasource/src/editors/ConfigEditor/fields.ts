import { DEFAULT_SETTINGS, type MemgraphSettings } from '../../connection/settings';

export type TextKey = 'url' | 'database' | 'username' | 'password' | 'timeZone';
export type NumberKey = 'connectionTimeoutSeconds' | 'queryTimeoutSeconds' | 'maxRows' | 'fetchSize' | 'maxConnections';

export interface FieldSpec<K> {
  key: K;
  label: string;
  description: string;
  type?: 'password';
}

export const CONNECTION_FIELDS: Array<FieldSpec<TextKey>> = [
  {
    key: 'url',
    label: 'URL',
    description:
      'Where each viewer\'s browser opens Bolt over WebSocket: bolt://host:7687, bolt+s:// (TLS), neo4j:// (HA), ws:// or wss://proxy. Never a Docker service name.',
  },
  { key: 'database', label: 'Database', description: "Memgraph database (multi-tenancy); empty for the user's default." },
  {
    key: 'timeZone',
    label: 'Time zone',
    description: "IANA zone for values stored without one (LocalDateTime): set it to Memgraph's --timezone.",
  },
];

export const AUTH_FIELDS: Array<FieldSpec<TextKey>> = [
  { key: 'username', label: 'Username', description: 'A dedicated Memgraph user that may only read; empty when Memgraph has no users.' },
  { key: 'password', label: 'Password', description: 'Readable by every viewer (see the warning above).', type: 'password' },
];

export const LIMIT_FIELDS: Array<FieldSpec<NumberKey>> = [
  {
    key: 'queryTimeoutSeconds',
    label: 'Query timeout (s)',
    description: 'Sent to Memgraph as the transaction timeout; the browser gives up 2 s later.',
  },
  { key: 'connectionTimeoutSeconds', label: 'Connection timeout (s)', description: 'Giving up on an unreachable server.' },
  {
    key: 'maxRows',
    label: 'Maximum rows',
    description: 'Rows read per query; the rest stays on the server and the panel shows a notice.',
  },
  { key: 'fetchSize', label: 'Fetch size', description: 'Records per Bolt pull.' },
  {
    key: 'maxConnections',
    label: 'Max connections per browser',
    description: 'Every open dashboard (every wall screen) may hold this many; the ops manual alerts above 2,000 in total.',
  },
];

export const placeholderOf = (key: keyof typeof DEFAULT_SETTINGS) => String(DEFAULT_SETTINGS[key]) || undefined;

/** Keys whose problems depend on another key too (encryption must agree with the URL scheme). */
const RELATED: Partial<Record<keyof MemgraphSettings, Array<keyof MemgraphSettings>>> = {
  encryption: ['url', 'encryption'],
};

/** The settings that decide whether `key` is valid, so its problems can be found with the engine's own check. */
export function settingsFor(key: keyof MemgraphSettings, jsonData: MemgraphSettings): MemgraphSettings {
  return Object.fromEntries((RELATED[key] ?? [key]).map((k) => [k, jsonData[k]]));
}
