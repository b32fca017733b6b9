// The test server's layers, bottom first: api.ts (the public types), jolt/ (fixture files), responders/ (scripted
// answers), protocol/ (the Bolt session), then the wiring (server.ts, index.ts, cli.ts). Arrows point only down, with
// one exception written here: a responder's result stream waits through protocol/interrupts.ts (a leaf that imports
// nothing of the package), until the shared Bolt server core gives interrupts a place below both.
// Test support (@opentruss/bolt-testing) serves the tests only.
// src/layers.test.ts cruises src/ with these rules and plants one violation of each.
const { layersPointDown, noCycles, options, testSupportStaysOut } = require('@opentruss/tooling/layers/rules');

module.exports = {
  forbidden: [
    ...layersPointDown(
      [
        ['api', '^src/api\\.ts$'],
        ['jolt', '^src/jolt/'],
        ['responders', '^src/responders/', '^src/protocol/interrupts\\.ts$'],
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
