import type { DataSourceJsonData } from '@grafana/data';
import { t } from '@grafana/i18n';

import { PLAIN_TEXT } from '@opentruss/contract';

/** How the driver decides on TLS: `auto` lets the URL scheme and, in a browser, the page (https ⇒ wss) decide. */
export type Encryption = 'auto' | 'on' | 'off';

/**
 * The datasource settings, all in `jsonData`.
 *
 * The password is here too, on purpose: this datasource runs in the browser, and a browser can never read
 * `secureJsonData` (Grafana only decrypts it for backends and its data proxy, and Bolt over WebSocket cannot go
 * through the proxy). Everything here — the password included — is readable by every viewer of a dashboard that
 * uses the datasource, so give it a dedicated Memgraph user that may only read.
 */
export interface MemgraphSettings extends DataSourceJsonData {
  /** `bolt://host:7687` (default), `bolt+s://`, `neo4j://`, `neo4j+s://`, `ws://host:port`, `wss://host:port`. */
  url?: string;
  /** Memgraph database (multi-tenancy); empty = the user's default database. */
  database?: string;
  username?: string;
  password?: string;
  encryption?: Encryption;
  connectionTimeoutSeconds?: number;
  /** Sent as Bolt `tx_timeout`; the browser also gives up shortly after it, so nothing hangs. */
  queryTimeoutSeconds?: number;
  /** Rows read per query; the rest of the result is left on the server and the frame carries a notice. */
  maxRows?: number;
  /** Records per Bolt PULL. */
  fetchSize?: number;
  /** Connections each browser may open to Memgraph (every wall screen multiplies this). */
  maxConnections?: number;
  /** IANA zone (or `UTC`) for values without a zone — set it to Memgraph's `--timezone`. */
  timeZone?: string;
}

export const DEFAULT_SETTINGS = {
  url: 'bolt://localhost:7687',
  database: '',
  username: '',
  password: '',
  encryption: 'auto' as Encryption,
  connectionTimeoutSeconds: 10,
  queryTimeoutSeconds: 30,
  maxRows: 10_000,
  fetchSize: 1_000,
  maxConnections: 4,
  timeZone: 'UTC',
};

/** Settings with defaults applied and checked. */
export type ResolvedSettings = typeof DEFAULT_SETTINGS;

const LIMITS: Record<
  'connectionTimeoutSeconds' | 'queryTimeoutSeconds' | 'maxRows' | 'fetchSize' | 'maxConnections',
  { label: () => string; max: number }
> = {
  connectionTimeoutSeconds: { label: () => t('settings.limit.connection-timeout', 'Connection timeout (seconds)'), max: 600 },
  queryTimeoutSeconds: { label: () => t('settings.limit.query-timeout', 'Query timeout (seconds)'), max: 3600 },
  maxRows: { label: () => t('settings.limit.max-rows', 'Maximum rows'), max: 1_000_000 },
  fetchSize: { label: () => t('settings.limit.fetch-size', 'Fetch size'), max: 100_000 },
  maxConnections: { label: () => t('settings.limit.max-connections', 'Maximum connections per browser'), max: 100 },
};

const SCHEMES = ['bolt', 'bolt+s', 'neo4j', 'neo4j+s', 'ws', 'wss'];

