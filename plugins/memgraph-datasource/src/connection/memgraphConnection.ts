import type { ServerInfo } from 'neo4j-driver';
import { statementKind } from '@opentruss/cypher';
import { defer, firstValueFrom, type Observable } from 'rxjs';

import type { CypherResult } from '../model/cypherResult';
import { MemgraphError } from '../model/memgraphError';
import type { CypherStatement } from '../model/statement';
import { driverOptions, type DriverOptions } from './driverOptions';
import type { DriverRegistry } from './driverRegistry';
import { describeFailure, type FailureContext } from './errors';
import { runCypher, type RunOptions } from './runCypher';
import { type MemgraphSettings, resolveSettings, type ResolvedSettings } from './settings';

/** The row cap and query timeout in force (the query editor shows them). */
export interface Limits {
  maxRows: number;
  queryTimeoutSeconds: number;
}

export interface RunRequest {
  /** Rows to read instead of the settings' row cap and fetch size (the health check reads a fixed amount). */
  rows?: { maxRows: number; fetchSize: number };
}

interface Usable {
  settings: ResolvedSettings;
  options: DriverOptions;
  failureContext: FailureContext;
}

/**
 * One datasource's way to Memgraph: its settings, resolved once (or the settings error, which every use then
 * reports), and its driver from the shared registry. Panels, variables, the schema reader and the health check
 * all run their statements through `run`, so the run options are built in one place.
 */
export class MemgraphConnection {
  private readonly usable: Usable | MemgraphError;

  constructor(
    private readonly uid: string,
    jsonData: MemgraphSettings | undefined,
    private readonly drivers: DriverRegistry
  ) {
    this.usable = usableSettings(jsonData);
  }

  /** The resolved settings; throws the settings error while they are invalid. */
  get settings(): ResolvedSettings {
    return this.checked().settings;
  }

  /** What failure messages name (URL, user, timeout, pool size); throws the settings error while they are invalid. */
  get failureContext(): FailureContext {
    return this.checked().failureContext;
  }

  /** The row cap and query timeout in force; undefined while the settings are invalid. */
  limits(): Limits | undefined {
    if (this.usable instanceof MemgraphError) {
      return undefined;
    }
    const { maxRows, queryTimeoutSeconds } = this.usable.settings;
    return { maxRows, queryTimeoutSeconds };
  }

  /**
   * Runs one statement (see runCypher) on subscription; every failure, invalid settings included, is its error.
   * SHOW … statements run auto-commit (Memgraph refuses them inside explicit transactions), all else in a READ
   * transaction: the statement's kind says which.
   */
  run(statement: CypherStatement, request: RunRequest = {}): Observable<CypherResult> {
    return defer(() => {
      const { settings, failureContext } = this.checked();
      const driver = this.driver();
      const options: RunOptions = {
        database: settings.database,
        maxRows: request.rows?.maxRows ?? settings.maxRows,
        fetchSize: request.rows?.fetchSize ?? settings.fetchSize,
        timeoutMs: settings.queryTimeoutSeconds * 1000,
        autoCommit: statement.kind === 'show',
        failureContext,
        onStuck: () => this.drivers.discard(this.uid, driver),
      };
      return runCypher(driver, statement, options);
    });
  }

  /** One fixed statement of the plugin's own (schema reading, health): no parameters, its kind read from its text. */
  introspect(text: string, request: RunRequest = {}): Promise<CypherResult> {
    return firstValueFrom(this.run({ text, parameters: {}, kind: statementKind(text) }, request));
  }

  /** Which server answers (address, agent, protocol), for the health check. */
  serverInfo(): Promise<ServerInfo> {
    const database = this.settings.database || undefined;
    return this.driver().getServerInfo({ database });
  }

  /** Any failure → the message for the panel: the settings error while the settings are invalid. */
  describe(error: unknown): MemgraphError {
    if (error instanceof MemgraphError) {
      return error;
    }
    return this.usable instanceof MemgraphError ? this.usable : describeFailure(error, this.usable.failureContext);
  }

  private driver() {
    return this.drivers.driverFor(this.uid, this.checked().options);
  }

  private checked(): Usable {
    if (this.usable instanceof MemgraphError) {
      throw this.usable;
    }
    return this.usable;
  }
}

function usableSettings(jsonData: MemgraphSettings | undefined): Usable | MemgraphError {
  try {
    const settings = resolveSettings(jsonData);
    const { url, username, queryTimeoutSeconds, maxConnections } = settings;
    return {
      settings,
      options: driverOptions(settings),
      failureContext: { url, username, queryTimeoutSeconds, maxConnections },
    };
  } catch (error) {
    return new MemgraphError('settings', (error as Error).message);
  }
}
