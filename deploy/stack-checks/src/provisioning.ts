import { parse } from 'yaml';
import { listFiles, readYaml } from './repo';

export interface ProvisionedDatasource {
  name: string;
  uid: string;
  type: string;
}

export function provisionedDatasources(): ProvisionedDatasource[] {
  return listFiles('provisioning/datasources', ['.yaml', '.yml']).flatMap(
    (file) => readYaml<{ datasources?: ProvisionedDatasource[] }>(file).datasources ?? []
  );
}

/** Every provisioning file (datasources, plugins, alerting, …), relative to the repository. */
export function provisioningFiles(): string[] {
  return ['datasources', 'plugins', 'alerting', 'dashboards'].flatMap((dir) => listFiles(`provisioning/${dir}`, ['.yaml', '.yml']));
}

/**
 * Environment variables Grafana expands in a provisioning file's values. Grafana uses Go's os.ExpandEnv (`$VAR`,
 * `${VAR}`) after splitting on `$$` (a literal `$`); `$__env{…}`/`$__file{…}` are its own expanders. Alert
 * annotations and notification templates are exempt (they hold `{{ $labels.x }}` templating); newer Grafana
 * versions expand only braced `${VAR}` there, so those are collected too.
 */
export function grafanaExpandedVariables(yamlText: string): string[] {
  const names: string[] = [];
  const visit = (value: unknown, templated: boolean): void => {
    if (typeof value === 'string') {
      const pattern = templated ? /\$\{([^}]*)\}/g : /\$(?:\{([^}]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g;
      names.push(...value.split('$$').flatMap((part) => [...part.matchAll(pattern)].map((m) => m[1] ?? m[2])));
    } else if (Array.isArray(value)) {
      value.forEach((item) => visit(item, templated));
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        visit(child, templated || key === 'annotations' || key === 'template');
      }
    }
  };
  visit(parse(yamlText), false);
  return [...new Set(names.filter((name) => !name.startsWith('__')))].sort();
}

/** The files a provisioning file's values read through Grafana's `$__file{path}` expander (comments are not values). */
export function grafanaFileReferences(yamlText: string): string[] {
  const files: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      files.push(...[...value.matchAll(/\$__file\{([^}]+)\}/g)].map((m) => m[1]));
    } else if (value && typeof value === 'object') {
      Object.values(value).forEach(visit);
    }
  };
  visit(parse(yamlText));
  return files;
}
