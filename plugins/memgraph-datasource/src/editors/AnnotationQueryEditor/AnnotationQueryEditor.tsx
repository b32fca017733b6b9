import type { QueryEditorProps } from '@grafana/data';
import { Button, Stack, Text } from '@grafana/ui';
import type { MemgraphQuery } from '@opentruss/contract';
import React, { useState } from 'react';

import { ANNOTATION_COLUMNS } from '../../annotations/annotationEvents';
import { ANNOTATION_REF_ID } from '../../annotations/annotationSupport';
import { ExamplesMenu } from '../common/ExamplesMenu';
import { QueryHelp } from '../common/QueryHelp';
import { useQueryContext } from '../common/useQueryContext';
import { CypherEditor } from '../CypherEditor/CypherEditor';
import { TEST_IDS } from '../testIds';
import type { DataSource } from '../../datasource';

type Props = QueryEditorProps<DataSource, MemgraphQuery>;


/** An annotation's Cypher: rows with `time` (and optionally `timeEnd`, `title`, `text`, `tags`) become events. */
export function AnnotationQueryEditor({ query, onChange, onRunQuery, datasource }: Props) {
  const [cypher, setCypher] = useState(query?.cypher ?? '');
  const { context } = useQueryContext(datasource);
  const commit = (text = cypher) => {
    onChange({ ...query, refId: query?.refId || ANNOTATION_REF_ID, cypher: text, format: 'table' });
    onRunQuery?.();
  };
  const { time, timeEnd, title, text, tags } = ANNOTATION_COLUMNS;

  return (
    <Stack direction="column" gap={1}>
      <div data-testid={TEST_IDS.annotationEditor}>
        <Stack gap={1} alignItems="center">
          <Button size="sm" icon="play" onClick={() => commit()} data-testid={TEST_IDS.runQuery}>
            Run query
          </Button>
          <ExamplesMenu
            use="annotation"
            onPick={(example) => {
              setCypher(example.cypher);
              commit(example.cypher);
            }}
          />
        </Stack>
      </div>
      <CypherEditor value={cypher} onChange={setCypher} onRun={() => commit()} onBlur={commit} context={context} height={160} />
      <Text variant="bodySmall" color="secondary">
        Return <code>{time}</code> (epoch ms, a date-time or an ISO string) and optionally <code>{timeEnd}</code> (a
        region), <code>{title}</code>, <code>{text}</code> and <code>{tags}</code> (a list of strings). Use{' '}
        <code>$__timeFilter(…)</code> so only the dashboard&apos;s time range is read.
      </Text>
      <QueryHelp />
    </Stack>
  );
}
