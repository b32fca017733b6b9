// bolt-testing's rules: it sits on bolt-protocol's public entry and under every package it helps test (the test
// server, the gateway, the datasource), so it imports no other workspace and nothing behind the protocol's entry;
// its modules never import its own entry index.ts (which only re-exports). src/layers.test.ts cruises src/ with these
// rules and plants one violation of each.
const { forbid, modulesNeverImportTheEntry, noCycles, options } = require('@opentruss/tooling/layers/rules');

module.exports = {
  forbidden: [
    forbid(
      'only-the-protocol-entry',
      "Test support stands on @opentruss/bolt-protocol's public API only; the packages it tests import it, not the reverse.",
      '^src/',
      '^\\.\\./(?!\\.\\./)(?!bolt-protocol/src/index\\.ts$)' // ../<workspace>/…, not ../../node_modules
    ),
    modulesNeverImportTheEntry(),
    noCycles(),
  ],
  options,
};
