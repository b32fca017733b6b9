// Everything the generator writes, as (path relative to the plugin, content): the dashboards with their revisions,
// the revision record, and plugin.json with its includes. `npm run generate` writes them; a test compares them.
import fs from 'node:fs';
import path from 'node:path';
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { DASHBOARDS } from '../src/catalogue/dashboards';
import { DASHBOARD_BUILDERS } from './dashboards';
import { PLUGIN_JSON_FILE, PLUGIN_ROOT, REVISIONS_FILE, dashboardFile } from './paths';
import { withPanelDatasources } from './panels/datasources';
import { pluginIncludes } from './pluginIncludes';
import {
  PLUGIN_VERSIONS_FILE,
  parsePluginVersionRecord,
  revisionsOf,
  versionProblems,
  withVersion,
} from './pluginVersions';
import { contentHash, nextRevision, parseRevisionRecord, type RevisionRecord } from './revisions';

export interface GeneratedFile {
  path: string;
  content: string;
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

function readText(file: string, fallback: string): string {
  const full = path.join(PLUGIN_ROOT, file);
  return fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : fallback;
}

export interface GeneratedDashboards {
  dashboards: Array<{ uid: string; dashboard: Dashboard }>;
  record: RevisionRecord;
}

/** Builds every dashboard; a dashboard whose content differs from the record's hash gets the next revision. */
export function buildDashboards(previous: RevisionRecord): GeneratedDashboards {
  const record: RevisionRecord = {};
  const dashboards = DASHBOARDS.map(({ key, uid }) => {
    const builder = DASHBOARD_BUILDERS[key]();
    const entry = nextRevision(previous[uid], contentHash(withPanelDatasources(builder.build())));
    record[uid] = entry;
    return { uid, dashboard: withPanelDatasources(builder.revision(entry.revision).build()) };
  });
  return { dashboards, record };
}

/** plugin.json as committed, with `includes` replaced by the generated list (everything else is hand-written). */
function pluginJsonWithIncludes(): string {
  const pluginJson = JSON.parse(readText(PLUGIN_JSON_FILE, '{}')) as Record<string, unknown>;
  return json({ ...pluginJson, includes: pluginIncludes() });
}

/** The app's version: package.json's, which the build writes into plugin.json (`%VERSION%`). */
export function pluginVersion(): string {
  return (JSON.parse(readText('package.json', '{}')) as { version: string }).version;
}

export function generatedFiles(): GeneratedFile[] {
  const previous = parseRevisionRecord(readText(REVISIONS_FILE, '{}'));
  const { dashboards, record } = buildDashboards(previous);
  const versions = parsePluginVersionRecord(readText(PLUGIN_VERSIONS_FILE, '{}'));
  return [
    ...dashboards.map(({ uid, dashboard }) => ({ path: `src/${dashboardFile(uid)}`, content: json(dashboard) })),
    { path: REVISIONS_FILE, content: json(record) },
    { path: PLUGIN_VERSIONS_FILE, content: json(withVersion(versions, pluginVersion(), revisionsOf(record))) },
    { path: PLUGIN_JSON_FILE, content: pluginJsonWithIncludes() },
  ];
}

/** What stops Grafana from re-importing the committed dashboards (see pluginVersions.ts); empty when nothing. */
export function committedVersionProblems(): string[] {
  return versionProblems({
    record: parsePluginVersionRecord(readText(PLUGIN_VERSIONS_FILE, '{}')),
    version: pluginVersion(),
    revisions: revisionsOf(parseRevisionRecord(readText(REVISIONS_FILE, '{}'))),
    changelog: readText('CHANGELOG.md', ''),
  });
}
