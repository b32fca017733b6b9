import type { ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

export interface FakeVariable {
  name: string;
  /** The current value: a string, or a list for multi-value; `$__all` for "All". */
  current: string | string[];
  /** Every option's value, used for "All" (Grafana expands it to all values when no custom all value is set). */
  options?: string[];
  /** A custom all value: Grafana hands this text over for "All", as it is, and never to a format function. */
  allValue?: string;
}

/** Grafana's custom all value: already formatted text that skips the caller's format function. */
class CustomAllValue {
  constructor(readonly text: string) {}
}

/**
 * A TemplateSrv with Grafana's interpolation semantics for what the datasource uses: `${name}` looked up in the
 * scoped vars first, then the dashboard variables; "All" expanded to every option; a format function receives the
 * raw value (an array for multi-value) and its return value replaces the reference, except for a custom all value,
 * whose text replaces the reference as it is (scenes' CustomAllValue.formatter and the legacy TemplateSrv both skip
 * the format function for it); unknown names stay as written.
 */
export function fakeTemplateSrv(variables: FakeVariable[]): TemplateSrv {
  const valueOf = (name: string, scopedVars?: ScopedVars): unknown => {
    const scoped = scopedVars?.[name];
    if (scoped && scoped.value !== undefined && scoped.value !== null) {
      return scoped.value;
    }
    const variable = variables.find((v) => v.name === name);
    if (!variable) {
      return undefined;
    }
    const isAll =
      variable.current === '$__all' || (Array.isArray(variable.current) && variable.current.includes('$__all'));
    if (!isAll) {
      return variable.current;
    }
    return variable.allValue !== undefined ? new CustomAllValue(variable.allValue) : (variable.options ?? []);
  };
  return {
    getVariables: () => variables.map((v) => ({ name: v.name }) as ReturnType<TemplateSrv['getVariables']>[number]),
    containsTemplate: (target?: string) => Boolean(target && /\$\{?\w+/.test(target)),
    updateTimeRange: () => undefined,
    replace(target = '', scopedVars?: ScopedVars, format?: string | Function): string {
      return target.replace(/\$\{(\w+)\}|\$(\w+)/g, (match, braced?: string, plain?: string) => {
        const value = valueOf((braced ?? plain)!, scopedVars);
        if (value === undefined) {
          return match;
        }
        if (value instanceof CustomAllValue) {
          return value.text;
        }
        if (typeof format === 'function') {
          return format(value, {}, () => '');
        }
        return Array.isArray(value) ? `{${value.join(',')}}` : String(value);
      });
    },
  };
}
