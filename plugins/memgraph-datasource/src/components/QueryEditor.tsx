import React from 'react';
import { InlineField, Input, RadioButtonGroup, Stack, TextArea } from '@grafana/ui';
import type { QueryEditorProps } from '@grafana/data';
import { type ResultFormat, type MemgraphQuery } from '@opentruss/contract';

import type { MemgraphSettings } from '../connection/settings';
import type { DataSource } from '../datasource';

type Props = QueryEditorProps<DataSource, MemgraphQuery, MemgraphSettings>;

const FORMAT_OPTIONS: Array<{ label: string; value: ResultFormat }> = [
  { label: 'Auto', value: 'auto' },
  { label: 'Table', value: 'table' },
  { label: 'Time series', value: 'time_series' },
  { label: 'Node graph', value: 'node_graph' },
];

/** Minimal query editor: Cypher text (runs on blur), format and legend. The full editor is issue 5. */
export function QueryEditor({ query, onChange, onRunQuery }: Props) {
  return (
    <Stack direction="column" gap={1}>
      <TextArea
        aria-label="Cypher"
        rows={6}
        value={query.cypher ?? ''}
        placeholder="MATCH (l:InspectionLot) RETURN l.status AS status, count(*) AS lots"
        onChange={(event) => onChange({ ...query, cypher: event.currentTarget.value })}
        onBlur={onRunQuery}
      />
      <Stack gap={1}>
        <InlineField label="Format">
          <RadioButtonGroup
            options={FORMAT_OPTIONS}
            value={query.format ?? 'auto'}
            onChange={(format) => {
              onChange({ ...query, format });
              onRunQuery();
            }}
          />
        </InlineField>
        <InlineField label="Legend" tooltip="Series name, e.g. {{status}}">
          <Input
            aria-label="Legend"
            width={30}
            value={query.legend ?? ''}
            onChange={(event) => onChange({ ...query, legend: event.currentTarget.value })}
            onBlur={onRunQuery}
          />
        </InlineField>
      </Stack>
    </Stack>
  );
}
