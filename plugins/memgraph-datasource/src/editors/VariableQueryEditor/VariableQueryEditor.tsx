import { Trans } from '@grafana/i18n';
import { Text } from '@grafana/ui';
import type { MemgraphQuery } from '@opentruss/contract';
import React from 'react';

import type { MemgraphEditorProps } from '../editorServices';
import { PLAIN_TEXT_COLUMN, PLAIN_VALUE_COLUMN, TEXT_COLUMN, VALUE_COLUMN } from '../../variables/metricFindValues';
import { toVariableQuery } from '../../variables/variableQuery';
import { CommitOnRunEditor } from '../common/CommitOnRunEditor';
import { useQueryContext } from '../common/useQueryContext';
import { TEST_IDS } from '../testIds';

export type VariableQueryEditorProps = MemgraphEditorProps;

/** A query variable's Cypher; Grafana shows the resulting values below the editor. */
export function VariableQueryEditor({ query, onChange, datasource }: VariableQueryEditorProps) {
  const stored = toVariableQuery(query as MemgraphQuery | string | undefined);
  const { context } = useQueryContext(datasource);
  return (
    <CommitOnRunEditor
      testId={TEST_IDS.variableEditor}
      examples="variable"
      initial={stored.cypher}
      onCommit={(cypher) => onChange({ ...stored, cypher })}
      context={context}
      height={140}
    >
      <Text variant="bodySmall" color="secondary">
        <Trans
          i18nKey="variable-editor.help"
          values={{
            text: TEXT_COLUMN,
            plainText: PLAIN_TEXT_COLUMN,
            value: VALUE_COLUMN,
            plainValue: PLAIN_VALUE_COLUMN,
          }}
        >
          Values come from the first column, or from columns named <code>{'{{text}}'}</code> or{' '}
          <code>{'{{plainText}}'}</code> (shown) and <code>{'{{value}}'}</code> or <code>{'{{plainValue}}'}</code>{' '}
          (used). The dashboard time range and the other variables arrive as parameters.
        </Trans>
      </Text>
    </CommitOnRunEditor>
  );
}
