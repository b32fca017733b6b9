import type { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { Alert, Field, FieldSet, Input, RadioButtonGroup, Stack } from '@grafana/ui';
import React, { type ChangeEvent } from 'react';

import { DEFAULT_SETTINGS, type Encryption, type MemgraphSettings, settingsProblems } from '../../connection/settings';
import { TEST_IDS } from '../testIds';
import { AUTH_FIELDS, CONNECTION_FIELDS, type FieldSpec, LIMIT_FIELDS, type NumberKey, placeholderOf, settingsFor, type TextKey } from './fields';
import { ServerCheck } from './ServerCheck';
import { TlsGuidance } from './TlsGuidance';

type Props = DataSourcePluginOptionsEditorProps<MemgraphSettings>;

const ENCRYPTION_OPTIONS: Array<{ label: string; value: Encryption; description: string }> = [
  { label: 'Auto', value: 'auto', description: 'The URL scheme decides; an https Grafana always uses wss' },
  { label: 'On', value: 'on', description: 'TLS (wss from a browser)' },
  { label: 'Off', value: 'off', description: 'Plain ws: Memgraph serves WebSocket only without TLS' },
];

/**
 * The datasource settings, grouped (connection, authentication, limits), each field checked with the engine's own
 * validation; the warning that viewers can read the credentials; WebSocket/TLS guidance; and a server + index check.
 */
export function ConfigEditor({ options, onOptionsChange }: Props) {
  const jsonData = options.jsonData ?? {};
  const update = (patch: Partial<MemgraphSettings>) => onOptionsChange({ ...options, jsonData: { ...jsonData, ...patch } });
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
      description={`${description} Default ${DEFAULT_SETTINGS[key].toLocaleString('en-US')}.`}
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
          <Alert title="Credentials are visible to viewers" severity="warning">
            This datasource runs in each viewer&apos;s browser, so its settings — the password included — are readable
            by everyone who can open a dashboard that uses it (and by anonymous visitors if anonymous access is on).
            Point the URL at the OpenTruss Bolt gateway and enter one of its viewer credentials: that credential is
            public by nature but can only read — the gateway refuses every write and administrative statement before
            Memgraph sees it. Never enter Memgraph&apos;s own user here (on Memgraph Community it is a superuser).
          </Alert>
        </div>
        <FieldSet label="Connection">
          {CONNECTION_FIELDS.map(textField)}
          <Field
            label="Encryption"
            description="Must agree with the URL scheme"
            invalid={Boolean(problemOf('encryption'))}
            error={problemOf('encryption')}
          >
            <RadioButtonGroup
              options={ENCRYPTION_OPTIONS}
              value={jsonData.encryption ?? DEFAULT_SETTINGS.encryption}
              onChange={(encryption) => update({ encryption })}
            />
          </Field>
          <TlsGuidance url={jsonData.url ?? DEFAULT_SETTINGS.url} encryption={jsonData.encryption ?? 'auto'} />
        </FieldSet>
        <FieldSet label="Authentication">{AUTH_FIELDS.map(textField)}</FieldSet>
        <FieldSet label="Limits">{LIMIT_FIELDS.map(numberField)}</FieldSet>
        {problems.length > 0 && (
          <div data-testid={TEST_IDS.configProblems}>
            <Alert title="Settings to fix before queries can run" severity="error">
              <ul>
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </Alert>
          </div>
        )}
        <FieldSet label="Server and indexes">
          <ServerCheck options={options} />
        </FieldSet>
      </Stack>
    </div>
  );
}
