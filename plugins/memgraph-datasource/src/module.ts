import { DataSourcePlugin } from '@grafana/data';
import type { MemgraphQuery } from '@opentruss/contract';

import type { MemgraphSettings } from './connection/settings';
import { DataSource } from './datasource';
import { forDatasource, type MemgraphEditorProps } from './editors/editorServices';
import { lazyEditor } from './editors/lazyEditor';

// The editors (and, through them, the Cypher language library) load on first use, never with a dashboard.
const QueryEditor = lazyEditor<MemgraphEditorProps>(() =>
  import('./editors/QueryEditor/QueryEditor').then((m) => m.QueryEditor)
);
const ConfigEditor = lazyEditor(() => import('./editors/ConfigEditor/ConfigEditor').then((m) => m.ConfigEditor));

export const plugin = new DataSourcePlugin<DataSource, MemgraphQuery, MemgraphSettings>(DataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(forDatasource<DataSource>(QueryEditor));
