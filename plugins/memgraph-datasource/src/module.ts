import { DataSourcePlugin } from '@grafana/data';
import type { MemgraphQuery } from '@opentruss/contract';

import { ConfigEditor } from './components/ConfigEditor';
import { QueryEditor } from './components/QueryEditor';
import type { MemgraphSettings } from './connection/settings';
import { DataSource } from './datasource';

export const plugin = new DataSourcePlugin<DataSource, MemgraphQuery, MemgraphSettings>(DataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor);
