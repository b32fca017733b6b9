import type { VariableValue } from '../../query/variables';
import type { GraphSchema } from '../../schema/graphSchema';

/** Parameters every query receives from the datasource (see query/timeParameters). */
export const BUILT_IN_PARAMETERS: Readonly<Record<string, string>> = {
  __from: 'Start of the dashboard time range, epoch milliseconds (integer)',
  __to: 'End of the dashboard time range, epoch milliseconds (integer)',
  __interval_ms: "The panel's interval in milliseconds (integer)",
  __datasource_timezone: "The datasource's time zone (IANA name), in which the time macros read a Date",
};

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

export function isKnownParameter(name: string, context: QueryContext): boolean {
  return (
    name in BUILT_IN_PARAMETERS ||
    GRAFANA_GLOBAL_VARIABLES.includes(name) ||
    context.variables === undefined ||
    context.variables.includes(name)
  );
}
