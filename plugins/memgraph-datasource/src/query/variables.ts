import type { ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';
import type { MemgraphVariableValue } from '@opentruss/contract';

/** A variable's current value as Grafana hands it over: one value, or a list for multi-value and "All". */
export type VariableValue = MemgraphVariableValue;

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
 *
 * Grafana hands a few values over already formatted, WITHOUT calling the format function: a custom "All" value
 * (scenes' CustomAllValue and the legacy TemplateSrv alike return that text as it is) and some global macros.
 * Then the text `replace()` returned is the value; only a reference left as written means "no such variable".
 */
export function templateSrvVariables(templateSrv: TemplateSrv, scopedVars?: ScopedVars): VariableSource {
  return {
    names: () => templateSrv.getVariables().map((variable) => variable.name),
    valueOf(name: string): VariableValue | undefined {
      const reference = `\${${name}}`;
      let captured: { value: VariableValue } | undefined;
      const text = templateSrv.replace(reference, scopedVars, (value: VariableValue) => {
        captured = { value };
        return '';
      });
      if (captured) {
        return captured.value;
      }
      return text === reference ? undefined : text;
    },
  };
}
