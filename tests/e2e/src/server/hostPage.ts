// The host page as Grafana's server writes it: Grafana's boot data (datasources with their plugin meta, apps, the
// signed-in user, appUrl) in window.grafanaBootData, <base href="/">, the host bundle and its CSS.
import { PLUGIN_IDS } from '@opentruss/contract';

import { pluginTranslations } from './grafanaApi';
import type { PluginBuild } from './pluginBuilds';

/** A datasource as provisioning defines one (the page gets it in the boot data). */
export interface HostDatasource {
  uid: string;
  name: string;
  type: string;
  jsonData?: Record<string, unknown>;
  isDefault?: boolean;
}

export interface HostPageInput {
  /** The page's own origin: Grafana's appUrl. */
  origin: string;
  plugins: Record<string, PluginBuild>;
  datasources: HostDatasource[];
  /** The host bundle's stylesheets (under /host/). */
  cssFiles: string[];
  /** The signed-in user's language (Grafana's user preference). */
  language: string;
}

function datasourceMeta(plugins: Record<string, PluginBuild>, type: string) {
  const build = plugins[type];
  if (!build) {
    // A datasource Grafana builds in (Prometheus): no module of its own here.
    return {
      id: type,
      type: 'datasource',
      name: type,
      module: '',
      baseUrl: '',
      info: { logos: { small: '', large: '' } },
    };
  }
  return {
    ...build.pluginJson,
    module: `public/plugins/${type}/module.js`,
    baseUrl: `public/plugins/${type}`,
    translations: pluginTranslations(build.pluginJson),
    info: {
      ...build.pluginJson.info,
      logos: {
        small: `public/plugins/${type}/img/logo.svg`,
        large: `public/plugins/${type}/img/logo.svg`,
      },
    },
  };
}

function bootData({ origin, plugins, datasources, language }: HostPageInput) {
  return {
    settings: {
      appUrl: `${origin}/`,
      appSubUrl: '',
      buildInfo: {
        version: '13.1.1',
        commit: 'e2e-host',
        env: 'production',
        edition: 'Open Source',
      },
      featureToggles: {},
      datasources: Object.fromEntries(
        datasources.map((ds, index) => [
          ds.name,
          {
            id: index + 1,
            uid: ds.uid,
            name: ds.name,
            type: ds.type,
            access: 'proxy',
            url: '',
            isDefault: Boolean(ds.isDefault),
            readOnly: true,
            jsonData: ds.jsonData ?? {},
            meta: datasourceMeta(plugins, ds.type),
          },
        ])
      ),
      defaultDatasource: datasources.find((ds) => ds.isDefault)?.name ?? '',
      apps: {
        [PLUGIN_IDS.app]: {
          id: PLUGIN_IDS.app,
          path: `public/plugins/${PLUGIN_IDS.app}/module.js`,
          version: '0.1.0',
          preload: false,
          translations: plugins[PLUGIN_IDS.app] ? pluginTranslations(plugins[PLUGIN_IDS.app].pluginJson) : {},
        },
      },
    },
    user: {
      id: 1,
      uid: 'e2e-admin',
      login: 'admin',
      name: 'E2E Admin',
      email: 'admin@localhost',
      orgId: 1,
      orgName: 'Main Org.',
      orgRole: 'Admin',
      isGrafanaAdmin: true,
      isSignedIn: true,
      theme: 'dark',
      timezone: 'utc',
      locale: language,
      language,
      permissions: {},
    },
    navTree: [],
    assets: { dark: '', light: '' },
  };
}

export function hostPage(input: HostPageInput): string {
  return `<!doctype html>
<html lang="${input.language}">
<head>
  <meta charset="utf-8" />
  <base href="/" />
  <title>OpenTruss e2e host</title>
  ${input.cssFiles.map((file) => `<link rel="stylesheet" href="/host/${file}" />`).join('\n  ')}
  <script>
    window.grafanaBootData = ${JSON.stringify(bootData(input))};
    window.__grafana_public_path__ = '/public/';
  </script>
</head>
<body class="theme-dark">
  <div id="reactRoot"></div>
  <script type="module" src="/host/main.js"></script>
</body>
</html>`;
}
