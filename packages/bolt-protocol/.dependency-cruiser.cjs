// bolt-protocol's layers, bottom first (neo4j-javascript-driver's bolt-connection shape): wire.ts (the preamble),
// channel/ (bytes in and out, chunks in), packstream/ (values), bolt/ (handshake, messages, framing, requests and
// replies, Memgraph's errors, the pending-request ledger), connection/ (a server connection's lifecycle), client/ (the
// Bolt client: login, requests and their replies, then a byte pipe), then the entries index.ts and memgraph-info.ts
// (Memgraph's texts without the wire).
// Arrows point only down. Test support lives in its own workspace (@opentruss/bolt-testing), never imported here, and
// neo4j-driver-core is imported only by packstream/: the driver's value classes are the values the codec reads and
// writes.
// src/layers.test.ts cruises src/ with these rules and plants one violation of each.
const { forbid, layersPointDown, noCycles, options, testSupportStaysOut } = require('@opentruss/tooling/layers/rules');

module.exports = {
  forbidden: [
    ...layersPointDown(
      [
        ['wire', '^src/wire\\.ts$'],
        ['channel', '^src/channel/'],
        ['packstream', '^src/packstream/'],
        ['bolt', '^src/bolt/'],
        ['connection', '^src/connection/'],
        ['client', '^src/client/'],
        ['entry', '^src/(index|memgraph-info)\\.ts$'],
      ],
      (layer, above) => `${layer} sits below ${above.join(', ')}: it never imports them.`
    ),
    testSupportStaysOut(),
    forbid(
      'neo4j-driver-only-for-values',
      "neo4j-driver's value classes (neo4j-driver-core) are packstream/'s values; no other layer needs the driver.",
      '^src/(?!packstream/)',
      '(^|/)neo4j-driver(-core)?(/|$)'
    ),
    noCycles(),
  ],
  options,
};
