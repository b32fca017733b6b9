import { t } from '@grafana/i18n';

import type { MemgraphConnection } from '../connection/memgraphConnection';
import { PLAIN_TEXT } from '@opentruss/contract';
import { createIndexStatement, INDEX_INFO_QUERY, indexRows, missingIndexes } from './indexAdvisor';

export interface HealthReport {
  status: 'success' | 'warning' | 'error';
  message: string;
  details?: {
    message?: string;
    /** The exact statements to run, one per line (Grafana shows this under "details"). */
    verboseMessage?: string;
    /** The same statements as a list, for the config editor's copy buttons. */
    missingIndexStatements?: string[];
    server?: ServerDescription;
  };
}

export interface ServerDescription {
  address: string;
  agent?: string;
  version?: string;
  /** e.g. `5.2` */
  protocolVersion?: string;
}

export const PROBE_QUERY = 'RETURN 1 AS ok';
export const VERSION_QUERY = 'SHOW VERSION';

/**
 * Save & test: connect, run a trivial read in a READ transaction, say which server answered, then compare
 * SHOW INDEX INFO with the indexes the ops manual recommends and list the exact statements for missing ones.
 */
export async function checkHealth(connection: MemgraphConnection): Promise<HealthReport> {
  try {
    return await probeAndAdvise(connection);
  } catch (error) {
    return { status: 'error', message: connection.describe(error).message };
  }
}

/** The health check reads small results of its own, whatever the datasource's row cap. */
const HEALTH_ROWS = { maxRows: 1_000, fetchSize: 1_000 };

async function probeAndAdvise(connection: MemgraphConnection): Promise<HealthReport> {
  const failureContext = connection.failureContext;
  const run = (text: string) => connection.introspect(text, { rows: HEALTH_ROWS });

  let server: ServerDescription;
  try {
    const probe = await run(PROBE_QUERY);
    const ok = probe.records[0]?.get('ok');
    if (Number(ok) !== 1) {
      return {
        status: 'error',
        message: t('health.probe-answer', 'The server answered {{query}} with {{answer}} instead of 1.', {
          query: PROBE_QUERY,
          answer: String(ok),
          ...PLAIN_TEXT,
        }),
      };
    }
    const info = await connection.serverInfo();
    const protocol = info.protocolVersion;
    server = {
      address: info.address ?? failureContext.url,
      agent: info.agent,
      // toString(), not getMinor(): in neo4j-driver 6.3.0 getMinor() returns the major version.
      protocolVersion: protocol?.toString(),
    };
  } catch (error) {
    const { message, details } = connection.describe(error);
    // Grafana shows `details.verboseMessage` under the message: the driver's own text goes there.
    return { status: 'error', message, ...(details ? { details: { verboseMessage: details } } : {}) };
  }
  server.version = await run(VERSION_QUERY).then(
    (result) => String(result.records[0]?.get('version') ?? '') || undefined,
    () => undefined // SHOW VERSION exists since Memgraph 2.2; the check does not depend on it
  );
  const reached = connectedSentence(server, failureContext.username);

  try {
    const missing = missingIndexes(indexRows(await run(INDEX_INFO_QUERY)));
    if (missing.length === 0) {
      return {
        status: 'success',
        message: t('health.indexes-complete', '{{reached}} All recommended indexes exist.', { reached, ...PLAIN_TEXT }),
        details: { server },
      };
    }
    const statements = missing.map(createIndexStatement);
    return {
      status: 'warning',
      message: t('health.indexes-missing', '', {
        reached,
        count: missing.length,
        indexes: missing.map((i) => `:${i.label}(${i.property})`).join(', '),
        defaultValue_one:
          '{{reached}} Missing {{count}} index the OpenTruss ops manual recommends: {{indexes}}. Create it with the ' +
          'statement below.',
        defaultValue_other:
          '{{reached}} Missing {{count}} indexes the OpenTruss ops manual recommends: {{indexes}}. Create them with ' +
          'the statements below.',
        ...PLAIN_TEXT,
      }),
      details: {
        message: t('health.indexes-statements', 'Run these statements as a Memgraph user allowed to create indexes:'),
        verboseMessage: statements.join('\n'),
        missingIndexStatements: statements,
        server,
      },
    };
  } catch (error) {
    return {
      status: 'warning',
      message: t('health.index-check-failed', '{{reached}} The index check could not read SHOW INDEX INFO: {{reason}}', {
        reached,
        reason: connection.describe(error).message,
        ...PLAIN_TEXT,
      }),
      details: { server },
    };
  }
}

/** "Connected to Memgraph 3.12.0 at host:7687 (Bolt 5.2) as "viewer"; a test read succeeded.", each part if known. */
function connectedSentence(server: ServerDescription, username: string): string {
  const values = {
    server: server.version
      ? t('health.server-memgraph', 'Memgraph {{version}}', { version: server.version, ...PLAIN_TEXT })
      : (server.agent ?? t('health.server-unknown', 'the server')),
    address: server.address,
    protocol: server.protocolVersion
      ? t('health.protocol', ' (Bolt {{version}})', { version: server.protocolVersion, ...PLAIN_TEXT })
      : '',
    user: username ? t('health.as-user', ' as "{{username}}"', { username, ...PLAIN_TEXT }) : '',
    ...PLAIN_TEXT,
  };
  return t('health.connected', 'Connected to {{server}} at {{address}}{{protocol}}{{user}}; a test read succeeded.', values);
}
