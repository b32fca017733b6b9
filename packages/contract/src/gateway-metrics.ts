// The Bolt gateway's metric names: one place, read by its metrics registry, the alert rules and the dashboards.
export const gatewayMetrics = {
  clientConnections: 'opentruss_bolt_gateway_client_connections',
  upstreamConnections: 'opentruss_bolt_gateway_upstream_connections',
  connectionsTotal: 'opentruss_bolt_gateway_connections_total',
  connectionsRejectedTotal: 'opentruss_bolt_gateway_connections_rejected_total',
  queriesTotal: 'opentruss_bolt_gateway_queries_total',
  refusalsTotal: 'opentruss_bolt_gateway_refusals_total',
  bytesTotal: 'opentruss_bolt_gateway_bytes_total',
  queryDuration: 'opentruss_bolt_gateway_query_duration_seconds',
  upstreamFailuresTotal: 'opentruss_bolt_gateway_upstream_failures_total',
  viewerOpenQueries: 'opentruss_bolt_gateway_viewer_open_queries',
  upstreamUp: 'opentruss_bolt_gateway_upstream_up',
} as const;
