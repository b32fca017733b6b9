import React from 'react';
import { css } from '@emotion/css';
import { dateTimeFormatTimeAgo, type GrafanaTheme2 } from '@grafana/data';
import { t, Trans } from '@grafana/i18n';
import { Alert, Card, LinkButton, Stack, TextLink, useStyles2 } from '@grafana/ui';
import { alertByName } from '@opentruss/alerts';
import { PLAIN_TEXT, inViewerLanguage, runbookPath } from '@opentruss/contract';
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
    return <Loading text={t('home.firing.loading', 'Reading OpenTruss alert states…')} />;
  }
  if (states.status === 'error') {
    return (
      <ErrorView
        title={t('home.firing.error', 'Could not read the alert states from Grafana')}
        error={states.error}
        onRetry={states.reload}
      />
    );
  }
  if (states.value.size === 0) {
    return (
      <Alert severity="warning" title={t('home.firing.no-rules', 'No OpenTruss alert rules in Grafana')}>
        <Trans i18nKey="home.firing.no-rules-help">
          Nothing watches OpenTruss yet: provision <code>provisioning/alerting</code> or install the rules on the{' '}
          <TextLink href={grafanaHref(CONFIGURATION_PATH)}>Configuration page</TextLink>.
        </Trans>
      </Alert>
    );
  }
  const firing = firingInstances(states.value);
  const broken = [...states.value.values()].filter((rule) => rule.health === 'error');
  return (
    <Stack direction="column" gap={1}>
      {broken.length > 0 && (
        <Alert
          severity="warning"
          title={t('home.firing.broken', '', {
            ...PLAIN_TEXT,
            count: broken.length,
            defaultValue_one: '{{count}} rule cannot evaluate',
            defaultValue_other: '{{count}} rules cannot evaluate',
          })}
        >
          {broken
            .map((rule) => `${rule.name}: ${rule.lastError ?? t('home.firing.query-failed', 'query failed')}`)
            .join('; ')}
        </Alert>
      )}
      {firing.length === 0 ? (
        <Empty
          message={t('home.firing.none', '', {
            ...PLAIN_TEXT,
            count: states.value.size,
            defaultValue_one: 'No OpenTruss alert is firing ({{count}} rule watching).',
            defaultValue_other: 'No OpenTruss alert is firing ({{count}} rules watching).',
          })}
        />
      ) : (
        firing.map(({ rule, instance }, index) => {
          const alert = alertByName(rule.name);
          const labels = INSTANCE_LABELS.filter((label) => instance.labels[label]).map(
            (label) => instance.labels[label]
          );
          return (
            <Card key={`${rule.name}-${index}`} className={styles.card}>
              <Card.Heading>
                {alert.name} · {inViewerLanguage(alert.summary)}
              </Card.Heading>
              <Card.Meta>
                {[
                  ...labels,
                  instance.activeAt
                    ? t('home.firing.since', 'since {{ago}}', { ...PLAIN_TEXT, ago: dateTimeFormatTimeAgo(instance.activeAt) })
                    : t('home.firing.firing', 'firing'),
                  ...(instance.value ? [t('home.firing.value', 'value {{value}}', { ...PLAIN_TEXT, value: instance.value })] : []),
                ]}
              </Card.Meta>
              <Card.Tags>
                <SeverityBadge severity={alert.severity} />
              </Card.Tags>
              <Card.Actions>
                <LinkButton size="sm" icon="book-open" href={grafanaHref(runbookPath(alert.name))}>
                  <Trans i18nKey="home.firing.runbook">Runbook</Trans>
                </LinkButton>
                <LinkButton
                  size="sm"
                  variant="secondary"
                  icon="graph-bar"
                  href={grafanaHref(
                    panelPath(alert.panel.dashboardUid, alert.panel.panelId, datasourceUrlParams(settings))
                  )}
                >
                  <Trans i18nKey="home.firing.panel">Panel</Trans>
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
