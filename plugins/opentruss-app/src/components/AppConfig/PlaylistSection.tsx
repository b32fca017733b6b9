import { t } from '@grafana/i18n';
import { PLAIN_TEXT } from '@opentruss/contract';
import React from 'react';
import { Alert, FieldSet, TextLink } from '@grafana/ui';
import { saveWallPlaylist } from '../../api/playlist';
import { dashboardTexts } from '../../catalogue/dashboardTexts';
import { DASHBOARDS } from '../../catalogue/dashboards';
import { WALL_PLAYLIST, playlistPlayPath } from '../../catalogue/playlist';
import { useAction } from '../../hooks/useAction';
import { grafanaHref } from '../../links';
import { testIds } from '../testIds';
import { ActionControls } from './ActionControls';

/** Creates or updates the wall playlist (Grafana cannot provision playlists from files). */
export function PlaylistSection() {
  const action = useAction(saveWallPlaylist);
  const wallTitles = DASHBOARDS.filter((d) => d.onWall).map((d) => dashboardTexts(d.key).title);
  return (
    <FieldSet label={t('config.playlist.title', 'Wall playlist')}>
      <p>
        {t(
          'config.playlist.help',
          '“{{name}}” shows {{dashboards}} for {{interval}} each. Playlists keep no datasource variables: the dashboards use their defaults, the provisioned datasources.',
          { ...PLAIN_TEXT, name: WALL_PLAYLIST.name, dashboards: wallTitles.join(', '), interval: WALL_PLAYLIST.interval }
        )}
      </p>
      <ActionControls
        action={action}
        label={t('config.playlist.save', 'Create or update the wall playlist')}
        icon="play"
        testId={testIds.appConfig.savePlaylist}
        errorTitle={t('config.playlist.error', 'The playlist was not saved')}
        success={(result) => (
          <Alert
            severity="success"
            title={
              result.created
                ? t('config.playlist.created', 'Playlist created')
                : t('config.playlist.updated', 'Playlist updated')
            }
          >
            <TextLink href={grafanaHref(playlistPlayPath(result.uid))}>
              {t('config.playlist.play', 'Play it in kiosk mode')}
            </TextLink>
          </Alert>
        )}
      />
    </FieldSet>
  );
}
