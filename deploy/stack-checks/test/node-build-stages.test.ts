import semver from 'semver';
import { listWorkspaces } from '@opentruss/tooling/workspaces';
import { REPO_ROOT, dockerfileInstructions, dockerfileStages, imageVersion, pluginManifests, readJson, resolvedCompose } from '../src';

const workspaces = listWorkspaces(REPO_ROOT);

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

/**
 * The images whose first stage installs from the lock file and builds with npm: what each builds, and the
 * workspaces that must not be installed for it.
 */
const IMAGES = [
  {
    dockerfile: 'deploy/grafana/Dockerfile',
    build: 'npm run build',
    builds: pluginManifests().map((p) => `plugins/${p.folder}`),
    leftOut: ['tests/e2e', 'bench'],
  },
  {
    dockerfile: 'deploy/demo-services/Dockerfile',
    build: 'npm run bundle',
    builds: ['deploy/backup', 'deploy/business-exporter', 'deploy/demo-data', 'deploy/demo-metrics', 'deploy/replication', 'deploy/secrets-init', 'packages/bolt-gateway'],
    leftOut: ['tests/e2e', 'bench', 'plugins/memgraph-datasource', 'plugins/opentruss-app'],
  },
];

describe.each(IMAGES)('$dockerfile: the npm build stage', ({ dockerfile, build, builds, leftOut }) => {
  const steps = dockerfileInstructions(dockerfile);
  const firstStageEnd = steps.findIndex(([keyword], index) => index > 0 && keyword === 'FROM');
  const buildStage = steps.slice(0, firstStageEnd);
  const installAt = buildStage.findIndex(([keyword, args]) => keyword === 'RUN' && args.slice(0, 2).join(' ') === 'npm ci');
  const install = buildStage[installAt]?.[1] ?? [];

  it('runs npm ci in the first stage', () => {
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

  it(`copies the sources only after the install, then runs ${build} for exactly what the image carries`, () => {
    const copyAll = buildStage.findIndex(([keyword, args]) => keyword === 'COPY' && args.join(' ') === '. .');
    const buildAt = buildStage.findIndex(([keyword, args]) => keyword === 'RUN' && args.slice(0, 3).join(' ') === build);
    expect(copyAll).toBeGreaterThan(installAt);
    expect(buildAt).toBeGreaterThan(copyAll);
    expect(workspaceArgs(buildStage[buildAt][1]).sort()).toEqual(builds);
  });

  it(`installs only what it builds and the workspaces those use: not ${leftOut.join(', ')}`, () => {
    expect(workspaceArgs(install).sort()).toEqual(builds);
    const reached = workspaceClosure(builds);
    for (const left of leftOut) {
      expect(workspaces.map((w) => w.dir)).toContain(left);
      expect(`${left} reached: ${reached.has(left)}`).toBe(`${left} reached: false`);
    }
  });

  it("leaves out the root's devDependencies (its `node` would download a second Node) and builds on the image's Node of the same major", () => {
    // Without --workspace, npm ci installs the root package's devDependencies too.
    expect(workspaceArgs(install).length).toBeGreaterThan(0);
    expect(install).not.toContain('--include-workspace-root');
    expect(install).not.toContain('--workspaces');
    const rootNode = readJson<{ devDependencies: Record<string, string> }>('package.json').devDependencies.node;
    expect(rootNode).toBeDefined();
    const nodeImage = dockerfileStages(dockerfile)[0].image;
    expect(nodeImage).toMatch(/^node:/);
    expect(semver.major(imageVersion(nodeImage))).toBe(semver.major(semver.coerce(rootNode)!));
  });
});

describe('the npm build stages', () => {
  it('cover every Dockerfile the stack builds from, in every profile', () => {
    const { services } = resolvedCompose({ profiles: ['demo', 'tls'] });
    const built = new Set(Object.values(services).flatMap((service) => (service.build?.dockerfile ? [service.build.dockerfile] : [])));
    expect([...built].sort()).toEqual(IMAGES.map((image) => image.dockerfile).sort());
  });
});
