import type { ResultFormat } from '@opentruss/contract';

export const FORMAT_OPTIONS: Array<{ label: string; value: ResultFormat; description: string }> = [
  { label: 'Auto', value: 'auto', description: 'Node graph for graph values, time series for time + numbers, else table' },
  { label: 'Table', value: 'table', description: 'One field per returned column' },
  { label: 'Time series', value: 'time_series', description: 'A time column, numbers as values, strings as labels' },
  { label: 'Node graph', value: 'node_graph', description: 'Nodes and relationships from anywhere in the result' },
];
