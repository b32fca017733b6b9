// Reading the repository's committed files from tests.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

export function repoPath(relative: string): string {
  return path.join(REPO_ROOT, relative);
}

export function readRepoFile(relative: string): string {
  return fs.readFileSync(repoPath(relative), 'utf8');
}

/** Parses a committed YAML file; duplicate keys and other YAML errors fail the test. */
export function readRepoYaml<T = unknown>(relative: string): T {
  return parse(readRepoFile(relative), { uniqueKeys: true }) as T;
}
