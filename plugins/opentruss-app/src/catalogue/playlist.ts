// The wall playlist (Grafana cannot file-provision playlists: the Configuration page creates or updates it).
import { DASHBOARDS, KIOSK_PARAMS, pathWithParams } from './dashboards';

export const WALL_PLAYLIST = {
  uid: 'opentruss-wall',
  name: 'OpenTruss wall',
  /** How long each dashboard stays on screen. */
  interval: '1m',
  dashboardUids: DASHBOARDS.filter((d) => d.onWall).map((d) => d.uid),
} as const;

/** Playlist items as Grafana stores them: dashboards by uid, in wall order. */
export function wallPlaylistItems(): Array<{ type: 'dashboard_by_uid'; value: string }> {
  return WALL_PLAYLIST.dashboardUids.map((uid) => ({ type: 'dashboard_by_uid', value: uid }));
}

/** Plays the playlist in kiosk mode; the player keeps kiosk and `_dash.hide*` across dashboards. */
export function playlistPlayPath(uid: string = WALL_PLAYLIST.uid): string {
  return pathWithParams(`/playlists/play/${uid}`, [...KIOSK_PARAMS, ['_dash.hidePlaylistNav', '']]);
}
