import type { ScopedVars, TimeRange, TypedVariableModel } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

import { formatValue, glob, type RawValue } from './formats';

/** One dashboard variable as a test sets it up. */
export interface FakeVariable {
  name: string;
  /** The selected value(s): a string, or a list for multi-value; `$__all` (alone or in a list) for "All". */
  current: string | string[];
  /** Every option's value: what "All" expands to when there is no custom all value. */
  options?: string[];
  multi?: boolean;
  /** Whether the variable offers "All"; by default, when "All" is selected or a custom all value is set. */
  includeAll?: boolean;
  /** A custom all value: Grafana hands this text over for "All", as it is, and never to a format function. */
  allValue?: string;
}

type FormatFunction = (value: unknown, variable?: unknown, fallback?: unknown) => string;

/** Grafana's variable syntax (variableRegex in Grafana's public/app/features/variables/utils.ts and in scenes). */
const VARIABLE_PATTERN = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\${(\w+)(?:\.([^:^\}]+))?(?::([^\}]+))?}/g;
const ALL_VALUE = '$__all';
const ALL_TEXT = 'All';

/** What a name stands for: a value, "All" expanded to every option, or a custom all value (already formatted text). */
type Resolved =
  { kind: 'value'; value: RawValue } | { kind: 'all'; value: string[] } | { kind: 'customAll'; text: string };

/**
 * A TemplateSrv with Grafana's interpolation semantics (@grafana/scenes' sceneInterpolator, which Grafana's
 * TemplateSrv delegates to on dashboards) for what the datasource and the editors use: `$x`, `${x}`,
 * `${x:format}`, `[[x]]`, `[[x:format]]`; scoped values (repeated panels) before the dashboard's; multi-value and
 * "All" as lists; a format function receiving the raw value, except for a custom all value, whose text replaces the
 * reference as it is. Unknown names stay as written, and so does `${x.field}`: the datasource refuses field paths
 * itself, so the fake does not model them. The variables can be replaced at any time (the browser tests' host page
 * switches dashboards that way).
 */
export class FakeTemplateSrv implements TemplateSrv {
  constructor(private variables: FakeVariable[] = []) {}

  setVariables(variables: FakeVariable[]): void {
    this.variables = variables;
  }

  getVariables(): TypedVariableModel[] {
    return this.variables.map(variableModel);
  }

  containsTemplate(target?: string): boolean {
    return Boolean(target && [...target.matchAll(VARIABLE_PATTERN)].some((match) => this.find(referencedName(match))));
  }

  /** Grafana keeps the range for `$__from`-style built-ins; the datasource sends those as its own parameters. */
  updateTimeRange(_timeRange: TimeRange): void {}

  replace(target?: string, scopedVars?: ScopedVars, format?: string | FormatFunction): string {
    if (!target) {
      return target ?? '';
    }
    return target.replace(VARIABLE_PATTERN, (match, ...groups: Array<string | undefined>) => {
      const [, , bracketFormat, , fieldPath, braceFormat] = groups;
      if (fieldPath !== undefined) {
        return match;
      }
      const name = referencedName([match, ...groups] as RegExpMatchArray);
      const resolved = this.resolve(name, scopedVars);
      if (!resolved) {
        return match;
      }
      const fmt = braceFormat ?? bracketFormat ?? format;
      if (resolved.kind === 'customAll') {
        return fmt === 'text' ? ALL_TEXT : resolved.text;
      }
      if (typeof fmt === 'function') {
        const variable = this.find(name);
        return fmt(resolved.value, variable ? variableModel(variable) : { name }, glob);
      }
      return resolved.kind === 'all' && fmt === 'text' ? ALL_TEXT : formatValue(resolved.value, fmt);
    });
  }

  private find(name: string): FakeVariable | undefined {
    return this.variables.find((variable) => variable.name === name);
  }

  private resolve(name: string, scopedVars?: ScopedVars): Resolved | undefined {
    const scoped = scopedVars?.[name]?.value as RawValue | null | undefined;
    if (scoped !== undefined && scoped !== null) {
      return { kind: 'value', value: scoped };
    }
    const variable = this.find(name);
    if (!variable) {
      return undefined;
    }
    if (!selectsAll(variable)) {
      return { kind: 'value', value: variable.current };
    }
    return variable.allValue !== undefined
      ? { kind: 'customAll', text: variable.allValue }
      : { kind: 'all', value: variable.options ?? [] };
  }
}

/** A TemplateSrv serving these variables (unit tests: the datasource's variables, fixed for the test). */
export function fakeTemplateSrv(variables: FakeVariable[]): FakeTemplateSrv {
  return new FakeTemplateSrv(variables);
}

function referencedName(match: RegExpMatchArray): string {
  return match[1] ?? match[2] ?? match[4] ?? '';
}

function selectsAll(variable: FakeVariable): boolean {
  const current = variable.current;
  return current === ALL_VALUE || (Array.isArray(current) && current.includes(ALL_VALUE));
}

/** The variable as Grafana's getVariables() lists it: a custom variable, "All" first among the options. */
function variableModel(variable: FakeVariable): TypedVariableModel {
  const values = variable.options ?? [];
  const includeAll = variable.includeAll ?? (selectsAll(variable) || variable.allValue !== undefined);
  const selected = Array.isArray(variable.current) ? variable.current : [variable.current];
  const all = selectsAll(variable);
  const text = all ? ALL_TEXT : variable.current;
  const options = [...(includeAll ? [ALL_VALUE] : []), ...values].map((value) => ({
    text: value === ALL_VALUE ? ALL_TEXT : value,
    value,
    selected: all ? value === ALL_VALUE : selected.includes(value),
  }));
  return {
    name: variable.name,
    type: 'custom',
    query: values.join(','),
    multi: Boolean(variable.multi),
    includeAll,
    allValue: variable.allValue,
    current: {
      text: Array.isArray(variable.current) ? (all ? [ALL_TEXT] : variable.current) : text,
      value: variable.current,
    },
    options,
  } as unknown as TypedVariableModel;
}
