import React, { type ChangeEvent } from 'react';
import { Alert, InlineField, Input, RadioButtonGroup, Stack } from '@grafana/ui';
import type { DataSourcePluginOptionsEditorProps } from '@grafana/data';

import { DEFAULT_SETTINGS, type Encryption, type MemgraphSettings, settingsProblems } from '../connection/settings';
import { WEBSOCKET_HINT } from '../connection/errors';

type Props = DataSourcePluginOptionsEditorProps<MemgraphSettings>;

type TextKey = 'url' | 'database' | 'username' | 'password' | 'timeZone';
type NumberKey = 'connectionTimeoutSeconds' | 'queryTimeoutSeconds' | 'maxRows' | 'fetchSize' | 'maxConnections';

const TEXT_FIELDS: Array<{ key: TextKey; label: string; tooltip: string; type?: string }> = [
  { key: 'url', label: 'URL', tooltip: 'bolt://host:7687, bolt+s://, neo4j://, ws://host:port or wss://proxy' },
  { key: 'database', label: 'Database', tooltip: 'Empty: the default database' },
  { key: 'username', label: 'Username', tooltip: 'A dedicated Memgraph user that may only read' },
  { key: 'password', label: 'Password', tooltip: 'Readable by every viewer (see the warning above)', type: 'password' },
  { key: 'timeZone', label: 'Time zone', tooltip: "For values without a zone: set it to Memgraph's --timezone" },
];

const NUMBER_FIELDS: Array<{ key: NumberKey; label: string }> = [
  { key: 'connectionTimeoutSeconds', label: 'Connection timeout (s)' },
  { key: 'queryTimeoutSeconds', label: 'Query timeout (s)' },
  { key: 'maxRows', label: 'Maximum rows' },
  { key: 'fetchSize', label: 'Fetch size' },
  { key: 'maxConnections', label: 'Max connections per browser' },
];

const ENCRYPTION_OPTIONS: Array<{ label: string; value: Encryption }> = [
  { label: 'Auto', value: 'auto' },
  { label: 'On', value: 'on' },
  { label: 'Off', value: 'off' },
];

/** Minimal settings form; the guided editor is built on top of these same settings (issue 5). */
export function ConfigEditor({ options, onOptionsChange }: Props) {
  const jsonData = options.jsonData ?? {};
  const update = (patch: Partial<MemgraphSettings>) =>
    onOptionsChange({ ...options, jsonData: { ...jsonData, ...patch } });
  const problems = settingsProblems(jsonData);

  return (
    <Stack direction="column" gap={1}>
      <Alert title="Credentials are visible to viewers" severity="warning">
        This datasource runs in the browser: its settings, the password included, are readable by everyone who can view
        a dashboard that uses it. Use a dedicated Memgraph user that may only read. {WEBSOCKET_HINT}
      </Alert>
      {TEXT_FIELDS.map(({ key, label, tooltip, type }) => (
        <InlineField key={key} label={label} labelWidth={28} tooltip={tooltip}>
          <Input
            id={`memgraph-${key}`}
            type={type}
            width={48}
            value={jsonData[key] ?? ''}
            placeholder={String(DEFAULT_SETTINGS[key])}
            onChange={(event: ChangeEvent<HTMLInputElement>) => update({ [key]: event.target.value })}
          />
        </InlineField>
      ))}
      <InlineField label="Encryption" labelWidth={28} tooltip="Auto: the URL scheme decides; an https page uses wss">
        <RadioButtonGroup
          options={ENCRYPTION_OPTIONS}
          value={jsonData.encryption ?? DEFAULT_SETTINGS.encryption}
          onChange={(encryption) => update({ encryption })}
        />
      </InlineField>
      {NUMBER_FIELDS.map(({ key, label }) => (
        <InlineField key={key} label={label} labelWidth={28}>
          <Input
            id={`memgraph-${key}`}
            type="number"
            width={16}
            value={jsonData[key] ?? ''}
            placeholder={String(DEFAULT_SETTINGS[key])}
            onChange={(event: ChangeEvent<HTMLInputElement>) =>
              update({ [key]: event.target.value === '' ? undefined : Number(event.target.value) })
            }
          />
        </InlineField>
      ))}
      {problems.length > 0 && (
        <Alert title="Settings to fix" severity="error">
          {problems.map((problem) => (
            <div key={problem}>{problem}</div>
          ))}
        </Alert>
      )}
    </Stack>
  );
}
