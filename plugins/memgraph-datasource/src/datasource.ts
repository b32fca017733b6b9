import {
  type CoreApp,
  type DataFrame,
  type DataQueryError,
  type DataQueryRequest,
  type DataQueryResponse,
  DataSourceApi,
  type DataSourceInstanceSettings,
  type ScopedVars,
} from '@grafana/data';
import { getTemplateSrv } from '@grafana/runtime';
import type { MemgraphQuery } from '@opentruss/contract';
import { catchError, firstValueFrom, forkJoin, map, type Observable, of } from 'rxjs';

import { driverOptions, type DriverOptions } from './connection/driverOptions';
import { sharedDriverRegistry, type DriverRegistry } from './connection/driverRegistry';
import { describeFailure, type FailureContext, MemgraphError } from './connection/errors';
import { runCypher } from './connection/runCypher';
import { type MemgraphSettings, resolveSettings, type ResolvedSettings } from './connection/settings';
import { resultToFrames } from './frames/resultToFrames';
import { memgraphAnnotations } from './annotations/annotationSupport';
import { checkHealth, type HealthReport } from './health/healthCheck';
import { prepareStatement } from './query/prepareStatement';
import { needsAutoCommit } from './query/statementKind';
import { timeParameters, type TimeWindow } from './query/timeParameters';
import { withCarriedValues, withVariableValues } from './query/carriedVariables';
import { templateSrvVariables, type VariableSource, type VariableValue } from './query/variables';
import { readSchema } from './schema/readSchema';
import { SchemaCache } from './schema/schemaCache';
import { MemgraphVariableSupport } from './variables/variableSupport';

export const DEFAULT_QUERY: Partial<MemgraphQuery> = { cypher: '', format: 'auto' };

type QueryOutcome = { frames: DataFrame[]; error?: DataQueryError };

/** Wiring only: settings → driver, queries → statements → results → frames. */
export class DataSource extends DataSourceApi<MemgraphQuery, MemgraphSettings> {
  private readonly settings: ResolvedSettings | MemgraphError;
  private readonly options?: DriverOptions;
  /** Labels, relationship types and property keys for the editors, read once per datasource and refreshable. */
  readonly schema = new SchemaCache(() => readSchema((text, autoCommit) => this.introspect(text, autoCommit)));

  constructor(
    instanceSettings: DataSourceInstanceSettings<MemgraphSettings>,
    private readonly drivers: DriverRegistry = sharedDriverRegistry,
    private readonly variableSource: (scopedVars?: ScopedVars) => VariableSource = (scopedVars) =>
      templateSrvVariables(getTemplateSrv(), scopedVars)
  ) {
    super(instanceSettings);
    try {
      this.settings = resolveSettings(instanceSettings.jsonData);
      this.options = driverOptions(this.settings);
    } catch (error) {
      this.settings = new MemgraphError('settings', (error as Error).message);
    }
    this.variables = new MemgraphVariableSupport(this);
    this.annotations = memgraphAnnotations;
  }

  /** The row cap and query timeout in force (the query editor shows them); undefined while the settings are invalid. */
  limits(): { maxRows: number; queryTimeoutSeconds: number } | undefined {
    return this.settings instanceof MemgraphError
      ? undefined
      : { maxRows: this.settings.maxRows, queryTimeoutSeconds: this.settings.queryTimeoutSeconds };
  }

  /**
   * The variables a query will see (names for completion, values for `${x:raw}` checks): the dashboard's, then
   * the values the query carries from the dashboard it left.
   */
  dashboardVariables(carried?: Record<string, VariableValue>): VariableSource {
    return withCarriedValues(this.variableSource(), carried);
  }

  /** Explore from a panel: each query takes the values of the variables it references along, as data. */
  interpolateVariablesInQueries(queries: MemgraphQuery[], scopedVars: ScopedVars): MemgraphQuery[] {
    return queries.map((query) => ({
      ...withVariableValues(query, withCarriedValues(this.variableSource(scopedVars), query.variableValues)),
      datasource: this.getRef(),
    }));
  }

