// Dashboard variables: the datasource pickers every dashboard has, and the business drill-down ($project,
// $building) whose values come from the catalogue's variable queries.
import type { Builder } from '@grafana/grafana-foundation-sdk/cog';
import {
  DatasourceVariableBuilder,
  QueryVariableBuilder,
  VariableHide,
  VariableRefresh,
  VariableSort,
  type VariableModel,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { DASHBOARD_VARIABLES, catalogueQuery } from '@opentruss/opentruss-graph';
import { DATASOURCE_VARIABLES, datasourceRef, type DatasourceRole } from '../src/catalogue/datasources';
import { catalogueQueryModel } from './queries/memgraph';

export function datasourceVariable(role: DatasourceRole): DatasourceVariableBuilder {
  const variable = DATASOURCE_VARIABLES[role];
  return new DatasourceVariableBuilder(variable.name)
    .label(variable.label)
    .type(variable.pluginId)
    .current({ selected: true, text: variable.defaultUid, value: variable.defaultUid });
}

const LABELS: Record<string, string> = { project: '项目 / Project', building: '单体 / Building' };

/**
 * `$project` and `$building`: multi-value with "All" (the datasource sends a list, which the queries' `x.id IN
 * $project` needs), refreshed on load so new projects appear, sorted by name. The wall keeps them hidden at "All".
 */
export function drillDownVariables(options: { hidden: boolean }): Array<Builder<VariableModel>> {
  return DASHBOARD_VARIABLES.filter((v) => v.name !== 'lot').map((variable) => {
    const query = catalogueQuery(variable.queryId);
    return new QueryVariableBuilder(variable.name)
      .label(LABELS[variable.name])
      .description(query.description)
      .datasource(datasourceRef('memgraph'))
      .query({ ...catalogueQueryModel(variable.queryId, variable.name) })
      .definition(query.cypher)
      .multi(variable.multi)
      .includeAll(variable.includeAll)
      .current({ selected: true, text: ['All'], value: ['$__all'] })
      .refresh(VariableRefresh.OnDashboardLoad)
      .sort(VariableSort.AlphabeticalCaseInsensitiveAsc)
      .hide(options.hidden ? VariableHide.HideVariable : VariableHide.DontHide);
  });
}
