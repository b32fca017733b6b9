import React, { useCallback } from 'react';
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
const STATE = {
  ok: 'connected',
  warning: 'connected, with a warning',
  missing: 'not usable',
  'wrong-type': 'not usable',
  error: 'not answering',
} as const;

/** One configured datasource: found, of the right type, and answering its own health check. */
export function DatasourceStatus({ role }: { role: DatasourceRole }) {
  const settings = useAppSettings();
  const variable = DATASOURCE_VARIABLES[role];
  const uid = datasourceUidFor(settings, role);
  const load = useCallback(() => checkDatasource(uid, variable.pluginId), [uid, variable.pluginId]);
  const health = useAsync(load);
  return (
    <div data-testid={testIds.home.datasource(role)}>
      {health.status === 'loading' && <Loading text={`Checking ${variable.label} (${uid})…`} />}
      {health.status === 'error' && (
        <Alert severity="error" title={`${variable.label}: check failed`}>
          {health.error.message}
        </Alert>
      )}
      {health.status === 'done' && (
        <Alert severity={SEVERITY[health.value.status]} title={`${variable.label}: ${STATE[health.value.status]}`}>
          <Stack direction="row" alignItems="center" justifyContent="space-between">
            <span>
              {'name' in health.value ? `${health.value.name} (${uid}): ` : ''}
              {health.value.message}
            </span>
            <Button size="sm" variant="secondary" icon="sync" onClick={health.reload}>
              Check again
            </Button>
          </Stack>
        </Alert>
      )}
    </div>
  );
}
