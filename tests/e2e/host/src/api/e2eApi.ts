// window.e2e: the calls the Node-side tests make through page.evaluate. Everything goes through the same services
// and plugin instances the UI uses.
import type {
  DataQueryRequest,
  DataQueryResponse,
  DataSourceApi,
  DataSourcePlugin,
  GrafanaPlugin,
  MetricFindValue,
} from '@grafana/data';
import { config, locationService } from '@grafana/runtime';
import { lastValueFrom, type Observable } from 'rxjs';

import { importPlugin } from '../loader/pluginLoader';
import { sharedDependencies } from '../loader/sharedDependencies';
import { dataSourceSrv } from '../services/dataSourceSrv';
import { templateSrv } from '../services/templateSrv';
import { showView, workbenchState } from '../ui/Workbench';
import { dataQueryRequest, panelRunner } from './panelRunner';
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
    const datasource = await dataSourceSrv.get(datasourceUid);
    const support = datasource.variables as
      { query?: (request: DataQueryRequest) => Observable<DataQueryResponse> } | undefined;
    if (!support?.query) {
      throw new Error(`${datasourceUid} has no custom variable support`);
    }
    const response = await lastValueFrom(support.query(dataQueryRequest({ datasourceUid, targets: [query] })));
    if (response.errors?.length) {
      throw new Error(response.errors.map((error) => error.message).join('; '));
    }
    return (response.data as MetricFindValue[]).map((option) => ({
      text: String(option.text),
      value: String(option.value ?? option.text),
    }));
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
