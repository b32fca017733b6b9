// The test host page: Grafana's boot data (written into the page by the host server) → SystemJS with the shared
// modules → runtime services → one React tree with Grafana's theme and routes: /a/<app>/* for app pages,
// /plugins/<app> for the app's configuration, anything else the editors' workbench.
import './monacoEnvironment';

import {
  setDataSourceSrv,
  setTemplateSrv,
  setBackendSrv,
  config,
  setLocationSrv,
  locationService,
} from '@grafana/runtime';
import { GlobalStyles, ThemeContext } from '@grafana/ui';
import React from 'react';
import { createRoot } from 'react-dom/client';
import { Route, Routes } from 'react-router-dom-v5-compat';
import { setPluginPage } from '@grafana/runtime/internal/PluginPage';

import { e2eApi } from './api/e2eApi';
import { initHostI18n } from './loader/pluginTranslations';
import { configureSystemJS } from './loader/systemjs';
import { backendSrv } from './services/backendSrv';
import { dataSourceSrv } from './services/dataSourceSrv';
import { templateSrv } from './services/dashboardVariables';
import { AppConfigPage, AppRootPage } from './ui/AppPages';
import { HostRouter, interceptLinkClicks } from './ui/HostRouter';
import { HostPluginPage } from './ui/PluginPage';
import { Workbench } from './ui/Workbench';

// Services first: the shared modules are registered with the values their exports have at that moment.
setBackendSrv(backendSrv);
setTemplateSrv(templateSrv);
setDataSourceSrv(dataSourceSrv);
setLocationSrv(locationService);
setPluginPage(HostPluginPage);
configureSystemJS();
interceptLinkClicks();

function HostRoot() {
  return (
    <ThemeContext.Provider value={config.theme2}>
      <GlobalStyles />
      <HostRouter>
        <Routes>
          <Route path="/a/:pluginId/*" element={<AppRootPage />} />
          <Route path="/plugins/:pluginId" element={<AppConfigPage />} />
          <Route path="*" element={<Workbench />} />
        </Routes>
      </HostRouter>
    </ThemeContext.Provider>
  );
}

// What the page throws goes to the console with its details (a thrown non-Error reaches the tests as '').
function describeThrown(value: unknown): string {
  if (value instanceof Error) {
    return value.stack ?? value.message;
  }
  try {
    return `${Object.prototype.toString.call(value)} ${JSON.stringify(value)}`;
  } catch {
    return String(value);
  }
}
window.addEventListener('error', (event) => console.error(`uncaught: ${describeThrown(event.error ?? event.message)}`));
window.addEventListener('unhandledrejection', (event) =>
  console.error(`unhandled rejection: ${describeThrown(event.reason)}`)
);

// Grafana initialises i18next with the user's language (boot data) before it renders or loads any plugin. The
// tests' API appears with the page (tests wait for it), so only once i18next is ready.
initHostI18n(config.bootData.user.language ?? 'en-US').then(() => {
  window.e2e = e2eApi;
  createRoot(document.getElementById('reactRoot')!).render(<HostRoot />);
});
