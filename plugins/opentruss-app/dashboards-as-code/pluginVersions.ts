// Grafana re-imports an app's bundled dashboards only when the app's version differs from the one it last synced
// (grafana/grafana pkg/services/plugindashboards/service/dashboard_updater.go: `pluginDef.Info.Version !=
// pluginSetting.PluginVersion`), and then only those whose revision differs from the imported one. A new
// dashboard revision shipped under an already-released version never reaches an existing Grafana. So the
// committed record maps each plugin version to the dashboard revisions it ships; an entry, once written, never
// changes: new revisions need a new version (and a CHANGELOG entry saying what changed).
import semver from 'semver';
import type { RevisionRecord } from './revisions';

/** Plugin version → dashboard uid → revision. */
export type PluginVersionRecord = Record<string, Record<string, number>>;

export const PLUGIN_VERSIONS_FILE = 'dashboards-as-code/plugin-versions.json';

export function parsePluginVersionRecord(text: string): PluginVersionRecord {
  const value: unknown = JSON.parse(text);
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${PLUGIN_VERSIONS_FILE} must be a JSON object of plugin version → { dashboard uid: revision }`);
  }
  for (const [version, revisions] of Object.entries(value)) {
    const valid =
      semver.valid(version) &&
      revisions &&
      typeof revisions === 'object' &&
      Object.values(revisions).every((r) => Number.isInteger(r) && (r as number) >= 1);
    if (!valid) {
      throw new Error(
        `${PLUGIN_VERSIONS_FILE}: entry "${version}" must be a semver version → { dashboard uid: positive revision }`
      );
    }
  }
  return value as PluginVersionRecord;
}

/** The revisions of a revision record, by uid. */
export function revisionsOf(record: RevisionRecord): Record<string, number> {
  return Object.fromEntries(Object.entries(record).map(([uid, entry]) => [uid, entry.revision]));
}

/** The record with `version` added when it is new; a recorded version is never rewritten (see `versionProblems`). */
export function withVersion(
  record: PluginVersionRecord,
  version: string,
  revisions: Record<string, number>
): PluginVersionRecord {
  if (record[version]) {
    return record;
  }
  const versions = [...Object.keys(record), version].sort(semver.compare);
  return Object.fromEntries(versions.map((v) => [v, v === version ? revisions : record[v]]));
}

/** What the developer must do so Grafana re-imports the changed dashboards; empty when nothing. */
export function versionProblems(options: {
  record: PluginVersionRecord;
  version: string;
  revisions: Record<string, number>;
  changelog: string;
}): string[] {
  const { record, version, revisions, changelog } = options;
  const problems: string[] = [];
  const recorded = record[version];
  const changed = recorded
    ? Object.keys({ ...recorded, ...revisions })
        .filter((uid) => recorded[uid] !== revisions[uid])
        .sort()
    : [];
  const latest = Object.keys(record).sort(semver.compare).at(-1);
  if (changed.length > 0) {
    const next = semver.inc(latest && semver.gt(latest, version) ? latest : version, 'patch');
    problems.push(
      `Dashboard(s) ${changed.map((uid) => `${uid} (revision ${recorded[uid] ?? 'none'} → ${revisions[uid] ?? 'removed'})`).join(', ')} ` +
        `changed, but the app's version is still ${version}, which ${PLUGIN_VERSIONS_FILE} records with the old revisions: ` +
        `a Grafana that has run ${version} would never re-import them (it re-imports bundled dashboards only when the app ` +
        `version changes). Bump "version" in plugins/opentruss-app/package.json (e.g. to ${next}), add a "## ${next}" ` +
        `section to plugins/opentruss-app/CHANGELOG.md saying what changed on the dashboards, then run ` +
        `\`npm run generate -w plugins/opentruss-app\`.`
    );
  } else if (latest && semver.lt(version, latest)) {
    problems.push(
      `plugins/opentruss-app/package.json has version ${version}, older than ${latest} in ${PLUGIN_VERSIONS_FILE}: versions only grow.`
    );
  }
  if (!new RegExp(`^## ${version.replace(/\./g, '\\.')}\\b`, 'm').test(changelog)) {
    problems.push(`plugins/opentruss-app/CHANGELOG.md has no "## ${version}" section: say what this version changes.`);
  }
  return problems;
}
