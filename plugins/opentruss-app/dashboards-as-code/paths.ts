// Where the generator's files live, relative to the plugin folder. Pure names with no I/O, so the modules that
// build content (pluginIncludes) can use them without importing the module that reads and writes the files.
import path from 'node:path';

/** The plugin's folder (this file is in <plugin>/dashboards-as-code). */
export const PLUGIN_ROOT = path.resolve(__dirname, '..');
export const REVISIONS_FILE = 'dashboards-as-code/revisions.json';
export const PLUGIN_JSON_FILE = 'src/plugin.json';

/** Where a dashboard lives, relative to src/ (what plugin.json `includes` name) and so in dist/. */
export function dashboardFile(uid: string): string {
  return `dashboards/${uid}.json`;
}
