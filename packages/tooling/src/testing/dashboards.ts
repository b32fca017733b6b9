// The Prometheus queries of a dashboard JSON, as tests evaluate them against a real Prometheus.

/** `expr` of every Prometheus target of a dashboard, with Grafana's interval variables replaced by a fixed 1m. */
export function prometheusTargets(dashboard: unknown): string[] {
  const exprs: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
    } else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (Array.isArray(record.targets)) {
        for (const target of record.targets as Array<{ expr?: string; datasource?: { type?: string } }>) {
          if (typeof target.expr === 'string' && target.datasource?.type !== 'opentruss-memgraph-datasource') {
            exprs.push(target.expr.replace(/\$__(rate_interval|interval|range)\b/g, '1m'));
          }
        }
      }
      Object.values(record).forEach(visit);
    }
  };
  visit(dashboard);
  return exprs;
}
