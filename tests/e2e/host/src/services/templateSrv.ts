// Dashboard variables as Grafana's TemplateSrv serves them to datasources: `$x`, `${x}`, `${x:format}`, `[[x]]`;
// scoped values (repeated panels) before dashboard values; multi-value and "All" as arrays; a format function
// receives the raw value. Unknown names stay as written, like Grafana.
import type { ScopedVars, TimeRange, TypedVariableModel } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

import type { HostVariableSpec } from '../api/types';

/** Grafana's variable syntax (public/app/features/variables/utils.ts `variableRegex`). */
const VARIABLE_PATTERN = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\${(\w+)(?:\.([^:^\}]+))?(?::([^\}]+))?}/g;
const ALL_VALUE = '$__all';

type FormatFunction = (value: unknown, variable?: unknown, fallback?: unknown) => string;

export class HostTemplateSrv implements TemplateSrv {
  private variables: HostVariableSpec[] = [];

  setVariables(variables: HostVariableSpec[]): void {
    this.variables = variables;
  }

  getVariables(): TypedVariableModel[] {
    return this.variables.map((variable) => this.model(variable));
  }

  containsTemplate(target?: string): boolean {
    return Boolean(target && [...target.matchAll(VARIABLE_PATTERN)].some((m) => this.find(nameOf(m))));
  }

  /** Grafana keeps the range for `$__from`-style built-ins; the datasource here sends those as its own parameters. */
  updateTimeRange(_timeRange: TimeRange): void {}

  replace(target?: string, scopedVars?: ScopedVars, format?: string | FormatFunction): string {
    if (!target) {
      return target ?? '';
    }
    return target.replace(VARIABLE_PATTERN, (match, ...groups: Array<string | undefined>) => {
      const [, , bracketFormat, , , braceFormat] = groups;
      const name = groups[0] ?? groups[1] ?? groups[3] ?? '';
      const scoped = scopedVars?.[name];
      const variable = this.find(name);
      if (!scoped && !variable) {
        return match;
      }
      const value = scoped ? scoped.value : this.valueOf(variable!);
      const fmt = braceFormat ?? bracketFormat ?? format;
      if (typeof fmt === 'function') {
        return fmt(value, variable && this.model(variable), undefined);
      }
      return Array.isArray(value) ? (fmt === 'csv' ? value.join(',') : `{${value.join(',')}}`) : String(value);
    });
  }

  private find(name: string): HostVariableSpec | undefined {
    return this.variables.find((variable) => variable.name === name);
  }

  private valueOf(variable: HostVariableSpec): string | string[] {
    const current = variable.current;
    if (current === ALL_VALUE || (Array.isArray(current) && current.includes(ALL_VALUE))) {
      return variable.options ?? [];
    }
    return variable.multi && !Array.isArray(current) ? [current] : current;
  }

  private model(variable: HostVariableSpec): TypedVariableModel {
    const value = variable.current;
    return {
      name: variable.name,
      type: 'custom',
      multi: Boolean(variable.multi),
      includeAll: (variable.options ?? []).length > 0,
      current: { text: value, value },
      options: (variable.options ?? []).map((option) => ({ text: option, value: option, selected: option === value })),
    } as unknown as TypedVariableModel;
  }
}

function nameOf(match: RegExpMatchArray): string {
  return match[1] ?? match[2] ?? match[4] ?? '';
}

export const templateSrv = new HostTemplateSrv();