  getDefaultQuery(_: CoreApp): Partial<MemgraphQuery> {
    return DEFAULT_QUERY;
  }

  filterQuery(query: MemgraphQuery): boolean {
    return !query.hide && Boolean(query.cypher?.trim());
  }

  query(request: DataQueryRequest<MemgraphQuery>): Observable<DataQueryResponse> {
    const targets = request.targets.filter((target) => this.filterQuery(target));
    if (targets.length === 0) {
      return of({ data: [] });
    }
    const window: TimeWindow = {
      fromMs: request.range.from.valueOf(),
      toMs: request.range.to.valueOf(),
      intervalMs: request.intervalMs,
    };
    return forkJoin(targets.map((target) => this.runTarget(target, window, request.scopedVars))).pipe(
      map((outcomes) => {
        const errors = outcomes.flatMap((o) => (o.error ? [o.error] : []));
        return { data: outcomes.flatMap((o) => o.frames), ...(errors.length ? { errors } : {}) };
      })
    );
  }

  /** One target: its failure becomes that target's error and never cancels the others. */
  runTarget(target: MemgraphQuery, window: TimeWindow, scopedVars?: ScopedVars): Observable<QueryOutcome> {
    const fail = (error: unknown): Observable<QueryOutcome> =>
      of({ frames: [], error: this.queryError(target, error) });
    try {
      const settings = this.resolved();
      const variables = withCarriedValues(this.variableSource(scopedVars), target.variableValues);
      const statement = prepareStatement(target.cypher, timeParameters(window, settings.timeZone), variables);
      const driver = this.driver();
      return runCypher(driver, statement, {
        database: settings.database,
        maxRows: settings.maxRows,
        fetchSize: settings.fetchSize,
        timeoutMs: settings.queryTimeoutSeconds * 1000,
        autoCommit: needsAutoCommit(statement.text),
        failureContext: this.failureContext(),
        onStuck: () => this.drivers.discard(this.uid, driver),
      }).pipe(
        map((result) => ({
          frames: resultToFrames(result, {
            refId: target.refId,
            format: target.format ?? 'auto',
            legend: target.legend,
            timeZone: settings.timeZone,
            maxRows: settings.maxRows,
            executedQuery: statement.text,
          }),
        })),
        catchError(fail)
      );
    } catch (error) {
      return fail(error);
    }
  }

  async testDatasource(): Promise<HealthReport> {
    try {
      return await checkHealth(this.driver(), this.resolved(), this.failureContext());
    } catch (error) {
      return { status: 'error', message: this.describe(error).message };
    }
  }

  /** One fixed introspection statement with the datasource's limits (the schema reader's queries). */
  private introspect(text: string, autoCommit: boolean) {
    const settings = this.resolved();
    return firstValueFrom(
      runCypher(
        this.driver(),
        { text, parameters: {} },
        {
          database: settings.database,
          maxRows: settings.maxRows,
          fetchSize: settings.fetchSize,
          timeoutMs: settings.queryTimeoutSeconds * 1000,
          autoCommit,
          failureContext: this.failureContext(),
        }
      )
    );
  }

  private resolved(): ResolvedSettings {
    if (this.settings instanceof MemgraphError) {
      throw this.settings;
    }
    return this.settings;
  }

  private driver() {
    this.resolved();
    return this.drivers.driverFor(this.uid, this.options!);
  }

  private failureContext(): FailureContext {
    const settings = this.resolved();
    return {
      url: settings.url,
      username: settings.username,
      queryTimeoutSeconds: settings.queryTimeoutSeconds,
      maxConnections: settings.maxConnections,
    };
  }

  /** The panel shows the message; the driver's own text, when there is one, goes to the error's details. */
  private queryError(target: MemgraphQuery, error: unknown): DataQueryError {
    const { message, details } = this.describe(error);
    return { refId: target.refId, message, ...(details ? { data: { message, error: details } } : {}) };
  }

  private describe(error: unknown): MemgraphError {
    if (error instanceof MemgraphError) {
      return error;
    }
    return this.settings instanceof MemgraphError ? this.settings : describeFailure(error, this.failureContext());
  }
}
