// bolt-protocol's layers, bottom first (neo4j-javascript-driver's bolt-connection shape): wire.ts (the preamble),
// channel/ (bytes in and out, chunks in), packstream/ (values), bolt/ (handshake, messages, framing, requests and
// replies, Memgraph's errors, the pending-request ledger), connection/ (a server connection's lifecycle), then the
// entry index.ts.
// Arrows point only down; testing/ serves the tests and the `./testing` entry and is never imported by the product.
// src/layers.test.ts cruises src/ with these rules and plants one violation of each.
const { layersPointDown, noCycles, options, testHelpersStayOut } = require('@opentruss/tooling/layers/rules');

module.exports = {
  forbidden: [
    ...layersPointDown(
      [
        ['wire', '^src/wire\\.ts$'],
        ['channel', '^src/channel/'],
        ['packstream', '^src/packstream/'],
        ['bolt', '^src/bolt/'],
        ['connection', '^src/connection/'],
        ['entry', '^src/index\\.ts$'],
      ],
      (layer, above) => `${layer} sits below ${above.join(', ')}: it never imports them.`
    ),
    testHelpersStayOut(),
    noCycles(),
  ],
  options,
};
