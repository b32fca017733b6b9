// A query variable's options the way Grafana gets them: the datasource's custom variable support, run with the
// dashboard's time range; its MetricFindValues become the options.
import type { DataQuery, DataQueryRequest, DataQueryResponse, DataSourceApi, MetricFindValue } from '@grafana/data';
import { lastValueFrom, type Observable } from 'rxjs';

import { dataQueryRequest } from './panelRunner';

export async function variableOptions(
  datasource: DataSourceApi,
  query: DataQuery
): Promise<Array<{ text: string; value: string }>> {
  const support = datasource.variables as
    { query?: (request: DataQueryRequest) => Observable<DataQueryResponse> } | undefined;
  if (!support?.query) {
    throw new Error(`${datasource.name} has no custom variable support`);
  }
  const response = await lastValueFrom(
    support.query(dataQueryRequest({ datasourceUid: datasource.uid, targets: [query] }))
  );
  if (response.errors?.length) {
    throw new Error(response.errors.map((error) => error.message).join('; '));
  }
  return (response.data as MetricFindValue[]).map((option) => ({
    text: String(option.text),
    value: String(option.value ?? option.text),
  }));
}
