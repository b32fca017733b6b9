// Dashboard variables: the datasource pickers every dashboard has, and the business drill-down ($project,
// $building) whose values come from the catalogue's variable queries.
import type { Builder } from '@grafana/grafana-foundation-sdk/cog';
import {
  CustomVariableBuilder,
  DatasourceVariableBuilder,
  QueryVariableBuilder,
  TextBoxVariableBuilder,
  VariableHide,
  VariableRefresh,
  VariableSort,
  type VariableModel,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { LOG_LEVEL_VALUES } from '@opentruss/alerts';
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

/**
 * The Logs dashboard's filters: `$service` (every value of Loki's `service` label), `$level` (the levels Alloy
 * writes) and `$search` (text the line must contain). "All" is `.+`, never `.*`: a Loki stream selector needs a
 * matcher that matches no empty value.
 */
export function logVariables(): Array<Builder<VariableModel>> {
  return [
    new QueryVariableBuilder('service')
      .label('服务 / Service')
      .description('Compose service whose logs to show (Loki label `service`, set by Alloy).')
      .datasource(datasourceRef('loki'))
      .query('label_values(service)')
      .definition('label_values(service)')
      .multi(true)
      .includeAll(true)
      .allValue('.+')
      .current({ selected: true, text: ['All'], value: ['$__all'] })
      .refresh(VariableRefresh.OnTimeRangeChanged)
      .sort(VariableSort.AlphabeticalCaseInsensitiveAsc),
    new CustomVariableBuilder('level')
      .label('级别 / Level')
      .description('Log level as Alloy normalises it (manual §3.1 plus `unknown` for lines without one).')
      .values(LOG_LEVEL_VALUES.join(','))
      .multi(true)
      .includeAll(true)
      .allValue('.+')
      .current({ selected: true, text: ['All'], value: ['$__all'] }),
    new TextBoxVariableBuilder('search')
      .label('搜索 / Search')
      .description('Text the log line must contain (case-sensitive, like grep); empty shows every line.')
      .defaultValue('')
      .current({ selected: false, text: '', value: '' }),
  ];
}
