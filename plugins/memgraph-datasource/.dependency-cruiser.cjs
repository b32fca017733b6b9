// The plugin's layers point down: model/ at the bottom, connection/ and frames/ on it, the datasource's wiring at the
// top. src/layers.test.ts cruises src/ with these rules and fails on any violation.
const TESTS = '\\.test\\.tsx?$';

/** A rule: modules under `from` (tests excepted) never import modules matching `to`. */
const forbid = (name, comment, from, to) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from, pathNot: TESTS },
  to: { path: to },
});

module.exports = {
  forbidden: [
    {
      name: 'model-imports-nothing-of-the-plugin',
      comment: 'model/ is the neutral layer: statement and result types every other layer shares.',
      severity: 'error',
      from: { path: '^src/model/', pathNot: TESTS },
      to: { path: '^src/', pathNot: '^src/model/' },
    },
    forbid(
      'connection-points-down',
      'The connection runs statements and returns results; what becomes of them is decided above it.',
      '^src/connection/',
      '^src/(frames|editors|variables|annotations|health|schema|query)/|^src/(datasource|module)\\.ts$'
    ),
    forbid(
      'frames-point-down',
      'Frames are built from results (model/), never from the connection, the editors or the datasource.',
      '^src/frames/',
      '^src/(connection|editors|variables|annotations|health|schema)/|^src/(datasource|module)\\.ts$'
    ),
    forbid(
      'editors-never-import-the-datasource',
      'Editors see their datasource through EditorServices (editors/editorServices.ts).',
      '^src/editors/',
      '^src/(datasource|module)\\.ts$'
    ),
    forbid(
      'variables-never-import-the-datasource',
      'Variable support sees its datasource through VariableDatasource (variables/variableSupport.ts).',
      '^src/variables/',
      '^src/(datasource|module)\\.ts$'
    ),
    forbid(
      'test-helpers-stay-out-of-the-product',
      'src/testing/ serves tests and the public testing entry; the plugin never imports it.',
      '^src/(?!testing/)',
      '^src/testing/'
    ),
    {
      name: 'no-cycles',
      comment: 'A cycle is an arrow pointing up somewhere.',
      severity: 'error',
      from: { pathNot: TESTS },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/img/' },
    // `import type` counts: a type import is an arrow between layers too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
