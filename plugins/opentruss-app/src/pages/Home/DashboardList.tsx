import React from 'react';
import { t, Trans } from '@grafana/i18n';
import { PLAIN_TEXT } from '@opentruss/contract';
import { Card, LinkButton } from '@grafana/ui';
import { dashboardTexts } from '../../catalogue/dashboardTexts';
import { DASHBOARDS, dashboardPath, kioskPath } from '../../catalogue/dashboards';
import { playlistPlayPath, WALL_PLAYLIST } from '../../catalogue/playlist';
import { useAppSettings } from '../../hooks/useAppSettings';
import { grafanaHref } from '../../links';
import { datasourceUrlParams } from '../../settings';

/** Every bundled dashboard, opened normally or in kiosk mode for a wall screen, and the wall playlist. */
export function DashboardList() {
  const params = datasourceUrlParams(useAppSettings());
  const interval = WALL_PLAYLIST.interval;
  return (
    <>
      {DASHBOARDS.map((dashboard) => {
        const texts = dashboardTexts(dashboard.key);
        return (
          <Card key={dashboard.uid} href={grafanaHref(dashboardPath(dashboard.uid, params))}>
            <Card.Heading>{texts.title}</Card.Heading>
            <Card.Description>{texts.summary}</Card.Description>
            <Card.Actions>
              <LinkButton
                size="sm"
                variant="secondary"
                icon="monitor"
                href={grafanaHref(kioskPath(dashboard.uid, params))}
              >
                <Trans i18nKey="home.dashboards.kiosk">Kiosk mode</Trans>
              </LinkButton>
            </Card.Actions>
          </Card>
        );
      })}
      <Card href={grafanaHref(playlistPlayPath())}>
        <Card.Heading>
          {t('home.dashboards.playlist-title', 'Wall playlist · {{name}}', { ...PLAIN_TEXT, name: WALL_PLAYLIST.name })}
        </Card.Heading>
        <Card.Description>
          <Trans i18nKey="home.dashboards.playlist-description">
            Rotates the wall dashboards every {{ interval }} in kiosk mode. Create or update it on the Configuration
            page first (Grafana cannot provision playlists from files).
          </Trans>
        </Card.Description>
      </Card>
    </>
  );
}
