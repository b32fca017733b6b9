// The test server's layers, bottom first: api.ts (the public types), jolt/ (fixture files), responders/ (scripted
// answers, and the waiting that stops early which both they and the session use), protocol/ (the responder handler
// on @opentruss/bolt-protocol's server connection, and Memgraph's rules it applies), then the wiring (server.ts,
// index.ts, cli.ts). Arrows point only down. Test support (@opentruss/bolt-testing) serves the tests only.
// src/layers.test.ts cruises src/ with these rules and plants one violation of each.
const { layersPointDown, noCycles, options, testSupportStaysOut } = require('@opentruss/tooling/layers/rules');

module.exports = {
  forbidden: [
    ...layersPointDown(
      [
        ['api', '^src/api\\.ts$'],
        ['jolt', '^src/jolt/'],
        ['responders', '^src/responders/'],
        ['protocol', '^src/protocol/'],
        ['wiring', '^src/(server|index|cli)\\.ts$'],
      ],
      (layer, above) => `${layer} sits below ${above.join(', ')}: it never imports them.`
    ),
    testSupportStaysOut(),
    noCycles(),
  ],
  options,
};
