import React from 'react';
import { t } from '@grafana/i18n';
import { PluginPage } from '@grafana/runtime';
import { InteractiveTable, Stack, Text, TextLink, type Column } from '@grafana/ui';
import { RUNBOOKS, type AlertName, type RunbookEntry } from '@opentruss/alerts';
import { ErrorView } from '../../components/common/StateViews';
import { SeverityBadge } from '../../components/common/SeverityBadge';
import { testIds } from '../../components/testIds';
import { inViewerLanguage } from '@opentruss/contract';
import { grafanaHref } from '../../links';
import { RuleStateCell } from './RuleStateCell';
import { useRuleStates } from './useRuleStates';

type States = ReturnType<typeof useRuleStates>;

function nameColumn(): Column<RunbookEntry> {
  return {
    id: 'name',
    header: t('runbooks.index.column.runbook', 'Runbook'),
    cell: ({ row }) => <TextLink href={grafanaHref(row.original.path)}>{row.original.name}</TextLink>,
  };
}

function titleColumn(): Column<RunbookEntry> {
  return {
    id: 'title',
    header: t('runbooks.index.column.title', 'Title'),
    cell: ({ row }) => inViewerLanguage(row.original.title),
  };
}

function alertColumns(states: States): Array<Column<RunbookEntry>> {
  return [
    nameColumn(),
    titleColumn(),
    {
      id: 'severity',
      header: t('runbooks.index.column.severity', 'Severity'),
      cell: ({ row }) => row.original.severity && <SeverityBadge severity={row.original.severity} />,
    },
    {
      id: 'threshold',
      header: t('runbooks.index.column.fires-when', 'Fires when'),
      cell: ({ row }) => (row.original.condition ? inViewerLanguage(row.original.condition) : ''),
    },
    {
      id: 'state',
      header: t('runbooks.index.column.state', 'Current state'),
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
            <ErrorView
              title={t('runbooks.index.states-unavailable', 'Current alert states are unavailable')}
              error={states.error}
              onRetry={states.reload}
            />
          )}
          <Text element="h2" variant="h4">
            {t('runbooks.index.alert-runbooks', 'Alert runbooks')}
          </Text>
          <InteractiveTable columns={alertColumns(states)} data={alertRunbooks} getRowId={(row) => row.name} />
          <Text element="h2" variant="h4">
            {t('runbooks.index.procedures', 'Procedures')}
          </Text>
          <InteractiveTable
            columns={[
              nameColumn(),
              titleColumn(),
              {
                id: 'source',
                header: t('runbooks.index.column.manual', 'Ops manual'),
                cell: ({ row }) => `§${row.original.source}`,
              },
            ]}
            data={procedureRunbooks}
            getRowId={(row) => row.name}
          />
        </Stack>
      </div>
    </PluginPage>
  );
}
