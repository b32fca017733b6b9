// Prometheus targets. Expressions come from @opentruss/alerts wherever an alert watches the value, so a panel
// plots exactly what the rule evaluates; the others use the same label selectors.
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { datasourceRef } from '../../src/catalogue/datasources';

/** A range query for a graph (or a stat's sparkline); `legend` is a Prometheus legend template. */
export function promTarget(expr: string, legend = '__auto', refId = 'A'): DataqueryBuilder {
  return new DataqueryBuilder()
    .refId(refId)
    .datasource(datasourceRef('prometheus'))
    .expr(expr)
    .legendFormat(legend)
    .range();
}
