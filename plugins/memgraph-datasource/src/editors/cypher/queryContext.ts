import { TIME_PARAMETER_DESCRIPTIONS, type BindingVariables, type CypherText } from '@opentruss/cypher';

import type { VariableValue } from '../../query/variables';
import type { GraphSchema } from '../../schema/graphSchema';

/** Parameters every query receives from the datasource (see query/timeParameters), with what they hold. */
export const BUILT_IN_PARAMETERS: Readonly<Record<string, CypherText>> = TIME_PARAMETER_DESCRIPTIONS;

/**
 * Grafana's global variables, which TemplateSrv resolves in panels (scoped values) although no dashboard lists
 * them; the editor must not call them unknown.
 */
export const GRAFANA_GLOBAL_VARIABLES: readonly string[] = [
  '__interval',
  '__rate_interval',
  '__range',
  '__range_ms',
  '__range_s',
  '__dashboard',
  '__user',
  '__org',
  '__timezone',
  '__name',
];

/** What the editor knows while checking and completing a query. */
export interface QueryContext {
  /** The dashboard's variable names; undefined when unknown (then no parameter is called missing). */
  variables?: readonly string[];
  /** A variable's current value, to check `${x:raw}` the way the datasource will. */
  variableValue?: (name: string) => VariableValue | undefined;
  /** The graph's names, once read from Memgraph. */
  schema?: GraphSchema;
}

/**
 * The variables as the binding engine sees them in the editor: the dashboard's and Grafana's global variables
 * (which a panel's TemplateSrv resolves) by name, values where the editor has them. With the list unknown every
 * value the editor can read still counts (the caller hides missing parameters then).
 */
export function editorVariables(context: QueryContext): BindingVariables {
  const names = context.variables && [...context.variables, ...GRAFANA_GLOBAL_VARIABLES];
  return {
    valueOf: (name) => (names === undefined || names.includes(name) ? context.variableValue?.(name) : undefined),
    names: () => names ?? [],
  };
}
