// One Jest run over every workspace: each workspace keeps its own jest.config.js (the plugins' extend
// create-plugin's managed config); this file only collects them.
const fs = require('node:fs');
const path = require('node:path');
const { listWorkspaces } = require('./packages/tooling/src/workspaces.js');

module.exports = {
  projects: listWorkspaces(__dirname)
    .map(({ dir }) => path.join(__dirname, dir, 'jest.config.js'))
    .filter((configFile) => fs.existsSync(configFile)),
  maxWorkers: 2,
};
