import { listFiles, readText, readYaml } from './repo';

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
 * Environment variables Grafana would expand in a provisioning file. Grafana uses Go's os.ExpandEnv (`$VAR`,
 * `${VAR}`) after splitting on `$$` (a literal `$`); `$__env{…}`/`$__file{…}` are its own expanders.
 */
export function grafanaExpandedVariables(text: string): string[] {
  const names = text
    .split('$$')
    .flatMap((part) => [...part.matchAll(/\$(?:\{([^}]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g)].map((m) => m[1] ?? m[2]))
    .filter((name) => !name.startsWith('__'));
  return [...new Set(names)].sort();
}

export const provisioningText = (file: string) => readText(file);
