import React from 'react';
import { Alert, Button, FieldSet, TextLink } from '@grafana/ui';
import { saveWallPlaylist } from '../../api/playlist';
import { DASHBOARDS } from '../../catalogue/dashboards';
import { WALL_PLAYLIST, playlistPlayPath } from '../../catalogue/playlist';
import { useAction } from '../../hooks/useAction';
import { grafanaHref } from '../../links';
import { testIds } from '../testIds';

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
      {action.status === 'error' && (
        <Alert severity="error" title="The playlist was not saved">
          {action.error.message}
        </Alert>
      )}
      {action.status === 'done' && (
        <Alert severity="success" title={action.value.created ? 'Playlist created' : 'Playlist updated'}>
          <TextLink href={grafanaHref(playlistPlayPath(action.value.uid))}>Play it in kiosk mode</TextLink>
        </Alert>
      )}
      <Button
        data-testid={testIds.appConfig.savePlaylist}
        disabled={action.status === 'running'}
        icon={action.status === 'running' ? 'spinner' : 'play'}
        onClick={action.run}
      >
        Create or update the wall playlist
      </Button>
    </FieldSet>
  );
}
