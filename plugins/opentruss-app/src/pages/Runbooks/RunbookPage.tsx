import React, { useMemo } from 'react';
import { useParams } from 'react-router-dom';
import { css } from '@emotion/css';
import { renderMarkdown, type GrafanaTheme2 } from '@grafana/data';
import { t, Trans } from '@grafana/i18n';
import { PluginPage } from '@grafana/runtime';
import { Alert, LinkButton, Stack, Text, TextLink, useStyles2 } from '@grafana/ui';
import { alertByName, runbookByName, type AlertName, type RunbookEntry } from '@opentruss/alerts';
import { grafanaRuleUid } from '@opentruss/alerts/rules';
import { dashboardPath, panelPath } from '../../catalogue/dashboards';
import { SeverityBadge } from '../../components/common/SeverityBadge';
import { testIds } from '../../components/testIds';
import { ROUTES, prefixRoute } from '../../constants';
import { useAppSettings } from '../../hooks/useAppSettings';
import { PLAIN_TEXT, inViewerLanguage, readsChinese } from '@opentruss/contract';
import { alertRulePath, grafanaHref } from '../../links';
import { datasourceUrlParams } from '../../settings';
import { RuleStateCell } from './RuleStateCell';
import { viewerLanguageFirst } from './runbookSections';
import { useRuleStates } from './useRuleStates';

/**
 * The runbook's Markdown as HTML. `renderMarkdown` sanitises its output (js-xss with Grafana's allow-list: no
 * scripts, event handlers or javascript: URLs; a test checks it), so the HTML may be injected.
 */
export function runbookHtml(markdown: string): string {
  return renderMarkdown(markdown);
}

function AlertFacts({ runbook }: { runbook: RunbookEntry }) {
  const settings = useAppSettings();
  const states = useRuleStates();
  const alert = alertByName(runbook.name as AlertName);
  const params = datasourceUrlParams(settings);
  return (
    <Stack direction="column" gap={1}>
      <Stack direction="row" gap={1} alignItems="center" wrap="wrap">
        <SeverityBadge severity={alert.severity} />
        <RuleStateCell name={alert.name} states={states} />
        {runbook.condition && <Text>{inViewerLanguage(runbook.condition)}</Text>}
      </Stack>
      <Stack direction="row" gap={1} wrap="wrap">
        <LinkButton
          size="sm"
          icon="graph-bar"
          href={grafanaHref(panelPath(alert.panel.dashboardUid, alert.panel.panelId, params))}
        >
          {t('runbooks.page.panel', 'Panel: {{title}}', { ...PLAIN_TEXT, title: inViewerLanguage(alert.panel.title) })}
        </LinkButton>
        <LinkButton
          size="sm"
          variant="secondary"
          icon="apps"
          href={grafanaHref(dashboardPath(alert.panel.dashboardUid, params))}
        >
          <Trans i18nKey="runbooks.page.dashboard">Dashboard</Trans>
        </LinkButton>
        <LinkButton
          size="sm"
          variant="secondary"
          icon="bell"
          href={grafanaHref(alertRulePath(grafanaRuleUid(alert.name)))}
        >
          <Trans i18nKey="runbooks.page.alert-rule">Alert rule</Trans>
        </LinkButton>
      </Stack>
    </Stack>
  );
}

export default function RunbookPage() {
  const styles = useStyles2(getStyles);
  const { name = '' } = useParams<{ name: string }>();
  const runbook = runbookByName(name);
  const html = useMemo(
    () => (runbook ? runbookHtml(viewerLanguageFirst(runbook.markdown, readsChinese())) : ''),
    [runbook]
  );
  const index = grafanaHref(prefixRoute(ROUTES.Runbooks));

  if (!runbook) {
    return (
      <PluginPage>
        <Alert severity="error" title={t('runbooks.page.not-found', 'No runbook named "{{name}}"', { ...PLAIN_TEXT, name })}>
          <Trans i18nKey="runbooks.page.not-found-help">
            See the <TextLink href={index}>runbook index</TextLink> for every alert and procedure.
          </Trans>
        </Alert>
      </PluginPage>
    );
  }
  return (
    <PluginPage>
      <div data-testid={testIds.runbooks.page}>
        <Stack direction="column" gap={2}>
          <Text element="h2" variant="h3">
            {inViewerLanguage(runbook.title)}
          </Text>
          {runbook.kind === 'alert' && <AlertFacts runbook={runbook} />}
          <div
            data-testid={testIds.runbooks.markdown}
            className={`markdown-html ${styles.markdown}`}
            dangerouslySetInnerHTML={{ __html: html }}
          />
          <TextLink href={index}>{t('runbooks.page.all-runbooks', '← All runbooks')}</TextLink>
        </Stack>
      </div>
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  markdown: css({ maxWidth: 960, 'pre, code': { fontSize: theme.typography.bodySmall.fontSize } }),
});
