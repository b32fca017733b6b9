import { DataSourcePlugin } from '@grafana/data';
import type { MemgraphQuery } from '@opentruss/contract';

import type { MemgraphSettings } from './connection/settings';
import { DataSource } from './datasource';
import type { MemgraphQueryEditorProps } from './editors/QueryEditor/QueryEditor';
import { lazyEditor } from './editors/lazyEditor';

// The editors (and, through them, the Cypher language library) load on first use, never with a dashboard.
const QueryEditor = lazyEditor<MemgraphQueryEditorProps>(() =>
  import('./editors/QueryEditor/QueryEditor').then((m) => m.QueryEditor)
);
const ConfigEditor = lazyEditor(() => import('./editors/ConfigEditor/ConfigEditor').then((m) => m.ConfigEditor));

export const plugin = new DataSourcePlugin<DataSource, MemgraphQuery, MemgraphSettings>(DataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor);
