import React, { Suspense, lazy } from 'react';
import { AppPlugin, type AppRootProps } from '@grafana/data';
import { initPluginTranslations, t } from '@grafana/i18n';
import { LoadingPlaceholder } from '@grafana/ui';
import type { AppConfigProps } from './components/AppConfig/AppConfig';
import { setViewerLanguage } from '@opentruss/contract';
import type { AppSettings } from './settings';
import pluginJson from './plugin.json';

// Grafana (12.1+) has already added this plugin's strings for the viewer's language to its i18next instance
// (plugin.json `languages`); this binds t() and <Trans> to the plugin's namespace before anything renders.
const { language } = await initPluginTranslations(pluginJson.id);
setViewerLanguage(language);

const LazyApp = lazy(() => import('./components/App/App'));
const LazyAppConfig = lazy(() => import('./components/AppConfig/AppConfig'));

const App = (props: AppRootProps<AppSettings>) => (
  <Suspense fallback={<LoadingPlaceholder text="" />}>
    <LazyApp {...props} />
  </Suspense>
);

const AppConfig = (props: AppConfigProps) => (
  <Suspense fallback={<LoadingPlaceholder text="" />}>
    <LazyAppConfig {...props} />
  </Suspense>
);

export const plugin = new AppPlugin<AppSettings>().setRootPage(App).addConfigPage({
  // After initPluginTranslations above, so t() already has the viewer's language here.
  // eslint-disable-next-line @grafana/i18n/no-translation-top-level
  title: t('config.page-title', 'Configuration'),
  icon: 'cog',
  body: AppConfig,
  id: 'configuration',
});
