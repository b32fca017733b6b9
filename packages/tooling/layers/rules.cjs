// Building blocks of every package's .dependency-cruiser.cjs: one shape for a rule, the cycle rule, the test-helper
// rule and the options, so each package's config lists only its own layers. The test harness that cruises with these
// configs and plants violations is src/testing/layers.ts.

/** Tests may reach anything: the rules are about the product. */
const TESTS = '\\.test\\.tsx?$';

/** A rule: modules under `from` (tests excepted) never import modules matching `to`. */
const forbid = (name, comment, from, to, toPathNot) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from, pathNot: TESTS },
  to: toPathNot ? { path: to, pathNot: toPathNot } : { path: to },
});

/**
 * Layers listed bottom first: no module in a layer imports a module of any layer above it. Each layer is
 * `[name, path]` (a regular expression under src/), or `[name, path, allowed]` where `allowed` matches the few modules
 * above that the layer may still import, with the reason in the package's config. Rules are named `<layer>-points-down`.
 */
const layersPointDown = (layers, comment) =>
  layers.slice(0, -1).map(([name, path, allowed], i) =>
    forbid(
      `${name}-points-down`,
      comment(name, layers.slice(i + 1).map(([above]) => above)),
      path,
      layers.slice(i + 1).map(([, above]) => `(${above})`).join('|'),
      allowed
    )
  );

/** No cycle among the package's own modules (those matching `from`). */
const noCycles = (from = '^src/') => ({
  name: 'no-cycles',
  comment: 'A cycle is an arrow pointing up somewhere.',
  severity: 'error',
  from: { path: from, pathNot: TESTS },
  to: { circular: true },
});

/** `testing` (a folder under src/) serves tests and the package's testing entry; the product never imports it. */
const testHelpersStayOut = (testing = '^src/testing/') =>
  forbid(
    'test-helpers-stay-out-of-the-product',
    `${testing} serves tests and the testing entry; product modules never import it.`,
    `^src/(?!${testing.replace(/^\^src\//, '')})`,
    testing
  );

/** index.ts only re-exports: a module imports the module that defines what it needs, never the entry. */
const modulesNeverImportTheEntry = () =>
  forbid(
    'modules-never-import-the-entry',
    'index.ts only re-exports; a module imports the module that defines what it needs.',
    '^src/(?!index\\.ts$)',
    '^src/index\\.ts$'
  );

/** Workspaces that exist only to support tests (real drivers, raw clients, value fixtures). */
const TEST_SUPPORT_WORKSPACES = ['bolt-testing'];

/** Product modules (`from`) never import a test-support workspace: a package's run-time code must not need them. */
const testSupportStaysOut = (from = '^src/') =>
  forbid(
    'test-support-packages-stay-out-of-the-product',
    `${TEST_SUPPORT_WORKSPACES.join(', ')} serve tests only; product modules never import them.`,
    from,
    `^\\.\\./(${TEST_SUPPORT_WORKSPACES.join('|')})/`
  );

const options = {
  // Each package checks its own layers: other workspaces (reached through node_modules links as ../<package>) are
  // seen as imports but not cruised.
  doNotFollow: { path: ['node_modules', '^\\.\\./'] },
  // `import type` counts: a type import is an arrow between layers too.
  tsPreCompilationDeps: true,
  tsConfig: { fileName: 'tsconfig.json' },
};

module.exports = {
  TESTS,
  forbid,
  layersPointDown,
  modulesNeverImportTheEntry,
  noCycles,
  testHelpersStayOut,
  testSupportStaysOut,
  options,
};
