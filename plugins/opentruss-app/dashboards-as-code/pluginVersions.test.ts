/** @jest-environment node */
import { parsePluginVersionRecord, versionProblems, withVersion } from './pluginVersions';

const released = { '0.1.0': { wall: 4, system: 3 } };
const changelog = '# Changelog\n\n## 0.1.1\n\n- Wall: a new panel.\n\n## 0.1.0 (Unreleased)\n\nInitial release.\n';

describe('plugin versions of the bundled dashboards', () => {
  it('accept unchanged dashboards under the recorded version', () => {
    expect(
      versionProblems({ record: released, version: '0.1.0', revisions: { wall: 4, system: 3 }, changelog })
    ).toEqual([]);
  });

  it('refuse a new revision under a recorded version, saying what to bump and to write a CHANGELOG entry', () => {
    const [problem, ...rest] = versionProblems({
      record: released,
      version: '0.1.0',
      revisions: { wall: 5, system: 3 },
      changelog,
    });
    expect(rest).toEqual([]);
    expect(problem).toContain('opentruss-app');
    expect(problem).toContain('wall (revision 4 → 5)');
    expect(problem).not.toContain('system');
    expect(problem).toContain('Bump "version" in plugins/opentruss-app/package.json (e.g. to 0.1.1)');
    expect(problem).toContain('add a "## 0.1.1" section to plugins/opentruss-app/CHANGELOG.md');
    expect(problem).toContain('npm run generate -w plugins/opentruss-app');
  });

  it('count an added or removed dashboard as a change', () => {
    const added = versionProblems({
      record: released,
      version: '0.1.0',
      revisions: { wall: 4, system: 3, capacity: 1 },
      changelog,
    });
    expect(added[0]).toContain('capacity (revision none → 1)');
    const removed = versionProblems({ record: released, version: '0.1.0', revisions: { wall: 4 }, changelog });
    expect(removed[0]).toContain('system (revision 3 → removed)');
  });

  it('suggest the version after the newest recorded one', () => {
    const record = { ...released, '0.2.0': { wall: 6, system: 3 } };
    const [problem] = versionProblems({ record, version: '0.1.0', revisions: { wall: 7, system: 3 }, changelog });
    expect(problem).toContain('(e.g. to 0.2.1)');
  });

  it('accept the bumped version once recorded, with its CHANGELOG section', () => {
    const record = withVersion(released, '0.1.1', { wall: 5, system: 3 });
    expect(record).toEqual({ '0.1.0': { wall: 4, system: 3 }, '0.1.1': { wall: 5, system: 3 } });
    expect(versionProblems({ record, version: '0.1.1', revisions: { wall: 5, system: 3 }, changelog })).toEqual([]);
  });

  it('never rewrite a recorded version, and keep versions in order', () => {
    expect(withVersion(released, '0.1.0', { wall: 9, system: 9 })).toBe(released);
    expect(Object.keys(withVersion({ '0.2.0': {}, '0.10.0': {} }, '0.3.0', {}))).toEqual(['0.2.0', '0.3.0', '0.10.0']);
  });

  it('require a CHANGELOG section for the current version, and refuse going back to an older one', () => {
    const record = withVersion(released, '0.1.2', { wall: 5, system: 3 });
    expect(versionProblems({ record, version: '0.1.2', revisions: { wall: 5, system: 3 }, changelog })).toEqual([
      'plugins/opentruss-app/CHANGELOG.md has no "## 0.1.2" section: say what this version changes.',
    ]);
    expect(versionProblems({ record, version: '0.1.0', revisions: { wall: 4, system: 3 }, changelog })).toEqual([
      'plugins/opentruss-app/package.json has version 0.1.0, older than 0.1.2 in dashboards-as-code/plugin-versions.json: versions only grow.',
    ]);
  });

  it('refuse a malformed record with a message naming the entry', () => {
    expect(() => parsePluginVersionRecord('[]')).toThrow('must be a JSON object');
    expect(() => parsePluginVersionRecord(JSON.stringify({ 'v-one': { wall: 1 } }))).toThrow('entry "v-one"');
    expect(() => parsePluginVersionRecord(JSON.stringify({ '0.1.0': { wall: 0 } }))).toThrow('entry "0.1.0"');
  });
});
