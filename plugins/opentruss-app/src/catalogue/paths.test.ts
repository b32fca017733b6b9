import { dashboardPath, kioskPath, panelPath } from './dashboards';
import { playlistPlayPath, wallPlaylistItems } from './playlist';

describe('Grafana paths', () => {
  it('build dashboard, panel and kiosk paths with encoded parameters', () => {
    expect(dashboardPath('opentruss-wall')).toBe('/d/opentruss-wall');
    expect(panelPath('opentruss-system', 3, [['var-prometheus', 'a b&c']])).toBe(
      '/d/opentruss-system?var-prometheus=a%20b%26c&viewPanel=3'
    );
    expect(kioskPath('opentruss-wall')).toBe(
      '/d/opentruss-wall?kiosk&autofitpanels&_dash.hideTimePicker&_dash.hideVariables&_dash.hideLinks'
    );
    expect(playlistPlayPath('abc')).toBe(
      '/playlists/play/abc?kiosk&autofitpanels&_dash.hideTimePicker&_dash.hideVariables&_dash.hideLinks&_dash.hidePlaylistNav'
    );
  });

  it('put the four wall dashboards in the playlist, not capacity planning', () => {
    expect(wallPlaylistItems().map((item) => item.value)).toEqual([
      'opentruss-wall',
      'opentruss-system',
      'opentruss-api-db',
      'opentruss-business',
    ]);
  });
});
