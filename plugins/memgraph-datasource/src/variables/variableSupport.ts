import {
  CustomVariableSupport,
  type DataQueryRequest,
  type DataQueryResponse,
  type QueryEditorProps,
} from '@grafana/data';
import type { MemgraphQuery } from '@opentruss/contract';
import type { ComponentType } from 'react';
import { map, type Observable, of } from 'rxjs';

import type { MemgraphSettings } from '../connection/settings';
import type { DataSource } from '../datasource';
import { lazyEditor } from '../editors/lazyEditor';
import { metricFindValues } from './metricFindValues';
import { toVariableQuery } from './variableQuery';

type VariableEditorProps = QueryEditorProps<DataSource, MemgraphQuery, MemgraphSettings, MemgraphQuery>;

const VariableQueryEditor = lazyEditor<VariableEditorProps>(() =>
  import('../editors/VariableQueryEditor/VariableQueryEditor').then((m) => m.VariableQueryEditor)
);

/**
 * Query variables through Grafana's CustomVariableSupport: the Cypher runs like a panel query (time range as
 * $__from / $__to, other variables as parameters — never spliced text), and its table becomes the options:
 * `__text` / `__value` columns, or the first column. Errors reach the variable editor as the response's error.
 */
export class MemgraphVariableSupport extends CustomVariableSupport<DataSource, MemgraphQuery> {
  editor: ComponentType<VariableEditorProps> = VariableQueryEditor;

  constructor(private readonly datasource: DataSource) {
    super();
  }

  query(request: DataQueryRequest<MemgraphQuery>): Observable<DataQueryResponse> {
    const target = toVariableQuery(request.targets[0]);
    if (!target.cypher.trim()) {
      return of({ data: [] });
    }
    const window = {
      fromMs: request.range.from.valueOf(),
      toMs: request.range.to.valueOf(),
      intervalMs: request.intervalMs,
    };
    return this.datasource.runTarget(target, window, request.scopedVars).pipe(
      map((outcome) =>
        outcome.error ? { data: [], errors: [outcome.error] } : { data: metricFindValues(outcome.frames[0]) }
      )
    );
  }
}
