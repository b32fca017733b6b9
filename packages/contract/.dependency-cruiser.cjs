// The contract is the bottom of the repository: names, ids, metric and error formats that the plugins, the gateway,
// alerts and the stack share. Its modules import no other workspace, and none imports the entry index.ts (which only
// re-exports). src/layers.test.ts cruises src/ with these rules and plants one violation of each.
const { forbid, modulesNeverImportTheEntry, noCycles, options } = require('@opentruss/tooling/layers/rules');

module.exports = {
  forbidden: [
    forbid(
      'contract-imports-no-workspace',
      'Every workspace may import the contract, so the contract imports none of them.',
      '^src/',
      '^\\.\\./(?!\\.\\./)' // ../<workspace>, not ../../node_modules
    ),
    modulesNeverImportTheEntry(),
    noCycles(),
  ],
  options,
};
