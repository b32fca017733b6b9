// Loads a plugin's built module.js the way Grafana does: SystemJS.import of `public/plugins/<id>/module.js`
// (relative to <base href="/">), then the plugin object it exports gets its meta.
import type { AppPlugin, DataSourceApi, DataSourcePlugin, GrafanaPlugin, PluginMeta } from '@grafana/data';
import { config } from '@grafana/runtime';

import { SystemJS } from './systemjs';

const modules = new Map<string, Promise<GrafanaPlugin>>();

export function pluginModulePath(pluginId: string): string {
  return `public/plugins/${pluginId}/module.js`;
}

/** Grafana's resolveModulePath: plugin meta names `public/plugins/<id>/module.js`, served under appSubUrl. */
function resolveModulePath(path: string): string {
  return /^(https?:)?\//.test(path) ? path : `${config.appSubUrl ?? ''}/${path}`;
}

/** The module's exported `plugin`, loaded once per page like Grafana's plugin cache. */
export function importPlugin(meta: PluginMeta): Promise<GrafanaPlugin> {
  const cached = modules.get(meta.id);
  if (cached) {
    return cached;
  }
  const loading = SystemJS.import(resolveModulePath(meta.module || pluginModulePath(meta.id))).then((exports) => {
    const plugin = (exports as { plugin?: GrafanaPlugin }).plugin;
    if (!plugin) {
      throw new Error(`${meta.id}: module.js exports no "plugin"`);
    }
    plugin.meta = meta;
    return plugin;
  });
  modules.set(meta.id, loading);
  return loading;
}

export async function importDataSourcePlugin(meta: PluginMeta): Promise<DataSourcePlugin<DataSourceApi>> {
  const plugin = await importPlugin(meta);
  if (!('DataSourceClass' in plugin)) {
    throw new Error(`${meta.id}: module.js exports no datasource plugin`);
  }
  return plugin as DataSourcePlugin<DataSourceApi>;
}

export async function importAppPlugin(meta: PluginMeta): Promise<AppPlugin> {
  const plugin = (await importPlugin(meta)) as AppPlugin;
  // Grafana's importAppPlugin: init with the meta from /api/plugins/<id>/settings.
  plugin.init(meta);
  return plugin;
}
