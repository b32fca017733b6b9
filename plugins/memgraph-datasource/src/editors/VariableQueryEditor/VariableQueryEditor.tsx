import type { QueryEditorProps } from '@grafana/data';
import { Button, Stack, Text } from '@grafana/ui';
import type { MemgraphQuery } from '@opentruss/contract';
import React, { useState } from 'react';

import type { MemgraphSettings } from '../../connection/settings';
import type { DataSource } from '../../datasource';
import { TEXT_COLUMN, VALUE_COLUMN } from '../../variables/metricFindValues';
import { toVariableQuery } from '../../variables/variableQuery';
import { ExamplesMenu } from '../common/ExamplesMenu';
import { QueryHelp } from '../common/QueryHelp';
import { useQueryContext } from '../common/useQueryContext';
import { CypherEditor } from '../CypherEditor/CypherEditor';
import { TEST_IDS } from '../testIds';

type Props = QueryEditorProps<DataSource, MemgraphQuery, MemgraphSettings, MemgraphQuery>;

/**
 * A query variable's Cypher. Grafana re-runs the variable on every onChange, so the text is handed over on Run,
 * Ctrl/Cmd+Enter or leaving the editor — not on every keystroke. Grafana shows the resulting values below.
 */
export function VariableQueryEditor({ query, onChange, datasource }: Props) {
  const stored = toVariableQuery(query as MemgraphQuery | string | undefined);
  const [cypher, setCypher] = useState(stored.cypher);
  const { context } = useQueryContext(datasource);
  const commit = (text = cypher) => onChange({ ...stored, cypher: text });

  return (
    <Stack direction="column" gap={1}>
      <div data-testid={TEST_IDS.variableEditor}>
        <Stack gap={1} alignItems="center">
          <Button size="sm" icon="play" onClick={() => commit()} data-testid={TEST_IDS.runQuery}>
            Run query
          </Button>
          <ExamplesMenu
            use="variable"
            onPick={(example) => {
              setCypher(example.cypher);
              commit(example.cypher);
            }}
          />
        </Stack>
      </div>
      <CypherEditor value={cypher} onChange={setCypher} onRun={() => commit()} onBlur={commit} context={context} height={140} />
      <Text variant="bodySmall" color="secondary">
        Values come from the first column, or from columns named <code>{TEXT_COLUMN}</code> (shown) and{' '}
        <code>{VALUE_COLUMN}</code> (used). The dashboard time range and the other variables arrive as parameters.
      </Text>
      <QueryHelp />
    </Stack>
  );
}
