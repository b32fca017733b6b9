// LogQL as Grafana's own parser reads it (@grafana/lezer-logql, the grammar Grafana's Loki editor uses): syntax
// errors, and the labels an expression selects or groups on.
import { parser } from '@grafana/lezer-logql';

export interface LogqlReading {
  /** Error nodes in the parse tree: 0 for a valid expression. */
  errors: number;
  /** Label names in stream selectors (`{service="x"}`) and in `by (…)` / `without (…)` groupings. */
  streamLabels: string[];
}

/** Grafana variables as the dashboards use them, replaced by plain values so the grammar can read the query. */
export function withSampleVariables(expr: string): string {
  return expr
    .replace(/\$__auto|\$__interval|\$__range|\$__rate_interval/g, '1m')
    .replace(/\$\{(\w+)(?::\w+)?\}|\$(\w+)/g, 'sample');
}

export function readLogql(expr: string): LogqlReading {
  const tree = parser.parse(expr);
  let errors = 0;
  const labels = new Set<string>();
  tree.iterate({
    enter: (node) => {
      if (node.type.isError) {
        errors++;
      }
      const inSelectorMatcher = node.name === 'Identifier' && node.node.parent?.name === 'Matcher' && node.node.parent.parent?.name === 'Matchers';
      const inGrouping = node.name === 'Identifier' && node.node.parent?.name === 'Labels';
      if (inSelectorMatcher || inGrouping) {
        labels.add(expr.slice(node.from, node.to));
      }
    },
  });
  return { errors, streamLabels: [...labels].sort() };
}
