import semver from 'semver';
import { listWorkspaces } from '@opentruss/tooling/workspaces';
import { REPO_ROOT, dockerfileEnv, dockerfileInstructions, dockerfileStages, imageVersion, pluginManifests, readJson, resolvedCompose } from '../src';

const grafana = resolvedCompose().services.grafana;
const DOCKERFILE = grafana.build!.dockerfile!;
const steps = dockerfileInstructions(DOCKERFILE);
const firstStageEnd = steps.findIndex(([keyword], index) => index > 0 && keyword === 'FROM');
const buildStage = steps.slice(0, firstStageEnd);
const installAt = buildStage.findIndex(([keyword, args]) => keyword === 'RUN' && args.slice(0, 2).join(' ') === 'npm ci');
const install = buildStage[installAt]?.[1] ?? [];
const workspaces = listWorkspaces(REPO_ROOT);
const pluginFolders = pluginManifests().map((p) => `plugins/${p.folder}`);

/** The values of every `--workspace <dir>` / `--workspace=<dir>` / `-w <dir>` of an npm command line. */
function workspaceArgs(args: string[]): string[] {
  return args.flatMap((arg, i) => {
    if (arg.startsWith('--workspace=')) {
      return [arg.slice('--workspace='.length)];
    }
    return arg === '--workspace' || arg === '-w' ? [args[i + 1]] : [];
  });
}

/** Workspaces reached from `roots` through dependencies and devDependencies on other workspaces. */
function workspaceClosure(roots: string[]): Set<string> {
  const byName = new Map(workspaces.map((w) => [w.pkg.name, w]));
  const reached = new Set<string>();
  const visit = (dir: string) => {
    if (reached.has(dir)) {
      return;
    }
    reached.add(dir);
    const { pkg } = workspaces.find((w) => w.dir === dir)!;
    const deps = { ...(pkg.dependencies as object), ...(pkg.devDependencies as object) };
    Object.keys(deps).forEach((name) => byName.has(name) && visit(byName.get(name)!.dir));
  };
  roots.forEach(visit);
  return reached;
}

describe('Grafana image build (deploy/grafana/Dockerfile)', () => {
  it('runs npm ci in the build stage', () => {
    expect(firstStageEnd).toBeGreaterThan(0);
    expect(installAt).toBeGreaterThan(0);
  });

  it('copies only the manifests before npm ci, so a source edit does not reinstall: the lock and every package.json', () => {
    const copied = buildStage.slice(0, installAt).filter(([keyword]) => keyword === 'COPY').map(([, args]) => args);
    const expected = [['package.json', 'package-lock.json', './'], ...workspaces.map((w) => [`${w.dir}/package.json`, `${w.dir}/`])];
    const missing = expected.filter((line) => !copied.some((c) => c.join(' ') === line.join(' ')));
    expect(missing.map((line) => `add before npm ci: COPY ${line.join(' ')}`)).toEqual([]);
    expect(copied.map((c) => c.join(' ')).sort()).toEqual(expected.map((e) => e.join(' ')).sort());
  });

  it('copies the sources only after the install, then builds the plugins', () => {
    const copyAll = buildStage.findIndex(([keyword, args]) => keyword === 'COPY' && args.join(' ') === '. .');
    const build = buildStage.findIndex(([keyword, args]) => keyword === 'RUN' && args.slice(0, 3).join(' ') === 'npm run build');
    expect(copyAll).toBeGreaterThan(installAt);
    expect(build).toBeGreaterThan(copyAll);
    expect(workspaceArgs(buildStage[build][1]).sort()).toEqual(pluginFolders);
  });

  it('installs only the plugins and the workspaces they use: no browser-test or benchmark dependencies', () => {
    expect(workspaceArgs(install).sort()).toEqual(pluginFolders);
    const reached = workspaceClosure(pluginFolders);
    for (const left of ['tests/e2e', 'bench']) {
      expect(workspaces.map((w) => w.dir)).toContain(left);
      expect(`${left} reached from the plugins: ${reached.has(left)}`).toBe(`${left} reached from the plugins: false`);
    }
  });

  it("leaves out the root's devDependencies (its `node` would download a second Node) and builds on the image's Node of the same major", () => {
    // Without --workspace, npm ci installs the root package's devDependencies too.
    expect(workspaceArgs(install).length).toBeGreaterThan(0);
    expect(install).not.toContain('--include-workspace-root');
    expect(install).not.toContain('--workspaces');
    const rootNode = readJson<{ devDependencies: Record<string, string> }>('package.json').devDependencies.node;
    expect(rootNode).toBeDefined();
    const nodeImage = dockerfileStages(DOCKERFILE)[0].image;
    expect(nodeImage).toMatch(/^node:/);
    expect(semver.major(imageVersion(nodeImage))).toBe(semver.major(semver.coerce(rootNode)!));
  });

  it("switches off Grafana's download of its default preinstalled apps at every start (offline hosts)", () => {
    expect(dockerfileEnv(DOCKERFILE).GF_PLUGINS_PREINSTALL_DISABLED).toBe('true');
    expect(grafana.environment).not.toHaveProperty('GF_PLUGINS_PREINSTALL_DISABLED');
    expect(grafana.environment).not.toHaveProperty('GF_PLUGINS_PREINSTALL');
    expect(grafana.environment).not.toHaveProperty('GF_INSTALL_PLUGINS');
  });
});
