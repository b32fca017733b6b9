import { findVariableReferences } from '@opentruss/cypher';
import type { MemgraphQuery } from '@opentruss/contract';

import type { VariableSource, VariableValue } from './variables';

/**
 * Explore has no dashboard variables, so Grafana asks the datasource to resolve them into the queries it opens
 * there (`interpolateVariablesInQueries`, as its SQL datasources do). Here the values travel with the query as
 * data, `variableValues`, and still reach Memgraph as parameters; the Cypher text stays as written.
 *
 * Global variables (`__from`, `__interval`, `__user` …) are not carried: wherever the query runs supplies its own.
 */
export function withVariableValues(query: MemgraphQuery, variables: VariableSource): MemgraphQuery {
  let names: string[];
  try {
    names = findVariableReferences(query.cypher ?? '').map((reference) => reference.name);
  } catch {
    return query; // text that does not tokenise: running it reports the error
  }
  const values: Record<string, VariableValue> = {};
  for (const name of new Set(names)) {
    const value = name.startsWith('__') ? undefined : variables.valueOf(name);
    if (value !== undefined) {
      values[name] = value;
    }
  }
  return Object.keys(values).length ? { ...query, variableValues: { ...query.variableValues, ...values } } : query;
}

/** The variables a query sees: the dashboard's (or Explore's) own first, then the values it carries. */
export function withCarriedValues(
  variables: VariableSource,
  carried: Record<string, VariableValue> | undefined
): VariableSource {
  if (!carried || Object.keys(carried).length === 0) {
    return variables;
  }
  return {
    valueOf: (name) => variables.valueOf(name) ?? (Object.hasOwn(carried, name) ? carried[name] : undefined),
    names: () => [...new Set([...(variables.names?.() ?? []), ...Object.keys(carried)])],
  };
}
