// The gateway's layers, bottom first: config/ (settings, viewers), upstream/ (the link to Memgraph), ops/ (metrics and
// the ops server), relay/ (client sessions and the query policy), then the wiring at the top (gateway.ts, index.ts,
// cli.ts). Arrows point only down; test support (@opentruss/bolt-testing) serves the tests only.
// src/layers.test.ts cruises src/ with these rules and plants one violation of each.
const { layersPointDown, noCycles, options, testSupportStaysOut } = require('@opentruss/tooling/layers/rules');

module.exports = {
  forbidden: [
    ...layersPointDown(
      [
        ['config', '^src/config/'],
        ['upstream', '^src/upstream/'],
        ['ops', '^src/ops/'],
        ['relay', '^src/relay/'],
        ['wiring', '^src/(gateway|index|cli)\\.ts$'],
      ],
      (layer, above) => `${layer} sits below ${above.join(', ')}: it never imports them.`
    ),
    testSupportStaysOut(),
    noCycles(),
  ],
  options,
};
