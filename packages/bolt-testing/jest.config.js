const { nodePackageJestConfig } = require('@opentruss/tooling/jest');

module.exports = nodePackageJestConfig(__dirname);
