import type { MemgraphConnection } from '../connection/memgraphConnection';
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
      return { status: 'error', message: `The server answered ${PROBE_QUERY} with ${String(ok)} instead of 1.` };
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
  const reached =
    `Connected to ${server.version ? `Memgraph ${server.version}` : (server.agent ?? 'the server')} at ${server.address}` +
    `${server.protocolVersion ? ` (Bolt ${server.protocolVersion})` : ''}` +
    `${failureContext.username ? ` as "${failureContext.username}"` : ''}; a test read succeeded.`;

  try {
    const missing = missingIndexes(indexRows(await run(INDEX_INFO_QUERY)));
    if (missing.length === 0) {
      return { status: 'success', message: `${reached} All recommended indexes exist.`, details: { server } };
    }
    const statements = missing.map(createIndexStatement);
    return {
      status: 'warning',
      message:
        `${reached} Missing ${missing.length} index(es) the OpenTruss ops manual recommends: ` +
        `${missing.map((i) => `:${i.label}(${i.property})`).join(', ')}. Create them with the statements below.`,
      details: {
        message: 'Run these statements as a Memgraph user allowed to create indexes:',
        verboseMessage: statements.join('\n'),
        missingIndexStatements: statements,
        server,
      },
    };
  } catch (error) {
    return {
      status: 'warning',
      message: `${reached} The index check could not read SHOW INDEX INFO: ${connection.describe(error).message}`,
      details: { server },
    };
  }
}
