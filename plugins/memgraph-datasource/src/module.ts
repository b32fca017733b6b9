import { DataSourcePlugin } from '@grafana/data';
import { initPluginTranslations } from '@grafana/i18n';
import { setViewerLanguage, type MemgraphQuery } from '@opentruss/contract';

import type { MemgraphSettings } from './connection/settings';
import { DataSource } from './datasource';
import { forDatasource, type MemgraphEditorProps } from './editors/editorServices';
import { lazyEditor } from './editors/lazyEditor';
import pluginJson from './plugin.json';

// Grafana (12.1+) has already added this plugin's strings for the viewer's language to its i18next instance
// (plugin.json `languages`); this binds t() and <Trans> to the plugin's namespace before any editor renders.
const { language } = await initPluginTranslations(pluginJson.id);
setViewerLanguage(language);

// The editors (and, through them, the Cypher language library) load on first use, never with a dashboard.
const QueryEditor = lazyEditor<MemgraphEditorProps>(() =>
  import('./editors/QueryEditor/QueryEditor').then((m) => m.QueryEditor)
);
const ConfigEditor = lazyEditor(() => import('./editors/ConfigEditor/ConfigEditor').then((m) => m.ConfigEditor));

export const plugin = new DataSourcePlugin<DataSource, MemgraphQuery, MemgraphSettings>(DataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(forDatasource<DataSource>(QueryEditor));
