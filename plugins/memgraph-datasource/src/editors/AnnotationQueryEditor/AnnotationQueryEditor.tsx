import { Trans } from '@grafana/i18n';
import { Text } from '@grafana/ui';
import React from 'react';

import { ANNOTATION_COLUMNS, ANNOTATION_REF_ID } from '../../annotations/annotationEvents';
import type { MemgraphEditorProps } from '../editorServices';
import { CommitOnRunEditor } from '../common/CommitOnRunEditor';
import { useQueryContext } from '../common/useQueryContext';
import { TEST_IDS } from '../testIds';

/** An annotation's Cypher: rows with `time` (and optionally `timeEnd`, `title`, `text`, `tags`) become events. */
export function AnnotationQueryEditor({ query, onChange, onRunQuery, datasource }: MemgraphEditorProps) {
  const { context } = useQueryContext(datasource);
  const { time, timeEnd, title, text, tags } = ANNOTATION_COLUMNS;
  const commit = (cypher: string) => {
    onChange({ ...query, refId: query?.refId || ANNOTATION_REF_ID, cypher, format: 'table' });
    onRunQuery?.();
  };
  return (
    <CommitOnRunEditor
      testId={TEST_IDS.annotationEditor}
      examples="annotation"
      initial={query?.cypher ?? ''}
      onCommit={commit}
      context={context}
      height={160}
    >
      <Text variant="bodySmall" color="secondary">
        <Trans i18nKey="annotation-editor.help" values={{ time, timeEnd, title, text, tags }}>
          Return <code>{'{{time}}'}</code> (epoch ms, a date-time or an ISO string) and optionally{' '}
          <code>{'{{timeEnd}}'}</code> (a region), <code>{'{{title}}'}</code>, <code>{'{{text}}'}</code> and{' '}
          <code>{'{{tags}}'}</code> (a list of strings). Use <code>$__timeFilter(…)</code> so only the dashboard&apos;s
          time range is read.
        </Trans>
      </Text>
    </CommitOnRunEditor>
  );
}
