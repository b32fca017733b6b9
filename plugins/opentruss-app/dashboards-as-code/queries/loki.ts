// Loki targets. Expressions come from @opentruss/alerts (LOG_SELECTORS, the log alerts' own LogQL), so a panel
// shows exactly what a rule evaluates and every label is one Alloy sets.
import { DataqueryBuilder, LokiQueryType, QueryEditorMode } from '@grafana/grafana-foundation-sdk/loki';
import { datasourceRef } from '../../src/catalogue/datasources';

/** A LogQL metric query for a graph; `legend` is a legend template (`{{service}}`). */
export function lokiTarget(expr: string, legend = '__auto', refId = 'A'): DataqueryBuilder {
  return new DataqueryBuilder()
    .refId(refId)
    .datasource(datasourceRef('loki'))
    .expr(expr)
    .legendFormat(legend)
    .editorMode(QueryEditorMode.Code)
    .queryType(LokiQueryType.Range);
}

/** A LogQL log query for a logs panel: the newest `maxLines` lines of the range. */
export function lokiLogsTarget(expr: string, maxLines: number, refId = 'A'): DataqueryBuilder {
  return new DataqueryBuilder()
    .refId(refId)
    .datasource(datasourceRef('loki'))
    .expr(expr)
    .maxLines(maxLines)
    .editorMode(QueryEditorMode.Code)
    .queryType(LokiQueryType.Range);
}
