import { t } from '@grafana/i18n';
import { PLAIN_TEXT } from '@opentruss/contract';
import { IconButton, Stack, Text, Tooltip } from '@grafana/ui';
import React from 'react';

import { TEST_IDS } from '../testIds';
import type { SchemaState } from './useQueryContext';

/** How much of the graph the editor knows, where it came from (tooltip), and a button to read it again. */
export function SchemaStatus({ state, onRefresh }: { state: SchemaState; onRefresh: () => void }) {
  const { schema, loading, error } = state;
  const summary = loading
    ? t('schema.reading', 'Reading schema…')
    : error
      ? t('schema.unavailable', 'Schema unavailable')
      : schema
        ? t('schema.summary', '{{labels}} labels · {{types}} relationship types · {{keys}} property keys', {
            ...PLAIN_TEXT,
            labels: schema.labels.length,
            types: schema.relationshipTypes.length,
            keys: schema.propertyKeys.length,
          })
        : t('schema.none', 'No schema');
  const details = error ?? schema?.notes.join('\n') ?? '';
  return (
    <Stack gap={0.5} alignItems="center">
      <Tooltip content={<pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{details || summary}</pre>}>
        <span data-testid={TEST_IDS.schemaStatus}>
          <Text variant="bodySmall" color={error ? 'error' : 'secondary'}>
            {summary}
          </Text>
        </span>
      </Tooltip>
      <IconButton
        name="sync"
        size="sm"
        tooltip={t('schema.refresh-tooltip', 'Read labels, relationship types and property keys again from Memgraph')}
        aria-label={t('schema.refresh', 'Refresh schema')}
        data-testid={TEST_IDS.refreshSchema}
        disabled={loading}
        onClick={onRefresh}
      />
    </Stack>
  );
}
