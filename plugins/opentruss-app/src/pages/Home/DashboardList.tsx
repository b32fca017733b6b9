import React from 'react';
import { Card, LinkButton } from '@grafana/ui';
import { DASHBOARDS, dashboardPath, kioskPath } from '../../catalogue/dashboards';
import { playlistPlayPath, WALL_PLAYLIST } from '../../catalogue/playlist';
import { useAppSettings } from '../../hooks/useAppSettings';
import { grafanaHref } from '../../links';
import { datasourceUrlParams } from '../../settings';

/** Every bundled dashboard, opened normally or in kiosk mode for a wall screen, and the wall playlist. */
export function DashboardList() {
  const params = datasourceUrlParams(useAppSettings());
  return (
    <>
      {DASHBOARDS.map((dashboard) => (
        <Card key={dashboard.uid} href={grafanaHref(dashboardPath(dashboard.uid, params))}>
          <Card.Heading>
            {dashboard.title.zh} / {dashboard.title.en}
          </Card.Heading>
          <Card.Description>{dashboard.summary}</Card.Description>
          <Card.Actions>
            <LinkButton
              size="sm"
              variant="secondary"
              icon="monitor"
              href={grafanaHref(kioskPath(dashboard.uid, params))}
            >
              Kiosk mode
            </LinkButton>
          </Card.Actions>
        </Card>
      ))}
      <Card href={grafanaHref(playlistPlayPath())}>
        <Card.Heading>Wall playlist · {WALL_PLAYLIST.name}</Card.Heading>
        <Card.Description>
          Rotates the wall dashboards every {WALL_PLAYLIST.interval} in kiosk mode. Create or update it on the
          Configuration page first (Grafana cannot provision playlists from files).
        </Card.Description>
      </Card>
    </>
  );
}
