// Creates or updates the wall playlist (Grafana cannot provision playlists from files).
import { WALL_PLAYLIST, wallPlaylistItems } from '../catalogue/playlist';
import { grafanaRequest } from './grafana';

interface PlaylistSummary {
  uid: string;
  name: string;
}

export function wallPlaylistBody() {
  return { name: WALL_PLAYLIST.name, interval: WALL_PLAYLIST.interval, items: wallPlaylistItems() };
}

/** Updates the playlist with the wall's uid (or, failing that, its name); creates it with that uid otherwise. */
export async function saveWallPlaylist(): Promise<{ uid: string; created: boolean }> {
  const playlists = await grafanaRequest<PlaylistSummary[]>({
    url: '/api/playlists',
    params: { query: WALL_PLAYLIST.name },
  });
  const existing =
    playlists.find((p) => p.uid === WALL_PLAYLIST.uid) ?? playlists.find((p) => p.name === WALL_PLAYLIST.name);
  if (existing) {
    await grafanaRequest({
      method: 'PUT',
      url: `/api/playlists/${encodeURIComponent(existing.uid)}`,
      data: wallPlaylistBody(),
    });
    return { uid: existing.uid, created: false };
  }
  const created = await grafanaRequest<{ uid?: string }>({
    method: 'POST',
    url: '/api/playlists',
    data: { uid: WALL_PLAYLIST.uid, ...wallPlaylistBody() },
  });
  return { uid: created.uid || WALL_PLAYLIST.uid, created: true };
}
