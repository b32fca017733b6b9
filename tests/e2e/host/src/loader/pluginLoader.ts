// Loads a plugin's built module.js the way Grafana does: its translations for the user's language first, then
// SystemJS.import of `public/plugins/<id>/module.js` (relative to <base href="/">), then the plugin object it
// exports gets its meta.
import type { AppPlugin, DataSourceApi, DataSourcePlugin, GrafanaPlugin, PluginMeta } from '@grafana/data';
import { config } from '@grafana/runtime';

import { addPluginTranslations } from './pluginTranslations';
import { SystemJS } from './systemjs';

const modules = new Map<string, Promise<GrafanaPlugin>>();

export function pluginModulePath(pluginId: string): string {
  return `public/plugins/${pluginId}/module.js`;
}

/** Grafana's resolveModulePath: plugin meta names `public/plugins/<id>/module.js`, served under appSubUrl. */
function resolveModulePath(path: string): string {
  return /^(https?:)?\//.test(path) ? path : `${config.appSubUrl ?? ''}/${path}`;
}

/**
 * A module with top-level await (a plugin awaiting initPluginTranslations) exports, through webpack's AMD output, a
 * promise of its exports as the default: Grafana's importer resolves it until it has a `plugin` (grafana#82299).
 */
async function pluginExports(exports: unknown): Promise<{ plugin?: GrafanaPlugin }> {
  let current = exports as { plugin?: GrafanaPlugin; default?: unknown };
  for (let depth = 0; depth < 3 && !current.plugin && current.default instanceof Promise; depth++) {
    current = (await current.default) as typeof current;
  }
  return current;
}

/** The module's exported `plugin`, loaded once per page like Grafana's plugin cache. */
export function importPlugin(meta: PluginMeta): Promise<GrafanaPlugin> {
  const cached = modules.get(meta.id);
  if (cached) {
    return cached;
  }
  const translations = (meta as PluginMeta & { translations?: Record<string, string> }).translations;
  const loading = addPluginTranslations(meta.id, translations)
    .then(() => SystemJS.import(resolveModulePath(meta.module || pluginModulePath(meta.id))))
    .then(async (exports) => {
      const plugin = (await pluginExports(exports)).plugin;
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
