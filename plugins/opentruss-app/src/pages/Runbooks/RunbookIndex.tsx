import React from 'react';
import { PluginPage } from '@grafana/runtime';
import { InteractiveTable, Stack, Text, TextLink, type Column } from '@grafana/ui';
import { RUNBOOKS, type AlertName, type RunbookEntry } from '@opentruss/alerts';
import { ErrorView } from '../../components/common/StateViews';
import { SeverityBadge } from '../../components/common/SeverityBadge';
import { testIds } from '../../components/testIds';
import { grafanaHref } from '../../links';
import { RuleStateCell } from './RuleStateCell';
import { useRuleStates } from './useRuleStates';

type States = ReturnType<typeof useRuleStates>;

function nameColumn(): Column<RunbookEntry> {
  return {
    id: 'name',
    header: 'Runbook',
    cell: ({ row }) => <TextLink href={grafanaHref(row.original.path)}>{row.original.name}</TextLink>,
  };
}

const titleColumn: Column<RunbookEntry> = {
  id: 'title',
  header: '标题 / Title',
  cell: ({ row }) => `${row.original.title.zh} / ${row.original.title.en}`,
};

function alertColumns(states: States): Array<Column<RunbookEntry>> {
  return [
    nameColumn(),
    titleColumn,
    {
      id: 'severity',
      header: 'Severity',
      cell: ({ row }) => row.original.severity && <SeverityBadge severity={row.original.severity} />,
    },
    { id: 'threshold', header: '阈值 / Fires when', cell: ({ row }) => row.original.condition?.en ?? '' },
    {
      id: 'state',
      header: 'Current state',
      cell: ({ row }) => <RuleStateCell name={row.original.name as AlertName} states={states} />,
    },
  ];
}

const alertRunbooks = RUNBOOKS.filter((runbook) => runbook.kind === 'alert');
const procedureRunbooks = RUNBOOKS.filter((runbook) => runbook.kind === 'procedure');

/** Every runbook: one per alert with its threshold and current state, then the procedures no alert triggers. */
export default function RunbookIndex() {
  const states = useRuleStates();
  return (
    <PluginPage>
      <div data-testid={testIds.runbooks.index}>
        <Stack direction="column" gap={2}>
          {states.status === 'error' && (
            <ErrorView title="Current alert states are unavailable" error={states.error} onRetry={states.reload} />
          )}
          <Text element="h2" variant="h4">
            告警运行手册 / Alert runbooks
          </Text>
          <InteractiveTable columns={alertColumns(states)} data={alertRunbooks} getRowId={(row) => row.name} />
          <Text element="h2" variant="h4">
            操作手册 / Procedures
          </Text>
          <InteractiveTable
            columns={[
              nameColumn(),
              titleColumn,
              { id: 'source', header: 'Ops manual', cell: ({ row }) => `§${row.original.source}` },
            ]}
            data={procedureRunbooks}
            getRowId={(row) => row.name}
          />
        </Stack>
      </div>
    </PluginPage>
  );
}
