// The package's layers point down, as a monitoring mixin's do: model.ts (vocabulary) at the bottom, config.ts (the
// one configuration) on it, lib/ (shared building blocks) above, one file per alert group in alerts/ combined by
// alerts/index.ts, and the consumers (panels, runbooks, rules/, generate/, bin/) on top.
// test/layers.test.ts cruises src/ with these rules (@opentruss/tooling's describeLayers) and plants one violation of each.

const { forbid, noCycles, options } = require('@opentruss/tooling/layers/rules');

module.exports = {
  forbidden: [
    forbid(
      'model-imports-nothing-of-the-package',
      'model.ts is the vocabulary every layer shares.',
      '^src/model\\.ts$',
      '^src/'
    ),
    forbid(
      'config-reads-only-the-model',
      'The config is data: selectors, thresholds, settings. Nothing it describes may shape it.',
      '^src/config\\.ts$',
      '^src/(?!model\\.ts$)'
    ),
    forbid(
      'lib-points-down',
      'lib/ builds expressions and texts from the config; it knows no alert, group or consumer.',
      '^src/lib/',
      '^src/(?!lib/|config\\.ts$|model\\.ts$)'
    ),
    forbid(
      'alert-groups-stand-alone',
      'A group file reads the config and lib/ only, never another group or the catalogue: adding a group is adding a file.',
      '^src/alerts/(?!index\\.ts$)',
      '^src/alerts/|^src/(?!lib/|config\\.ts$|model\\.ts$)'
    ),
    forbid(
      'catalogue-points-down',
      'The catalogue combines the groups; panels, runbooks, rules and generators consume it, never the reverse.',
      '^src/alerts/index\\.ts$',
      '^src/(panels|runbooks|notifications|index)\\.ts$|^src/(rules|generate|bin)/'
    ),
    forbid(
      'generated-module-imports-nothing',
      'The generated runbook module is plain data, so it can never close a circle.',
      '^src/runbook-markdown\\.generated\\.ts$',
      '^src/'
    ),
    forbid(
      'browser-safe-product-never-imports-generators',
      'Everything but generate/ and bin/ is browser-safe (the app bundles it); the generators write files.',
      '^src/(?!generate/|bin/)',
      '^src/(generate|bin)/'
    ),
    noCycles(),
  ],
  options,
};
