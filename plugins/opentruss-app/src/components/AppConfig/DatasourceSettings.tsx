import { t, Trans } from '@grafana/i18n';
import React, { useCallback, useState } from 'react';
import type { AppPluginMeta } from '@grafana/data';
import { DataSourcePicker } from '@grafana/runtime';
import { Field, FieldSet } from '@grafana/ui';
import { LINK_CAPACITY } from '@opentruss/alerts';
import { reloadPage, saveAppSettings } from '../../api/pluginSettings';
import { DATASOURCE_VARIABLES, type DatasourceRole } from '../../catalogue/datasources';
import { useAction } from '../../hooks/useAction';
import { SETTING_OF_ROLE, datasourceUidFor, type AppSettings, type ResolvedAppSettings } from '../../settings';
import { testIds } from '../testIds';
import { ActionControls } from './ActionControls';

const ROLES: DatasourceRole[] = ['memgraph', 'prometheus', 'loki'];

function usesOf(role: DatasourceRole): string {
  switch (role) {
    case 'memgraph':
      return t('config.datasources.uses.memgraph', 'Business and capacity panels and the home page’s Memgraph check.');
    case 'prometheus':
      return t(
        'config.datasources.uses.prometheus',
        'System and API panels, the home page’s Prometheus check, and alert rules installed from this page.'
      );
    case 'loki':
      return t('config.datasources.uses.loki', 'The Logs dashboard and the log alert rules installed from this page.');
  }
}

/** Which Memgraph, Prometheus and Loki datasources the app uses, saved in the app's jsonData. */
export function DatasourceSettings({
  meta,
  settings,
}: {
  meta: AppPluginMeta<AppSettings>;
  settings: ResolvedAppSettings;
}) {
  const [draft, setDraft] = useState<ResolvedAppSettings>(settings);
  const save = useCallback(async () => {
    await saveAppSettings({
      enabled: Boolean(meta.enabled),
      pinned: Boolean(meta.pinned),
      jsonData: { ...meta.jsonData, ...draft },
    });
    reloadPage();
  }, [meta, draft]);
  const saving = useAction(save);

  return (
    <FieldSet label={t('config.datasources.title', 'Datasources')} data-testid={testIds.appConfig.datasources}>
      <p>
        <Trans i18nKey="config.datasources.help">
          The bundled dashboards choose their datasources through the <code>memgraph</code> and <code>prometheus</code>{' '}
          variables, which default to the provisioned ones; links from the app’s pages pass the datasources chosen here.
        </Trans>
      </p>
      {ROLES.map((role) => {
        const variable = DATASOURCE_VARIABLES[role];
        return (
          <Field key={role} label={variable.label} description={usesOf(role)}>
            <DataSourcePicker
              inputId={`opentruss-config-${role}`}
              pluginId={variable.pluginId}
              current={datasourceUidFor(draft, role)}
              onChange={(ds) =>
                setDraft({
                  ...draft,
                  [SETTING_OF_ROLE[role]]: ds.uid,
                })
              }
              width={40}
            />
          </Field>
        );
      })}
      <p>
        <Trans
          i18nKey="config.datasources.capacity.note"
          values={{ record: LINK_CAPACITY.record, file: LINK_CAPACITY.file }}
        >
          The network bandwidth alert divides the traffic of interfaces that report no link speed (virtual NICs) by a
          capacity Prometheus records, <code>{'{{record}}'}</code>: edit it in <code>{'{{file}}'}</code> (or the same
          rule in your own Prometheus) and reload Prometheus; the rules need no reinstall.
        </Trans>
      </p>
      <ActionControls
        action={saving}
        label={t('config.datasources.save', 'Save settings')}
        icon="save"
        testId={testIds.appConfig.saveSettings}
        errorTitle={t('config.datasources.error', 'Settings were not saved')}
      />
    </FieldSet>
  );
}
