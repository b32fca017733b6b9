import React from 'react';
import { t } from '@grafana/i18n';
import { PluginPage } from '@grafana/runtime';
import { Stack, Text } from '@grafana/ui';
import { testIds } from '../../components/testIds';
import { DashboardList } from './DashboardList';
import { DatasourceStatus } from './DatasourceStatus';
import { FiringAlerts } from './FiringAlerts';

function Section({ title, testId, children }: { title: string; testId: string; children: React.ReactNode }) {
  return (
    <section data-testid={testId}>
      <Stack direction="column" gap={1}>
        <Text element="h2" variant="h4">
          {title}
        </Text>
        {children}
      </Stack>
    </section>
  );
}

/** What needs attention now: are the datasources there, what is firing, and where the dashboards are. */
export default function Home() {
  return (
    <PluginPage>
      <div data-testid={testIds.home.container}>
        <Stack direction="column" gap={3}>
          <Section title={t('home.datasources.title', 'Datasources')} testId={testIds.home.datasource('all')}>
            <DatasourceStatus role="memgraph" />
            <DatasourceStatus role="prometheus" />
          </Section>
          <Section title={t('home.firing.title', 'OpenTruss alerts firing now')} testId={testIds.home.firing}>
            <FiringAlerts />
          </Section>
          <Section title={t('home.dashboards.title', 'Dashboards')} testId={testIds.home.dashboards}>
            <DashboardList />
          </Section>
        </Stack>
      </div>
    </PluginPage>
  );
}
