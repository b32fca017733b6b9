import { t, Trans } from '@grafana/i18n';
import { PLAIN_TEXT } from '@opentruss/contract';
import { Button, InlineField, Input, RadioButtonGroup, Stack, Text } from '@grafana/ui';
import React, { useCallback } from 'react';

import type { MemgraphEditorProps } from '../editorServices';
import { ExamplesMenu } from '../common/ExamplesMenu';
import { QueryHelp } from '../common/QueryHelp';
import { SchemaStatus } from '../common/SchemaStatus';
import { useQueryContext } from '../common/useQueryContext';
import { CypherEditor } from '../CypherEditor/CypherEditor';
import { TEST_IDS } from '../testIds';
import { formatOptions } from './formats';
import { RowCapNotice, wasCapped } from './RowCapNotice';

/** Legend syntax (a label in double braces), not text to translate. */
const LEGEND_EXAMPLE = '{{status}}';

/**
 * The panel query editor: Run query, format, legend, examples and schema status above the Cypher editor; the row
 * cap and timeout in force, a notice when the last result was capped, and the help below it.
 */
export function QueryEditor({ query, onChange, onRunQuery, datasource, data }: MemgraphEditorProps) {
  const { context, schemaState, refreshSchema } = useQueryContext(datasource, query.variableValues);
  const limits = datasource.limits();
  const onCypherChange = useCallback((cypher: string) => onChange({ ...query, cypher }), [onChange, query]);

  return (
    <Stack direction="column" gap={1}>
      <Stack gap={1} alignItems="center" wrap="wrap">
        <Button icon="play" size="sm" onClick={onRunQuery} data-testid={TEST_IDS.runQuery}>
          <Trans i18nKey="query-editor.run-query">Run query</Trans>
        </Button>
        <InlineField
          label={t('query-editor.format.label', 'Format')}
          tooltip={t('query-editor.format.tooltip', 'How the result becomes data frames')}
        >
          <span data-testid={TEST_IDS.formatPicker}>
            <RadioButtonGroup
              size="sm"
              options={formatOptions()}
              value={query.format ?? 'auto'}
              onChange={(format) => {
                onChange({ ...query, format });
                onRunQuery();
              }}
            />
          </span>
        </InlineField>
        <InlineField
          label={t('query-editor.legend.label', 'Legend')}
          tooltip={t('query-editor.legend.tooltip', 'Series name for time series, e.g. {{example}} lots', {
            ...PLAIN_TEXT,
            example: LEGEND_EXAMPLE,
          })}
        >
          <Input
            aria-label={t('query-editor.legend.label', 'Legend')}
            data-testid={TEST_IDS.legend}
            width={24}
            placeholder={LEGEND_EXAMPLE}
            value={query.legend ?? ''}
            onChange={(event) => onChange({ ...query, legend: event.currentTarget.value })}
            onBlur={onRunQuery}
          />
        </InlineField>
        <ExamplesMenu
          use="example"
          onPick={(example) => {
            onChange({ ...query, cypher: example.cypher, format: example.format, legend: example.legend });
            onRunQuery();
          }}
        />
        <SchemaStatus state={schemaState} onRefresh={refreshSchema} />
      </Stack>
      <CypherEditor value={query.cypher ?? ''} onChange={onCypherChange} onRun={onRunQuery} context={context} />
      {limits && (
        <span data-testid={TEST_IDS.limits}>
          <Text variant="bodySmall" color="secondary">
            {t(
              'query-editor.limits',
              'Reads at most {{maxRows}} rows; Memgraph stops the query after {{timeout}} s (datasource settings). Ctrl/Cmd+Enter runs the query.',
              { ...PLAIN_TEXT, maxRows: limits.maxRows.toLocaleString('en-US'), timeout: limits.queryTimeoutSeconds }
            )}
          </Text>
        </span>
      )}
      {limits && wasCapped(data, query.refId, limits.maxRows) && <RowCapNotice maxRows={limits.maxRows} />}
      <QueryHelp />
    </Stack>
  );
}
