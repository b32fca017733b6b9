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
        Values come from the first column, or from columns named <code>{TEXT_COLUMN}</code> or{' '}
        <code>{PLAIN_TEXT_COLUMN}</code> (shown) and <code>{VALUE_COLUMN}</code> or <code>{PLAIN_VALUE_COLUMN}</code>{' '}
        (used). The dashboard time range and the other variables arrive as parameters.
      </Text>
    </CommitOnRunEditor>
  );
}
