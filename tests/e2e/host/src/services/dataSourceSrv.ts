// Grafana's DataSourceSrv over the datasources of the boot data (as Grafana's server writes them into the page):
// instances are created from the plugin's DataSourceClass, loaded from its built module.js, once per uid.
// Core datasources Grafana builds in (Prometheus) have no module here: they get @grafana/runtime's
// DataSourceWithBackend, whose health check goes to Grafana's /api/datasources/uid/<uid>/health like theirs.
import type { DataSourceApi, DataSourceInstanceSettings, DataSourceRef } from '@grafana/data';
import { config, DataSourceWithBackend, type DataSourceSrv, type GetDataSourceListFilters } from '@grafana/runtime';

import { importDataSourcePlugin } from '../loader/pluginLoader';
import { templateSrv } from './dashboardVariables';

type Ref = string | DataSourceRef | null | undefined;

class HostDataSourceSrv implements DataSourceSrv {
  private readonly instances = new Map<string, Promise<DataSourceApi>>();

  private all(): DataSourceInstanceSettings[] {
    return Object.values(config.datasources);
  }

  getInstanceSettings(ref: Ref): DataSourceInstanceSettings | undefined {
    // Dashboards name datasources through datasource variables (`${memgraph}`): Grafana interpolates them here.
    const key = templateSrv.replace(typeof ref === 'string' ? ref : ref?.uid);
    if (!key) {
      return this.all().find((ds) => ds.isDefault);
    }
    return this.all().find((ds) => ds.uid === key || ds.name === key);
  }

  getList(filters: GetDataSourceListFilters = {}): DataSourceInstanceSettings[] {
    return this.all().filter((ds) => !filters.pluginId || ds.type === filters.pluginId);
  }

  get(ref?: Ref): Promise<DataSourceApi> {
    const settings = this.getInstanceSettings(ref);
    if (!settings) {
      return Promise.reject(new Error(`Datasource ${JSON.stringify(ref)} was not found`));
    }
    let instance = this.instances.get(settings.uid);
    if (!instance) {
      instance = this.create(settings);
      this.instances.set(settings.uid, instance);
    }
    return instance;
  }

  /** Forgets every instance (Grafana does this when datasource settings are saved). */
  async reload(): Promise<void> {
    this.instances.clear();
  }

  registerRuntimeDataSource(): void {}

  private async create(settings: DataSourceInstanceSettings): Promise<DataSourceApi> {
    if (!settings.meta.module) {
      return new DataSourceWithBackend(settings);
    }
    const plugin = await importDataSourcePlugin(settings.meta);
    const instance = new plugin.DataSourceClass(settings);
    instance.components = plugin.components;
    instance.meta = settings.meta;
    return instance;
  }
}

export const dataSourceSrv = new HostDataSourceSrv();
