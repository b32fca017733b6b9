import React, { useCallback } from 'react';
import { t, Trans } from '@grafana/i18n';
import { PLAIN_TEXT } from '@opentruss/contract';
import { Alert, Button, Stack } from '@grafana/ui';
import { checkDatasource } from '../../api/datasourceHealth';
import { DATASOURCE_VARIABLES, type DatasourceRole } from '../../catalogue/datasources';
import { useAppSettings } from '../../hooks/useAppSettings';
import { useAsync } from '../../hooks/useAsync';
import { datasourceUidFor } from '../../settings';
import { Loading } from '../../components/common/StateViews';
import { testIds } from '../../components/testIds';

const SEVERITY = {
  ok: 'success',
  warning: 'warning',
  missing: 'warning',
  'wrong-type': 'warning',
  error: 'error',
} as const;
function stateText(status: keyof typeof SEVERITY): string {
  switch (status) {
    case 'ok':
      return t('home.datasource.state.ok', 'connected');
    case 'warning':
      return t('home.datasource.state.warning', 'connected, with a warning');
    case 'missing':
    case 'wrong-type':
      return t('home.datasource.state.not-usable', 'not usable');
    case 'error':
      return t('home.datasource.state.error', 'not answering');
  }
}

/** One configured datasource: found, of the right type, and answering its own health check. */
export function DatasourceStatus({ role }: { role: DatasourceRole }) {
  const settings = useAppSettings();
  const variable = DATASOURCE_VARIABLES[role];
  const uid = datasourceUidFor(settings, role);
  const load = useCallback(() => checkDatasource(uid, variable.pluginId), [uid, variable.pluginId]);
  const health = useAsync(load);
  return (
    <div data-testid={testIds.home.datasource(role)}>
      {health.status === 'loading' && (
        <Loading text={t('home.datasource.checking', 'Checking {{name}} ({{uid}})…', { ...PLAIN_TEXT, name: variable.label, uid })} />
      )}
      {health.status === 'error' && (
        <Alert
          severity="error"
          title={t('home.datasource.check-failed', '{{name}}: check failed', { ...PLAIN_TEXT, name: variable.label })}
        >
          {health.error.message}
        </Alert>
      )}
      {health.status === 'done' && (
        <Alert
          severity={SEVERITY[health.value.status]}
          title={t('home.datasource.state-title', '{{name}}: {{state}}', {
            ...PLAIN_TEXT,
            name: variable.label,
            state: stateText(health.value.status),
          })}
        >
          <Stack direction="row" alignItems="center" justifyContent="space-between">
            <span>
              {'name' in health.value ? `${health.value.name} (${uid}): ` : ''}
              {health.value.message}
            </span>
            <Button size="sm" variant="secondary" icon="sync" onClick={health.reload}>
              <Trans i18nKey="home.datasource.check-again">Check again</Trans>
            </Button>
          </Stack>
        </Alert>
      )}
    </div>
  );
}
