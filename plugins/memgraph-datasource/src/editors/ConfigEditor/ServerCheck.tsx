import { t, Trans } from '@grafana/i18n';
import { PLAIN_TEXT } from '@opentruss/contract';
import type { DataSourceSettings } from '@grafana/data';
import { Alert, Button, ClipboardButton, Stack, Text } from '@grafana/ui';
import React, { useState } from 'react';

import { DriverRegistry } from '../../connection/driverRegistry';
import { MemgraphConnection } from '../../connection/memgraphConnection';
import type { MemgraphSettings } from '../../connection/settings';
import { checkHealth, type HealthReport } from '../../health/healthCheck';
import { TEST_IDS } from '../testIds';

/** Runs the datasource's health check on the settings as edited (saved or not), with a driver of its own. */
async function checkSettings(options: DataSourceSettings<MemgraphSettings>): Promise<HealthReport> {
  const registry = new DriverRegistry();
  const uid = `${options.uid || 'unsaved'}-config-check`;
  try {
    return await checkHealth(new MemgraphConnection(uid, options.jsonData, registry));
  } finally {
    await registry.closeAll();
  }
}

/** The health check's findings: the server reached, then each missing index with a copyable CREATE INDEX. */
function HealthReportView({ report }: { report: HealthReport }) {
  const statements = report.details?.missingIndexStatements ?? [];
  const server = report.details?.server;
  const title = {
    success: t('config.server.success', 'Memgraph is reachable'),
    warning: t('config.server.warning', 'Memgraph is reachable, with advice'),
    error: t('config.server.error', 'Memgraph check failed'),
  }[report.status];
  return (
    <div data-testid={TEST_IDS.serverReport}>
      <Alert severity={report.status} title={title}>
        <Stack direction="column" gap={1}>
          <Text>{report.message}</Text>
          {server && (
            <Text variant="bodySmall" color="secondary">
              {t('config.server.details', 'Server: {{server}} at {{address}}', {
                ...PLAIN_TEXT,
                server: server.version
                  ? `Memgraph ${server.version}`
                  : (server.agent ?? t('config.server.unknown', 'unknown')),
                address: server.address,
              })}
              {server.protocolVersion ? ` · Bolt ${server.protocolVersion}` : ''}
            </Text>
          )}
          {statements.length > 0 && (
            <>
              <Text variant="bodySmall">{report.details?.message ?? ''}</Text>
              {statements.map((statement) => (
                <Stack key={statement} gap={1} alignItems="center">
                  <code data-testid={TEST_IDS.indexStatement}>{statement}</code>
                  <ClipboardButton size="sm" variant="secondary" icon="copy" getText={() => statement}>
                    <Trans i18nKey="config.server.copy">Copy</Trans>
                  </ClipboardButton>
                </Stack>
              ))}
              <ClipboardButton size="sm" icon="copy" getText={() => statements.join('\n')}>
                <Trans i18nKey="config.server.copy-all">Copy all statements</Trans>
              </ClipboardButton>
            </>
          )}
        </Stack>
      </Alert>
    </div>
  );
}

/** "Check server and indexes": what Save & test reports, shown with copy buttons, without saving first. */
export function ServerCheck({ options }: { options: DataSourceSettings<MemgraphSettings> }) {
  const [state, setState] = useState<{ running: boolean; report?: HealthReport }>({ running: false });
  const run = async () => {
    setState({ running: true });
    const report = await checkSettings(options).catch((error: Error): HealthReport => ({
      status: 'error',
      message: error.message,
    }));
    setState({ running: false, report });
  };
  return (
    <Stack direction="column" gap={1}>
      <div>
        <Button
          variant="secondary"
          icon={state.running ? 'spinner' : 'heart-rate'}
          disabled={state.running}
          onClick={run}
          data-testid={TEST_IDS.checkServer}
        >
          {state.running
            ? t('config.server.checking', 'Checking…')
            : t('config.server.check', 'Check server and indexes')}
        </Button>
      </div>
      {state.report && <HealthReportView report={state.report} />}
    </Stack>
  );
}