// [scheme://][userinfo@]host[:port][/path][?query][#fragment]; a bracketed IPv6 host keeps its colons.
const URL_PARTS = /^(?:[a-z0-9+]+:\/\/)?(?:([^@/?#]*)@)?(\[[^\]/]*\]|[^:/?#]*)(?::([^/?#]*))?(\/[^?#]*)?(\?[^#]*)?(#.*)?$/i;

/**
 * What neo4j-driver would get wrong silently: it ignores a path (a proxy must serve Bolt at its root) and
 * credentials in the URL, and accepts any port number.
 */
function urlProblems(url: string, scheme: string | undefined): string[] {
  const [, userInfo, host = '', port, path = '', query = ''] = URL_PARTS.exec(url) ?? [];
  const problems: string[] = [];
  if (/\s/.test(url)) {
    problems.push(
      t('settings.url.spaces', 'URL "{{url}}" contains spaces: write scheme://host:port, e.g. bolt://memgraph.example:7687', {
        url,
        ...PLAIN_TEXT,
      })
    );
  } else if (host === '' || host === '[]') {
    problems.push(
      t('settings.url.no-host', 'URL "{{url}}" has no host: write scheme://host:port, e.g. bolt://memgraph.example:7687', {
        url,
        ...PLAIN_TEXT,
      })
    );
  }
  if (userInfo !== undefined) {
    problems.push(
      t(
        'settings.url.user-info',
        'URL contains a user name or password, which the driver ignores (and messages would show): put them in ' +
          'Username and Password instead'
      )
    );
  }
  if (port !== undefined && !(/^[0-9]{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) {
    problems.push(t('settings.url.port', 'URL port "{{port}}" is not a number from 1 to 65535', { port, ...PLAIN_TEXT }));
  }
  if (path !== '' && path !== '/') {
    problems.push(
      t(
        'settings.url.path',
        'URL path "{{path}}" is not supported: the driver connects to host:port only, so a WebSocket proxy must ' +
          'serve Bolt at its root (e.g. wss://memgraph-proxy.example)',
        { path, ...PLAIN_TEXT }
      )
    );
  }
  if (query !== '' && scheme !== 'neo4j' && scheme !== 'neo4j+s') {
    problems.push(
      t(
        'settings.url.parameters',
        'URL parameters "{{query}}" are only accepted by the routing schemes neo4j:// and neo4j+s://',
        { query, ...PLAIN_TEXT }
      )
    );
  }
  return problems;
}

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Everything wrong with the settings, one sentence each (the config editor shows these; queries refuse to run). */
export function settingsProblems(jsonData: MemgraphSettings | undefined): string[] {
  const settings = withDefaults(jsonData);
  const problems: string[] = [];
  const scheme = /^([a-z0-9+]+):\/\//i.exec(settings.url)?.[1]?.toLowerCase();
  if (scheme && !SCHEMES.includes(scheme)) {
    problems.push(
      scheme.endsWith('+ssc')
        ? t(
            'settings.url.self-signed-scheme',
            'URL scheme {{scheme}}:// trusts any certificate, which a browser cannot do: make the browser trust the ' +
              'certificate and use {{trusting}}://',
            { scheme, trusting: scheme.replace('+ssc', '+s'), ...PLAIN_TEXT }
          )
        : t(
            'settings.url.scheme',
            'URL scheme {{scheme}}:// is not supported: use bolt://, bolt+s://, neo4j://, neo4j+s://, ws:// or wss://',
            { scheme, ...PLAIN_TEXT }
          )
    );
  }
  problems.push(...urlProblems(settings.url, scheme));
  const encryptedByScheme = scheme !== undefined && (scheme.endsWith('+s') || scheme === 'wss');
  const plainByScheme = scheme === 'ws';
  if ((encryptedByScheme && settings.encryption === 'off') || (plainByScheme && settings.encryption === 'on')) {
    problems.push(
      t(
        'settings.encryption',
        'Encryption "{{encryption}}" contradicts the URL scheme {{scheme}}://: set Encryption to auto',
        { encryption: settings.encryption, scheme, ...PLAIN_TEXT }
      )
    );
  }
  if (!isKnownTimeZone(settings.timeZone)) {
    problems.push(
      t('settings.time-zone', 'Time zone "{{zone}}" is not a known IANA time zone (e.g. UTC, Asia/Shanghai)', {
        zone: settings.timeZone,
        ...PLAIN_TEXT,
      })
    );
  }
  for (const [key, { label, max }] of Object.entries(LIMITS)) {
    const value = settings[key as keyof typeof LIMITS];
    if (!Number.isFinite(value) || value <= 0 || value > max) {
      problems.push(
        t('settings.limit.range', '{{label}} must be a number above 0 and at most {{max}} (got {{value}})', {
          label: label(),
          max: max.toLocaleString('en-US'),
          value,
          ...PLAIN_TEXT,
        })
      );
    }
  }
  return problems;
}

function withDefaults(jsonData: MemgraphSettings | undefined): ResolvedSettings {
  const pick = <K extends keyof ResolvedSettings>(key: K): ResolvedSettings[K] => {
    const value = jsonData?.[key];
    // A field left blank means the default; spaces alone count as blank, except in a password.
    const blank = typeof value === 'string' && (key === 'password' ? value === '' : value.trim() === '');
    return value === undefined || value === null || blank
      ? DEFAULT_SETTINGS[key]
      : (value as ResolvedSettings[K]);
  };
  const number = (key: keyof typeof LIMITS) => Number(pick(key));
  return {
    url: String(pick('url')).trim(),
    database: String(pick('database')).trim(),
    username: String(pick('username')),
    password: String(pick('password')),
    encryption: pick('encryption'),
    connectionTimeoutSeconds: number('connectionTimeoutSeconds'),
    queryTimeoutSeconds: number('queryTimeoutSeconds'),
    maxRows: Math.floor(number('maxRows')),
    fetchSize: Math.floor(number('fetchSize')),
    maxConnections: Math.floor(number('maxConnections')),
    timeZone: String(pick('timeZone')).trim(),
  };
}

/** Settings with defaults applied; throws one error listing every problem. */
export function resolveSettings(jsonData: MemgraphSettings | undefined): ResolvedSettings {
  const problems = settingsProblems(jsonData);
  if (problems.length) {
    throw new Error(
      t('settings.need-fixing', 'The Memgraph datasource settings need fixing: {{problems}}.', {
        problems: problems.join('; '),
        ...PLAIN_TEXT,
      })
    );
  }
  return withDefaults(jsonData);
}
