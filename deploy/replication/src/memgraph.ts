// One Memgraph instance as the setup and the exporter see it: a name for messages, a driver, auto-commit queries
// (Memgraph runs replication and SHOW queries only in auto-commit), and errors sorted into what waiting can fix.
import neo4j, { type Driver } from 'neo4j-driver';

export interface InstanceSettings {
  /** How messages name it: the compose service (`memgraph`, `memgraph-replica`). */
  label: string;
  url: string;
  user: string;
  password: string;
  /** Where the password came from, for messages: a variable or a file (never the password). */
  passwordFrom: string;
}

/** Waiting does not fix it: wrong credentials, a refused statement, a wrong role. */
export class SetupError extends Error {
  override name = 'SetupError';
}

const code = (error: unknown) => (typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '');
export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Memgraph could not be reached (down, restarting, not yet listening): worth another attempt. */
export function isUnreachable(error: unknown): boolean {
  return ['ServiceUnavailable', 'SessionExpired'].includes(code(error)) || /ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN/.test(errorText(error));
}

export function isAuthFailure(error: unknown): boolean {
  return code(error) === 'Memgraph.ClientError.Security.Unauthenticated';
}

export class MemgraphInstance {
  private readonly driver: Driver;

  constructor(readonly settings: InstanceSettings, connectionTimeoutMs = 5000) {
    this.driver = neo4j.driver(settings.url, neo4j.auth.basic(settings.user, settings.password), {
      connectionTimeout: connectionTimeoutMs,
      // One attempt per call: the caller counts attempts, a driver retry would hide them.
      maxTransactionRetryTime: 0,
      disableLosslessIntegers: true,
      userAgent: 'opentruss-replication/0.1.0',
    });
  }

  /** Runs one auto-commit statement and returns its rows as objects. A wrong password becomes a SetupError that says
   * what to fix. */
  async run(statement: string): Promise<Array<Record<string, unknown>>> {
    const session = this.driver.session();
    try {
      const result = await session.run(statement);
      return result.records.map((record) => record.toObject());
    } catch (error) {
      if (isAuthFailure(error)) {
        const { label, user, url, passwordFrom } = this.settings;
        throw new SetupError(
          `${label} (${url}) refused the login of user "${user}": the password in ${passwordFrom} is not the one this ` +
            `instance's user was created with at its first start. Put the right password there (docs/security.md, ` +
            `"Rotating a password"), or, for a fresh stack, remove the instance's data volume.`
        );
      }
      throw error;
    } finally {
      await session.close();
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
