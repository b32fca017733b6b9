// An app plugin's pages as Grafana serves them: /a/<id>/* renders the plugin's root component with its meta (from
// /api/plugins/<id>/settings), and /plugins/<id> its configuration page.
import { PluginContextProvider, type AppPlugin, type AppPluginMeta, type PluginMeta } from '@grafana/data';
import { locationSearchToObject } from '@grafana/runtime';
import { Alert, LoadingPlaceholder } from '@grafana/ui';
import React from 'react';
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

export function AppRootPage() {
  const app = useApp();
  const location = useLocation();
  if (app.status !== 'done') {
    return app.status === 'loading' ? (
      <LoadingPlaceholder text="Loading app…" />
    ) : (
      <Alert title="App failed to load">{app.error.message}</Alert>
    );
  }
  const plugin = app.value;
  const Root = plugin.root;
  if (!Root) {
    return <Alert title="App has no root page" />;
  }
  return (
    <PluginContextProvider meta={plugin.meta}>
      <PageTitleContext.Provider value={{ appName: plugin.meta.name, title: navTitle(plugin.meta, location.pathname) }}>
        <Root
          meta={plugin.meta}
          basename={`/a/${plugin.meta.id}`}
          onNavChanged={() => undefined}
          query={locationSearchToObject(location.search)}
          path={location.pathname}
        />
      </PageTitleContext.Provider>
    </PluginContextProvider>
  );
}

export function AppConfigPage() {
  const app = useApp();
  const location = useLocation();
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
      <PageTitleContext.Provider value={{ appName: plugin.meta.name, title: 'Configuration' }}>
        {(plugin.configPages ?? []).map(({ id, title, body: Body }) => (
          <section key={id} aria-label={title} style={{ padding: 24 }}>
            <h2>{title}</h2>
            <Body plugin={plugin} query={locationSearchToObject(location.search)} />
          </section>
        ))}
      </PageTitleContext.Provider>
    </PluginContextProvider>
  );
}
