import {
  CustomVariableSupport,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceApi,
  type QueryEditorProps,
} from '@grafana/data';
import type { MemgraphQuery } from '@opentruss/contract';
import type { ComponentType } from 'react';
import { from, map, type Observable, of } from 'rxjs';

import type { MemgraphSettings } from '../connection/settings';
import { type EditorServices, forDatasource } from '../editors/editorServices';
import { lazyEditor } from '../editors/lazyEditor';
import type { VariableQueryEditorProps } from '../editors/VariableQueryEditor/VariableQueryEditor';
import { metricFindValues } from './metricFindValues';
import { toVariableQuery } from './variableQuery';

/** The datasource as variable support sees it: panel queries through `query`, and what the editor needs. */
export type VariableDatasource = DataSourceApi<MemgraphQuery, MemgraphSettings> & EditorServices;

const VariableQueryEditor = lazyEditor<VariableQueryEditorProps>(() =>
  import('../editors/VariableQueryEditor/VariableQueryEditor').then((m) => m.VariableQueryEditor)
);

/**
 * Query variables through Grafana's CustomVariableSupport, as its SQL datasources do: the variable's query becomes
 * an ordinary request to the datasource's `query` (time range as $__from / $__to, other variables as parameters —
 * never spliced text), and its table becomes the options: `__text` / `__value` columns, or the first column.
 * Errors reach the variable editor as the response's error.
 */
export class MemgraphVariableSupport extends CustomVariableSupport<VariableDatasource, MemgraphQuery> {
  editor: ComponentType<QueryEditorProps<VariableDatasource, MemgraphQuery, MemgraphSettings>> =
    forDatasource(VariableQueryEditor);

  constructor(private readonly datasource: VariableDatasource) {
    super();
  }

  query(request: DataQueryRequest<MemgraphQuery>): Observable<DataQueryResponse> {
    const target = toVariableQuery(request.targets[0]);
    if (!target.cypher.trim()) {
      return of({ data: [] });
    }
    return from(this.datasource.query({ ...request, targets: [target] })).pipe(
      map((response) =>
        response.errors?.length ? { data: [], errors: response.errors } : { data: metricFindValues(response.data[0]) }
      )
    );
  }
}
