import type { DataSourceApi, QueryEditorProps } from '@grafana/data';
import type { MemgraphQuery } from '@opentruss/contract';
import type { ComponentType } from 'react';

import type { Limits } from '../connection/memgraphConnection';
import type { MemgraphSettings } from '../connection/settings';
import type { VariableValue, VariableSource } from '../query/variables';
import type { SchemaCache } from '../schema/schemaCache';

/**
 * What the editors need from their datasource, and nothing more: Grafana passes the DataSource as
 * `props.datasource`, and it implements this, so the editors never depend on the datasource module itself.
 */
export interface EditorServices {
  /** The datasource's schema (labels, relationship types, property keys), shared by all its editors. */
  readonly schema: Pick<SchemaCache, 'peek' | 'get' | 'refresh'>;
  /** The row cap and query timeout in force; undefined while the settings are invalid. */
  limits(): Limits | undefined;
  /** The variables a query will see: the dashboard's, then the values it carries. */
  dashboardVariables(carried?: Record<string, VariableValue>): VariableSource;
}

/** Grafana's editor props with the datasource seen through EditorServices. */
export type MemgraphEditorProps = Omit<
  QueryEditorProps<DataSourceApi<MemgraphQuery, MemgraphSettings>, MemgraphQuery, MemgraphSettings>,
  'datasource'
> & { datasource: EditorServices };

/**
 * An editor as Grafana registers it, typed with the datasource class: any datasource that serves EditorServices
 * will do (only React's propTypes typing, which the editors do not use, keeps TypeScript from seeing that).
 */
export function forDatasource<DS extends DataSourceApi<MemgraphQuery, MemgraphSettings> & EditorServices>(
  editor: ComponentType<MemgraphEditorProps>
): ComponentType<QueryEditorProps<DS, MemgraphQuery, MemgraphSettings>> {
  return editor as ComponentType<QueryEditorProps<DS, MemgraphQuery, MemgraphSettings>>;
}
