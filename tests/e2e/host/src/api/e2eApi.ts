// window.e2e: the calls the Node-side tests make through page.evaluate. Everything goes through the same services
// and plugin instances the UI uses.
import type { DataSourceApi, DataSourcePlugin, GrafanaPlugin } from '@grafana/data';
import { config, locationService } from '@grafana/runtime';

import { importPlugin } from '../loader/pluginLoader';
import { sharedDependencies } from '../loader/sharedDependencies';
import { dataSourceSrv } from '../services/dataSourceSrv';
import { templateSrv } from '../services/dashboardVariables';
import { showView, workbenchState } from '../ui/Workbench';
import { panelRunner } from './panelRunner';
import { variableOptions } from './variableOptions';
import type { E2EHostApi, HealthResult } from './types';

function pluginMeta(pluginId: string) {
  const datasource = Object.values(config.datasources).find((ds) => ds.type === pluginId);
  if (datasource) {
    return datasource.meta;
  }
  const app = config.apps[pluginId];
  if (!app) {
    throw new Error(`No plugin ${pluginId} in the boot data`);
  }
  return { ...app, type: 'app', module: app.path, info: {} } as unknown as GrafanaPlugin['meta'];
}

export const e2eApi: E2EHostApi = {
  async queriesForExplore(datasourceUid, queries, scopedVars) {
    const datasource = await dataSourceSrv.get(datasourceUid);
    if (!datasource.interpolateVariablesInQueries) {
      throw new Error(`${datasource.type} has no interpolateVariablesInQueries: Explore would lose the variables`);
    }
    return datasource.interpolateVariablesInQueries(queries, scopedVars ?? {});
  },
  async describePlugin(pluginId) {
    const plugin = await importPlugin(pluginMeta(pluginId));
    const components = Object.entries((plugin as DataSourcePlugin<DataSourceApi>).components ?? {})
      .filter(([, component]) => Boolean(component))
      .map(([name]) => name);
    return { type: plugin.constructor.name, exports: Object.keys(plugin), components };
  },
  setVariables(variables) {
    templateSrv.setVariables(variables);
  },
  async variableOptions(datasourceUid, query) {
    return variableOptions(await dataSourceSrv.get(datasourceUid), query);
  },
  sharedModules: () => Object.keys(sharedDependencies),
  async testDatasource(datasourceUid) {
    const datasource = await dataSourceSrv.get(datasourceUid);
    return (await datasource.testDatasource()) as HealthResult;
  },
  runPanel: (panelKey, request) => panelRunner.run(panelKey, request),
  startPanel(panelKey, request) {
    void panelRunner.run(panelKey, request);
  },
  panelResult: (panelKey) => panelRunner.result(panelKey),
  show: showView,
  editedQuery: () => workbenchState.query,
  runRequests: () => workbenchState.runRequests,
  navigate(path) {
    locationService.push(path);
  },
};
