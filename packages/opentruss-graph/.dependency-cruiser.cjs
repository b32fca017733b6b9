// opentruss-graph's layers, bottom first: vocabulary/ (labels, properties, statuses), demo-graph/ (the generated demo
// graph), load/ (statements that write it), queries/ (the read queries the app runs), then the entry index.ts; queries
// never import load (reading never depends on how the demo graph is written), and src/ never imports scripts/.
// src/layers.test.ts cruises src/ and scripts/ with these rules and plants one violation of each.
const { forbid, layersPointDown, noCycles, options } = require('@opentruss/tooling/layers/rules');

module.exports = {
  forbidden: [
    ...layersPointDown(
      [
        ['vocabulary', '^src/vocabulary/'],
        ['demo-graph', '^src/demo-graph/'],
        ['load', '^src/load/'],
        ['queries', '^src/queries/'],
        ['entry', '^src/index\\.ts$'],
      ],
      (layer, above) => `${layer} sits below ${above.join(', ')}: it never imports them.`
    ),
    forbid('queries-never-import-load', 'Reading never depends on how the demo graph is written.', '^src/queries/', '^src/load/'),
    forbid('src-never-imports-scripts', 'scripts/ are command-line entries built on src/.', '^src/', '^scripts/'),
    noCycles('^(src|scripts)/'),
  ],
  options,
};
