export interface Workspace {
  /** Folder relative to the repository root, e.g. `plugins/opentruss-app`. */
  dir: string;
  pkg: { name: string; version?: string; [key: string]: unknown };
}

export function repoRoot(start?: string): string;

export function listWorkspaces(root?: string): Workspace[];
