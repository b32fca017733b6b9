import { expandMacros, statementKind, TIME_PARAMETERS, type StatementKind } from '@opentruss/cypher';
import { catalogueQuery, type CatalogueQueryId, type CatalogueVariable } from '@opentruss/opentruss-graph';
import neo4j, { type Driver } from 'neo4j-driver';

/** What a catalogue query is run with: its dashboard variables (lists of ids) and the time range. */
export interface QueryScope {
  project?: readonly string[];
  building?: readonly string[];
  from: number;
  to: number;
}

export interface Statement {
  id: string;
  text: string;
  parameters: Record<string, unknown>;
}

/**
 * The zone in which the macros read a Date value (midnight there): UTC, Memgraph's default instance time zone and
 * the datasource's default setting. OpenTruss itself stores no Date values, only date-times.
 */
export const EXPORTER_TIME_ZONE = 'UTC';

/**
 * A catalogue query as the exporter sends it: the catalogue's exact text with the datasource's macros expanded,
 * the time parameters the datasource always binds, and the query's declared variables, nothing else.
 */
export function catalogueStatement(id: CatalogueQueryId, scope: QueryScope): Statement {
  const query = catalogueQuery(id);
  const parameters: Record<string, unknown> = {
    [TIME_PARAMETERS.from]: neo4j.int(scope.from),
    [TIME_PARAMETERS.to]: neo4j.int(scope.to),
    [TIME_PARAMETERS.intervalMs]: neo4j.int(scope.to - scope.from),
    [TIME_PARAMETERS.timeZone]: EXPORTER_TIME_ZONE,
  };
  for (const variable of query.variables as readonly CatalogueVariable[]) {
    const value = scope[variable as 'project' | 'building'];
    if (!Array.isArray(value)) {
      throw new Error(`Catalogue query ${id} needs $${variable}, which the exporter does not provide`);
    }
    parameters[variable] = [...value];
  }
  return { id, text: expandMacros(query.cypher), parameters };
}

export class QueryTimeoutError extends Error {
  constructor(id: string, timeoutMs: number) {
    super(`query ${id} got no answer within ${timeoutMs} ms`);
    this.name = 'QueryTimeoutError';
  }
}

export interface MemgraphReaderOptions {
  url: string;
  user: string;
  password: string;
  queryTimeoutMs: number;
}

/** How much longer than Memgraph's own transaction timeout the exporter waits before giving up on a server. */
const CLIENT_GRACE_MS = 1000;

/**
 * Runs statements one at a time with Memgraph's transaction timeout, and gives up on its own shortly after (a server
 * that stopped answering never sends the timeout error). Queries run in their own READ transaction; SHOW …
 * statements auto-commit in a READ session, since Memgraph refuses them inside explicit transactions — which is
 * which, the read-only checker of @opentruss/cypher says (its statement kind, as for the datasource). A connection
 * that was given up on is dropped with its driver; the next statement opens a new one.
 */
export class MemgraphReader {
  private driver: Driver | undefined;
  /** Each statement's kind, parsed once: the exporter sends the same dozen texts every collection. */
  private readonly kinds = new Map<string, StatementKind>();

  constructor(private readonly options: MemgraphReaderOptions) {}

  private currentDriver(): Driver {
    this.driver ??= neo4j.driver(this.options.url, neo4j.auth.basic(this.options.user, this.options.password), {
      connectionTimeout: this.options.queryTimeoutMs,
      connectionAcquisitionTimeout: this.options.queryTimeoutMs,
      maxConnectionPoolSize: 1,
      userAgent: 'opentruss-business-exporter/0.1.0',
    });
    return this.driver;
  }

  async read(statement: Statement): Promise<Array<Record<string, unknown>>> {
    const driver = this.currentDriver();
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    const timeoutMs = this.options.queryTimeoutMs;
    const config = {
      timeout: timeoutMs,
      metadata: { application: 'opentruss-business-exporter', query: statement.id },
    };
    const work = (async () => {
      let result;
      if (this.kindOf(statement.text) === 'show') {
        result = await session.run(statement.text, statement.parameters, config);
      } else {
        const tx = session.beginTransaction(config);
        result = await tx.run(statement.text, statement.parameters);
        await tx.commit();
      }
      return result.records.map((record) => record.toObject() as Record<string, unknown>);
    })();
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new QueryTimeoutError(statement.id, timeoutMs)), timeoutMs + CLIENT_GRACE_MS);
    });
    let abandoned = false;
    try {
      return await Promise.race([work, gaveUp]);
    } catch (error) {
      if (error instanceof QueryTimeoutError) {
        abandoned = true;
        work.catch(() => undefined); // it fails once the driver is closed below; nobody waits for it any more
        this.abandon(driver);
      }
      throw error;
    } finally {
      clearTimeout(timer);
      if (!abandoned) {
        await session.close();
      }
    }
  }

  private kindOf(text: string): StatementKind {
    let kind = this.kinds.get(text);
    if (kind === undefined) {
      kind = statementKind(text);
      this.kinds.set(text, kind);
    }
    return kind;
  }

  private abandon(driver: Driver): void {
    if (this.driver === driver) {
      this.driver = undefined;
    }
    driver.close().catch(() => undefined);
  }

  async close(): Promise<void> {
    const driver = this.driver;
    this.driver = undefined;
    await driver?.close();
  }
}
