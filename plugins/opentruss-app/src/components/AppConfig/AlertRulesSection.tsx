import React, { useCallback } from 'react';
import { config } from '@grafana/runtime';
import { Alert, FieldSet, TextLink } from '@grafana/ui';
import { ALERTS, GRAFANA_FOLDER } from '@opentruss/alerts';
import { installAlertRules } from '../../api/alertRules';
import { useAction } from '../../hooks/useAction';
import { grafanaHref } from '../../links';
import type { ResolvedAppSettings } from '../../settings';
import { testIds } from '../testIds';
import { ActionControls } from './ActionControls';

/** Installs or updates the OpenTruss rules through Grafana's provisioning HTTP API (for Grafana without file provisioning). */
export function AlertRulesSection({ settings }: { settings: ResolvedAppSettings }) {
  const install = useCallback(
    () =>
      installAlertRules({
        prometheusUid: settings.prometheusDatasourceUid,
        lokiUid: settings.lokiDatasourceUid,
        orgId: config.bootData?.user?.orgId ?? 1,
      }),
    [settings]
  );
  const action = useAction(install);
  return (
    <FieldSet label="Alert rules">
      <p>
        The {ALERTS.length} OpenTruss alert rules query the Prometheus datasource{' '}
        <code>{settings.prometheusDatasourceUid}</code> (log alerts: the Loki datasource{' '}
        <code>{settings.lokiDatasourceUid}</code>) and go into the folder “{GRAFANA_FOLDER}”. Where Grafana reads{' '}
        <code>provisioning/alerting</code> (the OpenTruss stack does), they are installed already and locked to those
        files; use this for Grafana instances without file provisioning. Running it again updates the same rules. Save
        the datasource settings first.
      </p>
      <ActionControls
        action={action}
        label="Install or update alert rules"
        icon="bell"
        testId={testIds.appConfig.installRules}
        errorTitle="The alert rules were not installed"
        success={(result) => (
          <Alert severity="success" title="Alert rules installed">
            {result.groups.reduce((sum, group) => sum + group.rules, 0)} rules in {result.groups.length} groups (
            {result.groups.map((group) => group.title).join(', ')}) in the folder “{result.folder.title}”.{' '}
            <TextLink href={grafanaHref('/alerting/list?search=label%3Aservice%3Dopentruss')}>
              Open the alert rules
            </TextLink>
          </Alert>
        )}
      />
    </FieldSet>
  );
}
