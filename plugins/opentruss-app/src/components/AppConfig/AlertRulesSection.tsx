import { t, Trans } from '@grafana/i18n';
import { PLAIN_TEXT } from '@opentruss/contract';
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
    <FieldSet label={t('config.alert-rules.title', 'Alert rules')}>
      <p>
        <Trans
          i18nKey="config.alert-rules.help"
          values={{
            rules: ALERTS.length,
            uid: settings.prometheusDatasourceUid,
            lokiUid: settings.lokiDatasourceUid,
            folder: GRAFANA_FOLDER,
          }}
        >
          The {'{{rules}}'} OpenTruss alert rules query the Prometheus datasource <code>{'{{uid}}'}</code> (log alerts:
          the Loki datasource <code>{'{{lokiUid}}'}</code>) and go into the folder “{'{{folder}}'}”. Where Grafana reads{' '}
          <code>provisioning/alerting</code> (the OpenTruss stack does), they are installed already and locked to those
          files; use this for Grafana instances without file provisioning. Running it again updates the same rules.
          Save the datasource settings first.
        </Trans>
      </p>
      <ActionControls
        action={action}
        label={t('config.alert-rules.install', 'Install or update alert rules')}
        icon="bell"
        testId={testIds.appConfig.installRules}
        errorTitle={t('config.alert-rules.error', 'The alert rules were not installed')}
        success={(result) => (
          <Alert severity="success" title={t('config.alert-rules.installed', 'Alert rules installed')}>
            {t(
              'config.alert-rules.installed-summary',
              '{{rules}} rules in {{groups}} groups ({{names}}) in the folder “{{folder}}”.',
              {
                ...PLAIN_TEXT,
                rules: result.groups.reduce((sum, group) => sum + group.rules, 0),
                groups: result.groups.length,
                names: result.groups.map((group) => group.title).join(', '),
                folder: result.folder.title,
              }
            )}{' '}
            <TextLink href={grafanaHref('/alerting/list?search=label%3Aservice%3Dopentruss')}>
              {t('config.alert-rules.open', 'Open the alert rules')}
            </TextLink>
          </Alert>
        )}
      />
    </FieldSet>
  );
}
