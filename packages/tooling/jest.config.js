const { nodePackageJestConfig } = require('./jest');

module.exports = nodePackageJestConfig(__dirname);
