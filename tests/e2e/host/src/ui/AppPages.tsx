// An app plugin's pages as Grafana serves them: /a/<id>/* renders the plugin's root component with its meta (from
// /api/plugins/<id>/settings), and /plugins/<id> its configuration page.
import { PluginContextProvider, type AppPlugin, type AppPluginMeta, type PluginMeta } from '@grafana/data';
import { locationSearchToObject } from '@grafana/runtime';
import { Alert, LoadingPlaceholder } from '@grafana/ui';
import React, { type ReactNode } from 'react';
import { useLocation, useParams } from 'react-router-dom-v5-compat';

import { importAppPlugin } from '../loader/pluginLoader';
import { backendSrv } from '../services/backendSrv';
import { PageTitleContext } from './PluginPage';
import { useAsyncValue } from './useAsyncValue';

async function loadApp(pluginId: string): Promise<AppPlugin> {
  const meta = await backendSrv.get<AppPluginMeta>(`/api/plugins/${pluginId}/settings`);
  return importAppPlugin(meta);
}

function useApp(): ReturnType<typeof useAsyncValue<AppPlugin>> {
  const { pluginId = '' } = useParams();
  return useAsyncValue(() => loadApp(pluginId), pluginId);
}

/** The nav entry Grafana would title the page with: the include whose path is the longest prefix of this one. */
function navTitle(meta: PluginMeta, pathname: string): string | undefined {
  const matches = (meta.includes ?? [])
    .filter((include) => include.path && pathname.startsWith(include.path.replace('%PLUGIN_ID%', meta.id)))
    .sort((a, b) => (b.path ?? '').length - (a.path ?? '').length);
  return matches[0]?.name;
}

/** The app once loaded (its meta and module), with Grafana's plugin context and the page title for PluginPage. */
function LoadedApp({
  title,
  render,
}: {
  title: (plugin: AppPlugin) => string | undefined;
  render: (plugin: AppPlugin) => ReactNode;
}) {
  const app = useApp();
  if (app.status !== 'done') {
    return app.status === 'loading' ? (
      <LoadingPlaceholder text="Loading app…" />
    ) : (
      <Alert title="App failed to load">{app.error.message}</Alert>
    );
  }
  const plugin = app.value;
  return (
    <PluginContextProvider meta={plugin.meta}>
      <PageTitleContext.Provider value={{ appName: plugin.meta.name, title: title(plugin) }}>
        {render(plugin)}
      </PageTitleContext.Provider>
    </PluginContextProvider>
  );
}

export function AppRootPage() {
  const location = useLocation();
  return (
    <LoadedApp
      title={(plugin) => navTitle(plugin.meta, location.pathname)}
      render={(plugin) => {
        const Root = plugin.root;
        return Root ? (
          <Root
            meta={plugin.meta}
            basename={`/a/${plugin.meta.id}`}
            onNavChanged={() => undefined}
            query={locationSearchToObject(location.search)}
            path={location.pathname}
          />
        ) : (
          <Alert title="App has no root page" />
        );
      }}
    />
  );
}

export function AppConfigPage() {
  const location = useLocation();
  return (
    <LoadedApp
      title={() => 'Configuration'}
      render={(plugin) =>
        (plugin.configPages ?? []).map(({ id, title, body: Body }) => (
          <section key={id} aria-label={title} style={{ padding: 24 }}>
            <h2>{title}</h2>
            <Body plugin={plugin} query={locationSearchToObject(location.search)} />
          </section>
        ))
      }
    />
  );
}
