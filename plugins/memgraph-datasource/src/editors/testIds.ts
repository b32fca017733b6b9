/**
 * Stable hooks for the browser tests (tests/e2e) and these editors' own tests; listed in the plugin README.
 * Change them only together with the tests that use them.
 */
export const TEST_IDS = {
  cypherEditor: 'memgraph-cypher-editor',
  queryProblems: 'memgraph-query-problems',
  runQuery: 'memgraph-run-query',
  formatPicker: 'memgraph-format',
  legend: 'memgraph-legend',
  limits: 'memgraph-limits',
  rowCapNotice: 'memgraph-row-cap-notice',
  examples: 'memgraph-examples',
  help: 'memgraph-help',
  refreshSchema: 'memgraph-refresh-schema',
  schemaStatus: 'memgraph-schema-status',
  configEditor: 'memgraph-config-editor',
  configProblems: 'memgraph-config-problems',
  credentialsWarning: 'memgraph-credentials-warning',
  tlsGuidance: 'memgraph-tls-guidance',
  checkServer: 'memgraph-check-server',
  serverReport: 'memgraph-server-report',
  indexStatement: 'memgraph-index-statement',
  variableEditor: 'memgraph-variable-editor',
  variablePreview: 'memgraph-variable-preview',
  annotationEditor: 'memgraph-annotation-editor',
} as const;
