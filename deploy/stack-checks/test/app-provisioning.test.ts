import semver from 'semver';
import {
  dockerfileCopiesFrom,
  dockerfileEnv,
  dockerfileStages,
  imageVersion,
  listFiles,
  pluginManifests,
  readText,
  readYaml,
  repoPath,
  resolvedCompose,
} from '../src';

// Grafana refuses to start when a provisioned app is not loaded ("plugin not installed", from its app
// provisioning's config reader). Every link of that chain is checked here, and an override starts Grafana
// without the app provisioning when one breaks anyway.
const WITHOUT_APP_PROVISIONING = 'deploy/compose/without-app-provisioning.yml';
const grafana = resolvedCompose().services.grafana;
const dockerfile = grafana.build!.dockerfile!;
const provisionedApps = listFiles('provisioning/plugins', ['.yaml', '.yml']).flatMap(
  (file) => readYaml<{ apps?: Array<{ type: string; disabled?: boolean }> }>(file).apps ?? []
);

describe('the provisioned app is one Grafana loads', () => {
  it.each(provisionedApps.map((app) => [app.type]))('%s: shipped in the image, allowed unsigned, made for this Grafana', (id) => {
    const plugin = pluginManifests().find((p) => p.id === id);
    expect(`${id} is a plugin of this repository: ${Boolean(plugin)}`).toBe(`${id} is a plugin of this repository: true`);
    const pluginsPath = dockerfileEnv(dockerfile).GF_PATHS_PLUGINS;
    expect(dockerfileCopiesFrom(dockerfile)).toContainEqual(
      expect.objectContaining({ source: `/src/plugins/${plugin!.folder}/dist`, destination: `${pluginsPath}/${id}` })
    );
    expect(grafana.environment!.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS.split(',')).toContain(id);
    const grafanaVersion = imageVersion(dockerfileStages(dockerfile).find((s) => s.image.startsWith('grafana/'))!.image);
    expect(semver.satisfies(grafanaVersion, plugin!.grafanaDependency)).toBe(true);
    // Nothing in the compose file moves Grafana's plugins folder away from the image's.
    expect(grafana.environment).not.toHaveProperty('GF_PATHS_PLUGINS');
  });

  it('is provisioned at all (so the checks above check something)', () => {
    expect(provisionedApps.map((a) => a.type)).toContain('opentruss-app');
  });
});

describe('starting Grafana without the app provisioning', () => {
  const without = resolvedCompose({ files: [WITHOUT_APP_PROVISIONING] }).services.grafana;

  it('lays an empty folder over provisioning/plugins and keeps the rest of provisioning/', () => {
    expect(without.tmpfs).toEqual(['/etc/grafana/provisioning/plugins']);
    const byTarget = (volumes: typeof grafana.volumes) => [...(volumes ?? [])].sort((a, b) => a.target.localeCompare(b.target));
    expect(byTarget(without.volumes)).toEqual(byTarget(grafana.volumes));
    expect(without.volumes).toContainEqual({ type: 'bind', source: repoPath('provisioning'), target: '/etc/grafana/provisioning', read_only: true });
    expect(grafana.tmpfs).toBeUndefined();
  });

  it('is documented where Grafana does not start, with what to check first', () => {
    const operations = readText('docs/operations.md');
    const section = operations.slice(operations.indexOf('### When Grafana does not start'));
    expect(section.length).toBeLessThan(operations.length);
    expect(section).toContain('plugin not installed');
    expect(section).toContain(`docker compose -f docker-compose.yml -f ${WITHOUT_APP_PROVISIONING} up --build`);
    expect(section).toContain('docker compose logs grafana');
  });
});
