import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** The repository root (this package lives in deploy/stack-checks). */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

export const repoPath = (...parts: string[]) => path.join(REPO_ROOT, ...parts);

export const readText = (relativePath: string) => fs.readFileSync(repoPath(relativePath), 'utf8');

export const readYaml = <T = unknown>(relativePath: string): T => parse(readText(relativePath)) as T;

export const readJson = <T = unknown>(relativePath: string): T => JSON.parse(readText(relativePath)) as T;

/** Files of a repository folder with the given extensions (none when the folder does not exist yet). */
export function listFiles(relativeDir: string, extensions: string[]): string[] {
  const dir = repoPath(relativeDir);
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs
    .readdirSync(dir)
    .filter((name) => extensions.some((ext) => name.endsWith(ext)))
    .sort()
    .map((name) => path.join(relativeDir, name));
}

/** The stack's plugins: their folder under plugins/ and their src/plugin.json. */
export function pluginManifests(): Array<{ folder: string; id: string; grafanaDependency: string }> {
  return fs
    .readdirSync(repoPath('plugins'))
    .filter((folder) => fs.existsSync(repoPath('plugins', folder, 'src/plugin.json')))
    .sort()
    .map((folder) => {
      const manifest = readJson<{ id: string; dependencies: { grafanaDependency: string } }>(`plugins/${folder}/src/plugin.json`);
      return { folder, id: manifest.id, grafanaDependency: manifest.dependencies.grafanaDependency };
    });
}
