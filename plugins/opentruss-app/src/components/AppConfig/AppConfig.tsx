import React from 'react';
import type { AppPluginMeta, PluginConfigPageProps } from '@grafana/data';
import { Stack } from '@grafana/ui';
import { resolveAppSettings, type AppSettings } from '../../settings';
import { AlertRulesSection } from './AlertRulesSection';
import { DatasourceSettings } from './DatasourceSettings';
import { PlaylistSection } from './PlaylistSection';

export interface AppConfigProps extends PluginConfigPageProps<AppPluginMeta<AppSettings>> {}

/** Configuration: which datasources the app uses, alert rules over the HTTP API, the wall playlist. */
const AppConfig = ({ plugin }: AppConfigProps) => {
  const settings = resolveAppSettings(plugin.meta.jsonData);
  return (
    <Stack direction="column" gap={4}>
      <DatasourceSettings meta={plugin.meta} settings={settings} />
      <AlertRulesSection settings={settings} />
      <PlaylistSection />
    </Stack>
  );
};

export default AppConfig;
