/** @jest-environment node */
// The committed dashboards against the app version that makes Grafana re-import them (dashboards-as-code/pluginVersions.ts).
import { committedVersionProblems, pluginVersion } from '../dashboards-as-code/outputs';

describe('app version of the committed dashboards', () => {
  it('is new whenever a dashboard revision is, and has a CHANGELOG section', () => {
    expect(pluginVersion()).toMatch(/^\d+\.\d+\.\d+/);
    expect(committedVersionProblems()).toEqual([]);
  });
});
