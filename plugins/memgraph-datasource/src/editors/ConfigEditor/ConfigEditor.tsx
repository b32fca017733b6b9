import { t, Trans } from '@grafana/i18n';
import { PLAIN_TEXT } from '@opentruss/contract';
import type { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { Alert, Field, FieldSet, Input, RadioButtonGroup, Stack } from '@grafana/ui';
import React, { type ChangeEvent } from 'react';

import { DEFAULT_SETTINGS, type Encryption, type MemgraphSettings, settingsProblems } from '../../connection/settings';
import { TEST_IDS } from '../testIds';
import {
  authFields,
  connectionFields,
  type FieldSpec,
  limitFields,
  type NumberKey,
  placeholderOf,
  settingsFor,
  type TextKey,
} from './fields';
import { ServerCheck } from './ServerCheck';
import { TlsGuidance } from './TlsGuidance';

type Props = DataSourcePluginOptionsEditorProps<MemgraphSettings>;

function encryptionOptions(): Array<{ label: string; value: Encryption; description: string }> {
  return [
    {
      label: t('config.encryption.auto', 'Auto'),
      value: 'auto',
      description: t('config.encryption.auto-description', 'The URL scheme decides; an https Grafana always uses wss'),
    },
    {
      label: t('config.encryption.on', 'On'),
      value: 'on',
      description: t('config.encryption.on-description', 'TLS (wss from a browser)'),
    },
    {
      label: t('config.encryption.off', 'Off'),
      value: 'off',
      description: t('config.encryption.off-description', 'Plain ws: Memgraph serves WebSocket only without TLS'),
    },
  ];
}

/**
 * The datasource settings, grouped (connection, authentication, limits), each field checked with the engine's own
 * validation; the warning that viewers can read the credentials; WebSocket/TLS guidance; and a server + index check.
 */
export function ConfigEditor({ options, onOptionsChange }: Props) {
  const jsonData = options.jsonData ?? {};
  const update = (patch: Partial<MemgraphSettings>) =>
    onOptionsChange({ ...options, jsonData: { ...jsonData, ...patch } });
  const problemOf = (key: keyof MemgraphSettings) => settingsProblems(settingsFor(key, jsonData))[0];
  const problems = settingsProblems(jsonData);

  const textField = ({ key, label, description, type }: FieldSpec<TextKey>) => (
    <Field key={key} label={label} description={description} invalid={Boolean(problemOf(key))} error={problemOf(key)}>
      <Input
        id={`memgraph-${key}`}
        type={type}
        width={60}
        value={jsonData[key] ?? ''}
        placeholder={placeholderOf(key)}
        onChange={(event: ChangeEvent<HTMLInputElement>) => update({ [key]: event.target.value })}
      />
    </Field>
  );
  const numberField = ({ key, label, description }: FieldSpec<NumberKey>) => (
    <Field
      key={key}
      label={label}
      description={t('config.field.with-default', '{{description}} Default {{value}}.', {
        ...PLAIN_TEXT,
        description,
        value: DEFAULT_SETTINGS[key].toLocaleString('en-US'),
      })}
      invalid={Boolean(problemOf(key))}
      error={problemOf(key)}
    >
      <Input
        id={`memgraph-${key}`}
        type="number"
        min={1}
        width={20}
        value={jsonData[key] ?? ''}
        placeholder={placeholderOf(key)}
        onChange={(event: ChangeEvent<HTMLInputElement>) =>
          update({ [key]: event.target.value === '' ? undefined : Number(event.target.value) })
        }
      />
    </Field>
  );

  return (
    <div data-testid={TEST_IDS.configEditor}>
      <Stack direction="column" gap={2}>
        <div data-testid={TEST_IDS.credentialsWarning}>
          <Alert title={t('config.credentials.title', 'Credentials are visible to viewers')} severity="warning">
            <Trans i18nKey="config.credentials.text">
              This datasource runs in each viewer&apos;s browser, so its settings — the password included — are readable
              by everyone who can open a dashboard that uses it (and by anonymous visitors if anonymous access is on).
              Point the URL at the OpenTruss Bolt gateway and enter one of its viewer credentials: that credential is
              public by nature but can only read — the gateway refuses every write and administrative statement before
              Memgraph sees it. Never enter Memgraph&apos;s own user here (on Memgraph Community it is a superuser).
            </Trans>
          </Alert>
        </div>
        <FieldSet label={t('config.section.connection', 'Connection')}>
          {connectionFields().map(textField)}
          <Field
            label={t('config.encryption.label', 'Encryption')}
            description={t('config.encryption.description', 'Must agree with the URL scheme')}
            invalid={Boolean(problemOf('encryption'))}
            error={problemOf('encryption')}
          >
            <RadioButtonGroup
              options={encryptionOptions()}
              value={jsonData.encryption ?? DEFAULT_SETTINGS.encryption}
              onChange={(encryption) => update({ encryption })}
            />
          </Field>
          <TlsGuidance url={jsonData.url ?? DEFAULT_SETTINGS.url} encryption={jsonData.encryption ?? 'auto'} />
        </FieldSet>
        <FieldSet label={t('config.section.authentication', 'Authentication')}>{authFields().map(textField)}</FieldSet>
        <FieldSet label={t('config.section.limits', 'Limits')}>{limitFields().map(numberField)}</FieldSet>
        {problems.length > 0 && (
          <div data-testid={TEST_IDS.configProblems}>
            <Alert title={t('config.problems.title', 'Settings to fix before queries can run')} severity="error">
              <ul>
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </Alert>
          </div>
        )}
        <FieldSet label={t('config.section.server', 'Server and indexes')}>
          <ServerCheck options={options} />
        </FieldSet>
      </Stack>
    </div>
  );
}
