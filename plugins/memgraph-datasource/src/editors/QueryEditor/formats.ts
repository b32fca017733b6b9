import { t } from '@grafana/i18n';
import type { ResultFormat } from '@opentruss/contract';

export function formatOptions(): Array<{ label: string; value: ResultFormat; description: string }> {
  return [
    {
      label: t('query-editor.format.auto', 'Auto'),
      value: 'auto',
      description: t(
        'query-editor.format.auto-description',
        'Node graph for graph values, time series for time + numbers, else table'
      ),
    },
    {
      label: t('query-editor.format.table', 'Table'),
      value: 'table',
      description: t('query-editor.format.table-description', 'One field per returned column'),
    },
    {
      label: t('query-editor.format.time-series', 'Time series'),
      value: 'time_series',
      description: t(
        'query-editor.format.time-series-description',
        'A time column, numbers as values, strings as labels'
      ),
    },
    {
      label: t('query-editor.format.node-graph', 'Node graph'),
      value: 'node_graph',
      description: t(
        'query-editor.format.node-graph-description',
        'Nodes and relationships from anywhere in the result'
      ),
    },
  ];
}
