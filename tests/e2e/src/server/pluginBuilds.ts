// The built plugins the host serves unchanged: each plugin's dist/ (module.js, lazy chunks, plugin.json, img/).
import fs from 'node:fs';
import path from 'node:path';
import { PLUGIN_IDS } from '@opentruss/contract';

import { REPO_ROOT } from '../paths';

export interface PluginBuild {
  id: string;
  /** Folder relative to the repository root. */
  folder: string;
  distDir: string;
  /** dist/plugin.json (placeholders such as %VERSION% already replaced by the build). */
  pluginJson: {
    id: string;
    type: string;
    name: string;
    info: Record<string, unknown>;
    includes?: unknown[];
    languages?: string[];
  };
}

const PLUGIN_FOLDERS: Record<string, string> = {
  [PLUGIN_IDS.datasource]: 'plugins/memgraph-datasource',
  [PLUGIN_IDS.app]: 'plugins/opentruss-app',
};

/** Both plugin builds; a missing build is an error that says how to make it (never a silently skipped test). */
export function requirePluginBuilds(repoRoot: string = REPO_ROOT): Record<string, PluginBuild> {
  return Object.fromEntries(
    Object.entries(PLUGIN_FOLDERS).map(([id, folder]) => [id, pluginBuildIn(id, folder, path.join(repoRoot, folder, 'dist'))])
  );
}

/**
 * The build of `folder` in `distDir` (e.g. another commit's build for a before/after figure): its own plugin.json,
 * since what the host announces (languages, translation files) must be what that build ships.
 */
export function pluginBuildIn(id: string, folder: string, distDir: string): PluginBuild {
  if (!fs.existsSync(path.join(distDir, 'module.js'))) {
    throw new Error(
      `${folder}/dist/module.js is missing: the browser tests load the built plugins. ` +
        `Run \`npm run build\` at the repository root (or \`npm run build -w ${folder}\`) first.`
    );
  }
  const pluginJson = JSON.parse(fs.readFileSync(path.join(distDir, 'plugin.json'), 'utf8')) as PluginBuild['pluginJson'];
  return { id, folder, distDir, pluginJson };
}

/** The module's AMD dependencies: `define([...], factory)` at the top of the built module.js. */
export function amdDependencies(build: PluginBuild): string[] {
  const source = fs.readFileSync(path.join(build.distDir, 'module.js'), 'utf8');
  const match = /define\((\[[^\]]*\])/.exec(source);
  if (!match) {
    throw new Error(`${build.folder}/dist/module.js is not an AMD module (no define([...]))`);
  }
  return JSON.parse(match[1]) as string[];
}
