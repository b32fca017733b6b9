import { t } from '@grafana/i18n';
import { DEFAULT_SETTINGS, type MemgraphSettings } from '../../connection/settings';

export type TextKey = 'url' | 'database' | 'username' | 'password' | 'timeZone';
export type NumberKey = 'connectionTimeoutSeconds' | 'queryTimeoutSeconds' | 'maxRows' | 'fetchSize' | 'maxConnections';

export interface FieldSpec<K> {
  key: K;
  label: string;
  description: string;
  type?: 'password';
}

export function connectionFields(): Array<FieldSpec<TextKey>> {
  return [
    {
      key: 'url',
      label: t('config.field.url.label', 'URL'),
      description: t(
        'config.field.url.description',
        "Where each viewer's browser opens Bolt over WebSocket: bolt://host:7687, bolt+s:// (TLS), neo4j:// (HA), ws:// or wss://proxy. Never a Docker service name."
      ),
    },
    {
      key: 'database',
      label: t('config.field.database.label', 'Database'),
      description: t(
        'config.field.database.description',
        "Memgraph database (multi-tenancy); empty for the user's default."
      ),
    },
    {
      key: 'timeZone',
      label: t('config.field.time-zone.label', 'Time zone'),
      description: t(
        'config.field.time-zone.description',
        "IANA zone for values stored without one (LocalDateTime): set it to Memgraph's --timezone."
      ),
    },
  ];
}

export function authFields(): Array<FieldSpec<TextKey>> {
  return [
    {
      key: 'username',
      label: t('config.field.username.label', 'Username'),
      description: t(
        'config.field.username.description',
        'A dedicated Memgraph user that may only read; empty when Memgraph has no users.'
      ),
    },
    {
      key: 'password',
      label: t('config.field.password.label', 'Password'),
      description: t('config.field.password.description', 'Readable by every viewer (see the warning above).'),
      type: 'password',
    },
  ];
}

export function limitFields(): Array<FieldSpec<NumberKey>> {
  return [
    {
      key: 'queryTimeoutSeconds',
      label: t('config.field.query-timeout.label', 'Query timeout (s)'),
      description: t(
        'config.field.query-timeout.description',
        'Sent to Memgraph as the transaction timeout; the browser gives up 2 s later.'
      ),
    },
    {
      key: 'connectionTimeoutSeconds',
      label: t('config.field.connection-timeout.label', 'Connection timeout (s)'),
      description: t('config.field.connection-timeout.description', 'Giving up on an unreachable server.'),
    },
    {
      key: 'maxRows',
      label: t('config.field.max-rows.label', 'Maximum rows'),
      description: t(
        'config.field.max-rows.description',
        'Rows read per query; the rest stays on the server and the panel shows a notice.'
      ),
    },
    {
      key: 'fetchSize',
      label: t('config.field.fetch-size.label', 'Fetch size'),
      description: t('config.field.fetch-size.description', 'Records per Bolt pull.'),
    },
    {
      key: 'maxConnections',
      label: t('config.field.max-connections.label', 'Max connections per browser'),
      description: t(
        'config.field.max-connections.description',
        'Every open dashboard (every wall screen) may hold this many; the ops manual alerts above 2,000 in total.'
      ),
    },
  ];
}

export const placeholderOf = (key: keyof typeof DEFAULT_SETTINGS) => String(DEFAULT_SETTINGS[key]) || undefined;

/** Keys whose problems depend on another key too (encryption must agree with the URL scheme). */
const RELATED: Partial<Record<keyof MemgraphSettings, Array<keyof MemgraphSettings>>> = {
  encryption: ['url', 'encryption'],
};

/** The settings that decide whether `key` is valid, so its problems can be found with the engine's own check. */
export function settingsFor(key: keyof MemgraphSettings, jsonData: MemgraphSettings): MemgraphSettings {
  return Object.fromEntries((RELATED[key] ?? [key]).map((k) => [k, jsonData[k]]));
}
