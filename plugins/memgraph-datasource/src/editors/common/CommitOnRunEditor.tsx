import { Trans } from '@grafana/i18n';
import { Button, Stack } from '@grafana/ui';
import React, { type ReactNode, useState } from 'react';

import type { QueryContext } from '../cypher/queryContext';
import { CypherEditor } from '../CypherEditor/CypherEditor';
import { TEST_IDS } from '../testIds';
import { ExamplesMenu } from './ExamplesMenu';
import { QueryHelp } from './QueryHelp';

interface Props {
  testId: string;
  examples: 'variable' | 'annotation';
  initial: string;
  /** Receives the Cypher on Run, Ctrl/Cmd+Enter, leaving the editor or picking an example — not per keystroke. */
  onCommit: (cypher: string) => void;
  context: QueryContext;
  height: number;
  /** What the query must return. */
  children: ReactNode;
}

/**
 * The variable and annotation editors: Grafana re-runs those queries on every change it is told about, so the text
 * is kept here and handed over only when the user is done with it.
 */
export function CommitOnRunEditor({ testId, examples, initial, onCommit, context, height, children }: Props) {
  const [cypher, setCypher] = useState(initial);
  return (
    <Stack direction="column" gap={1}>
      <div data-testid={testId}>
        <Stack gap={1} alignItems="center">
          <Button size="sm" icon="play" onClick={() => onCommit(cypher)} data-testid={TEST_IDS.runQuery}>
            <Trans i18nKey="query-editor.run-query">Run query</Trans>
          </Button>
          <ExamplesMenu
            use={examples}
            onPick={(example) => {
              setCypher(example.cypher);
              onCommit(example.cypher);
            }}
          />
        </Stack>
      </div>
      <CypherEditor
        value={cypher}
        onChange={setCypher}
        onRun={() => onCommit(cypher)}
        onBlur={onCommit}
        context={context}
        height={height}
      />
      {children}
      <QueryHelp />
    </Stack>
  );
}
