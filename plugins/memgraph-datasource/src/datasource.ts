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
import { catchError, defer, forkJoin, map, type Observable, of } from 'rxjs';

import { sharedDriverRegistry, type DriverRegistry } from './connection/driverRegistry';
import { type Limits, MemgraphConnection } from './connection/memgraphConnection';
import type { MemgraphSettings } from './connection/settings';
import { resultToFrames } from './frames/resultToFrames';
import { memgraphAnnotations } from './annotations/annotationSupport';
import { checkHealth, type HealthReport } from './health/healthCheck';
import { prepareStatement } from './query/prepareStatement';
import { timeParameters, type TimeWindow } from './query/timeParameters';
import { withCarriedValues, withVariableValues } from './query/carriedVariables';
import { templateSrvVariables, type VariableSource, type VariableValue } from './query/variables';
import { readSchema } from './schema/readSchema';
import { SchemaCache } from './schema/schemaCache';
import type { EditorServices } from './editors/editorServices';
import { MemgraphVariableSupport } from './variables/variableSupport';

const DEFAULT_QUERY: Partial<MemgraphQuery> = { cypher: '', format: 'auto' };

type QueryOutcome = { frames: DataFrame[]; error?: DataQueryError };

/**
 * Wiring only, like Grafana's SQL datasources: each target becomes a statement, runs through the datasource's one
 * MemgraphConnection, and its result becomes frames. Variable queries come through `query` too.
 */
export class DataSource
  extends DataSourceApi<MemgraphQuery, MemgraphSettings>
  implements EditorServices
{
  private readonly connection: MemgraphConnection;
  /** Labels, relationship types and property keys for the editors, read once per datasource and refreshable. */
  readonly schema: SchemaCache;

  constructor(
    instanceSettings: DataSourceInstanceSettings<MemgraphSettings>,
    drivers: DriverRegistry = sharedDriverRegistry,
    private readonly variableSource: (scopedVars?: ScopedVars) => VariableSource = (scopedVars) =>
      templateSrvVariables(getTemplateSrv(), scopedVars)
  ) {
    super(instanceSettings);
    const connection = new MemgraphConnection(instanceSettings.uid, instanceSettings.jsonData, drivers);
    this.connection = connection;
    this.schema = new SchemaCache(() =>
      readSchema((text) => connection.introspect(text))
    );
    this.variables = new MemgraphVariableSupport(this);
    this.annotations = memgraphAnnotations;
  }

  /** The row cap and query timeout in force (the query editor shows them); undefined while the settings are invalid. */
  limits(): Limits | undefined {
    return this.connection.limits();
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
    const window = timeWindow(request);
    return forkJoin(targets.map((target) => this.runTarget(target, window, request.scopedVars))).pipe(
      map((outcomes) => {
        const errors = outcomes.flatMap((o) => (o.error ? [o.error] : []));
        return { data: outcomes.flatMap((o) => o.frames), ...(errors.length ? { errors } : {}) };
      })
    );
  }

  async testDatasource(): Promise<HealthReport> {
    return checkHealth(this.connection);
  }

  /** One target: its failure becomes that target's error and never cancels the others. */
  private runTarget(target: MemgraphQuery, window: TimeWindow, scopedVars?: ScopedVars): Observable<QueryOutcome> {
    return defer(() => {
      const { timeZone, maxRows } = this.connection.settings;
      const variables = withCarriedValues(this.variableSource(scopedVars), target.variableValues);
      const statement = prepareStatement(target.cypher, timeParameters(window, timeZone), variables);
      return this.connection.run(statement).pipe(
        map((result) => ({
          frames: resultToFrames(result, {
            refId: target.refId,
            format: target.format ?? 'auto',
            legend: target.legend,
            timeZone,
            maxRows,
            executedQuery: statement.text,
          }),
        }))
      );
    }).pipe(catchError((error: unknown) => of({ frames: [], error: this.queryError(target, error) })));
  }

  /** The panel shows the message; the driver's own text, when there is one, goes to the error's details. */
  private queryError(target: MemgraphQuery, error: unknown): DataQueryError {
    const { message, details } = this.connection.describe(error);
    return { refId: target.refId, message, ...(details ? { data: { message, error: details } } : {}) };
  }
}

/** The request's time range and interval: what `$__from`, `$__to`, `$__interval_ms` and the macros read. */
function timeWindow(request: DataQueryRequest<MemgraphQuery>): TimeWindow {
  return { fromMs: request.range.from.valueOf(), toMs: request.range.to.valueOf(), intervalMs: request.intervalMs };
}
