// The modules Grafana hands to plugins as AMD externals, keyed as in Grafana's own
// public/app/features/plugins/loader/sharedDependencies.ts — here from the installed packages at 13.1.1.
// Only what this bundle's plugins can ask for is supplied; an unknown external fails the plugin load with
// SystemJS's "Unable to resolve bare specifier" error naming it.
import * as emotionCss from '@emotion/css';
import * as emotionReact from '@emotion/react';
import * as grafanaData from '@grafana/data';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaUIraw from '@grafana/ui';
import i18next from 'i18next';
import * as lodash from 'lodash';
// eslint-disable-next-line no-restricted-imports -- Grafana shares moment with plugins; so does the host
import * as moment from 'moment';
import * as react from 'react';
import * as reactDom from 'react-dom';
import * as reactDomClient from 'react-dom/client';
import * as jsxDevRuntime from 'react/jsx-dev-runtime';
import * as jsxRuntime from 'react/jsx-runtime';
import * as reactInlineSvg from 'react-inlinesvg';
import * as reactRouterCompat from 'react-router-dom-v5-compat';
import * as rxjs from 'rxjs';
import * as rxjsOperators from 'rxjs/operators';

// Grafana keeps these aliases for plugins written before the classes moved to @grafana/data.
const grafanaUI = {
  ...grafanaUIraw,
  PanelPlugin: grafanaData.PanelPlugin,
  DataSourcePlugin: grafanaData.DataSourcePlugin,
  AppPlugin: grafanaData.AppPlugin,
  DataSourceApi: grafanaData.DataSourceApi,
};

/** A module whose AMD value is its default export (SystemJS's `__useDefault`), as Grafana does for these. */
const withUseDefault = (module: object) => ({ ...module, __useDefault: true });

export const sharedDependencies: Record<string, object> = {
  '@emotion/css': emotionCss,
  '@emotion/react': emotionReact,
  '@grafana/data': grafanaData,
  '@grafana/runtime': grafanaRuntime,
  '@grafana/ui': grafanaUI,
  emotion: emotionCss,
  i18next: { default: i18next, __useDefault: true },
  lodash: withUseDefault(lodash),
  moment: withUseDefault(moment),
  react,
  'react/jsx-runtime': jsxRuntime,
  'react/jsx-dev-runtime': jsxDevRuntime,
  'react-dom': reactDom,
  'react-dom/client': reactDomClient,
  'react-inlinesvg': reactInlineSvg,
  // Grafana gives plugins react-router v6 through the v5-compat package. (Its v5 `react-router-dom`, for plugins
  // that never moved to v6, is not supplied: no plugin here asks for it.)
  'react-router': reactRouterCompat,
  rxjs,
  'rxjs/operators': rxjsOperators,
};
