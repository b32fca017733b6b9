import React from 'react';
import { Alert, FieldSet, TextLink } from '@grafana/ui';
import { saveWallPlaylist } from '../../api/playlist';
import { DASHBOARDS } from '../../catalogue/dashboards';
import { WALL_PLAYLIST, playlistPlayPath } from '../../catalogue/playlist';
import { useAction } from '../../hooks/useAction';
import { grafanaHref } from '../../links';
import { testIds } from '../testIds';
import { ActionControls } from './ActionControls';

const wallTitles = DASHBOARDS.filter((d) => d.onWall).map((d) => d.title.en);

/** Creates or updates the wall playlist (Grafana cannot provision playlists from files). */
export function PlaylistSection() {
  const action = useAction(saveWallPlaylist);
  return (
    <FieldSet label="Wall playlist">
      <p>
        “{WALL_PLAYLIST.name}” shows {wallTitles.join(', ')} for {WALL_PLAYLIST.interval} each. Playlists keep no
        datasource variables: the dashboards use their defaults, the provisioned datasources.
      </p>
      <ActionControls
        action={action}
        label="Create or update the wall playlist"
        icon="play"
        testId={testIds.appConfig.savePlaylist}
        errorTitle="The playlist was not saved"
        success={(result) => (
          <Alert severity="success" title={result.created ? 'Playlist created' : 'Playlist updated'}>
            <TextLink href={grafanaHref(playlistPlayPath(result.uid))}>Play it in kiosk mode</TextLink>
          </Alert>
        )}
      />
    </FieldSet>
  );
}
