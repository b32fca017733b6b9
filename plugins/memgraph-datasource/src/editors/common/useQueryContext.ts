import { useCallback, useEffect, useMemo, useState } from 'react';

import type { EditorServices } from '../editorServices';
import type { GraphSchema } from '../../schema/graphSchema';
import type { VariableValue } from '../../query/variables';
import type { QueryContext } from '../cypher/queryContext';

export interface SchemaState {
  schema?: GraphSchema;
  loading: boolean;
  error?: string;
}

/**
 * The editors' view of the datasource: the dashboard's variables (and those the query carries from the dashboard
 * it left, in Explore) and the cached schema, with a refresh that reads the schema again from Memgraph.
 */
export function useQueryContext(
  datasource: EditorServices,
  carried?: Record<string, VariableValue>
): {
  context: QueryContext;
  schemaState: SchemaState;
  refreshSchema: () => void;
} {
  const [schemaState, setSchemaState] = useState<SchemaState>({ schema: datasource.schema.peek(), loading: true });
  const follow = useCallback((read: Promise<GraphSchema>) => {
    let current = true;
    read.then(
      (schema) => current && setSchemaState({ schema, loading: false }),
      (error: Error) => current && setSchemaState((state) => ({ ...state, loading: false, error: error.message }))
    );
    return () => {
      current = false;
    };
  }, []);
  useEffect(() => follow(datasource.schema.get()), [datasource, follow]);
  const refreshSchema = useCallback(() => {
    setSchemaState((state) => ({ ...state, loading: true, error: undefined }));
    follow(datasource.schema.refresh());
  }, [datasource, follow]);

  const variables = useMemo(() => dashboardVariableNames(datasource, carried), [datasource, carried]);
  const context = useMemo<QueryContext>(
    () => ({
      variables,
      variableValue: (name) => datasource.dashboardVariables(carried).valueOf(name),
      schema: schemaState.schema,
    }),
    [datasource, carried, variables, schemaState.schema]
  );
  return { context, schemaState, refreshSchema };
}

/** Undefined when Grafana's TemplateSrv is not available (then no parameter is called missing). */
function dashboardVariableNames(datasource: EditorServices, carried?: Record<string, VariableValue>): string[] | undefined {
  try {
    return datasource.dashboardVariables(carried).names?.();
  } catch {
    return undefined;
  }
}
