// bolt-protocol's layers, bottom first: wire.ts (the preamble), channel/ (bytes in and out), packstream/ (values),
// chunking/ (messages in chunks), protocol/ (handshake, messages, Memgraph's errors), then the entries index.ts and
// memgraph-info.ts (Memgraph's texts without the wire).
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
        ['chunking', '^src/chunking/'],
        ['protocol', '^src/protocol/'],
        ['entry', '^src/(index|memgraph-info)\\.ts$'],
      ],
      (layer, above) => `${layer} sits below ${above.join(', ')}: it never imports them.`
    ),
    testHelpersStayOut(),
    noCycles(),
  ],
  options,
};
