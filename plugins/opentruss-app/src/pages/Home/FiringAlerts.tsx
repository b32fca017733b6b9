import React from 'react';
import { css } from '@emotion/css';
import { dateTimeFormatTimeAgo, type GrafanaTheme2 } from '@grafana/data';
import { Alert, Card, LinkButton, Stack, TextLink, useStyles2 } from '@grafana/ui';
import { alertByName } from '@opentruss/alerts';
import { runbookPath } from '@opentruss/contract';
import { fetchRuleStates, firingInstances } from '../../api/alertStates';
import { panelPath } from '../../catalogue/dashboards';
import { Empty, ErrorView, Loading } from '../../components/common/StateViews';
import { SeverityBadge } from '../../components/common/SeverityBadge';
import { useAppSettings } from '../../hooks/useAppSettings';
import { useAsync } from '../../hooks/useAsync';
import { CONFIGURATION_PATH, grafanaHref } from '../../links';
import { datasourceUrlParams } from '../../settings';

/** Labels that tell instances of one rule apart (the rule's own labels are the same on all of them). */
const INSTANCE_LABELS = ['instance', 'mountpoint', 'device'];

export function FiringAlerts() {
  const styles = useStyles2(getStyles);
  const settings = useAppSettings();
  const states = useAsync(fetchRuleStates);

  if (states.status === 'loading') {
    return <Loading text="Reading OpenTruss alert states…" />;
  }
  if (states.status === 'error') {
    return (
      <ErrorView title="Could not read the alert states from Grafana" error={states.error} onRetry={states.reload} />
    );
  }
  if (states.value.size === 0) {
    return (
      <Alert severity="warning" title="No OpenTruss alert rules in Grafana">
        Nothing watches OpenTruss yet: provision <code>provisioning/alerting</code> or install the rules on the{' '}
        <TextLink href={grafanaHref(CONFIGURATION_PATH)}>Configuration page</TextLink>.
      </Alert>
    );
  }
  const firing = firingInstances(states.value);
  const broken = [...states.value.values()].filter((rule) => rule.health === 'error');
  return (
    <Stack direction="column" gap={1}>
      {broken.length > 0 && (
        <Alert severity="warning" title={`${broken.length} rule(s) cannot evaluate`}>
          {broken.map((rule) => `${rule.name}: ${rule.lastError ?? 'query failed'}`).join('; ')}
        </Alert>
      )}
      {firing.length === 0 ? (
        <Empty message={`No OpenTruss alert is firing (${states.value.size} rules watching).`} />
      ) : (
        firing.map(({ rule, instance }, index) => {
          const alert = alertByName(rule.name);
          const labels = INSTANCE_LABELS.filter((label) => instance.labels[label]).map(
            (label) => instance.labels[label]
          );
          return (
            <Card key={`${rule.name}-${index}`} className={styles.card}>
              <Card.Heading>
                {alert.name} · {alert.summary.zh} / {alert.summary.en}
              </Card.Heading>
              <Card.Meta>
                {[
                  ...labels,
                  instance.activeAt ? `since ${dateTimeFormatTimeAgo(instance.activeAt)}` : 'firing',
                  ...(instance.value ? [`value ${instance.value}`] : []),
                ]}
              </Card.Meta>
              <Card.Tags>
                <SeverityBadge severity={alert.severity} />
              </Card.Tags>
              <Card.Actions>
                <LinkButton size="sm" icon="book-open" href={grafanaHref(runbookPath(alert.name))}>
                  Runbook
                </LinkButton>
                <LinkButton
                  size="sm"
                  variant="secondary"
                  icon="graph-bar"
                  href={grafanaHref(
                    panelPath(alert.panel.dashboardUid, alert.panel.panelId, datasourceUrlParams(settings))
                  )}
                >
                  Panel
                </LinkButton>
              </Card.Actions>
            </Card>
          );
        })
      )}
    </Stack>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  card: css({ borderLeft: `4px solid ${theme.colors.error.main}` }),
});
