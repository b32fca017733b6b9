import type { ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

/** A variable's current value as Grafana hands it over: one value, or a list for multi-value and "All". */
export type VariableValue = string | number | boolean | Array<string | number | boolean>;

/** Where variable values come from; the Grafana implementation is below, tests may bring their own. */
export interface VariableSource {
  /** The value of the variable called `name`, or undefined when no such variable exists. */
  valueOf(name: string): VariableValue | undefined;
  /** The dashboard's variable names, when the source can list them (the editors complete and check with them). */
  names?(): string[];
}

/**
 * Reads values through Grafana's TemplateSrv — dashboard variables, repeated-panel and other scoped values alike —
 * without ever interpolating them into query text: `replace()` is asked for `${name}` with a custom format
 * function, which receives the raw value (an array for multi-value / All) and returns nothing.
 */
export function templateSrvVariables(templateSrv: TemplateSrv, scopedVars?: ScopedVars): VariableSource {
  return {
    names: () => templateSrv.getVariables().map((variable) => variable.name),
    valueOf(name: string): VariableValue | undefined {
      // The format function runs only for a variable that exists; an unknown name is left as text, uncaptured.
      let captured: VariableValue | undefined;
      templateSrv.replace(`\${${name}}`, scopedVars, (value: VariableValue) => {
        captured = value;
        return '';
      });
      return captured;
    },
  };
}
