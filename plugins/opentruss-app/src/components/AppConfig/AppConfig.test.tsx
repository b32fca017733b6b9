import React from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { PluginType } from '@grafana/data';
import { config } from '@grafana/runtime';
import { ALERTS, LINK_CAPACITY, RULE_GROUPS } from '@opentruss/alerts';
import { runbookLink } from '@opentruss/alerts/rules';
import { WALL_PLAYLIST } from '../../catalogue/playlist';
import { FakeBackend, installDatasources, PROVISIONED_DATASOURCES } from '../../testing/fakeGrafana';
import { renderPage } from '../../testing/render';
import type { AppSettings } from '../../settings';
import { testIds } from '../testIds';
import AppConfig, { type AppConfigProps } from './AppConfig';

let backend: FakeBackend;
let reload: jest.Mock;
const browserLocation = window.location;

beforeEach(() => {
  backend = new FakeBackend().install();
  installDatasources([
    ...PROVISIONED_DATASOURCES.map((ds) => ({ ...ds, name: `${ds.name} (provisioned)` })),
    { uid: 'prom-2', name: 'Prometheus 2', type: 'prometheus' },
  ]);
  // The page reloads after saving (Grafana hands plugin settings to pages at load time): the browser boundary.
  reload = jest.fn();
  Object.defineProperty(window, 'location', { configurable: true, value: { ...browserLocation, reload } });
  config.appUrl = 'https://grafana.example.com/';
  config.bootData.user = { ...config.bootData.user, orgId: 3 };
});
afterEach(() => Object.defineProperty(window, 'location', { configurable: true, value: browserLocation }));

function renderConfig(jsonData: AppSettings = {}) {
  const props = {
    plugin: {
      meta: { id: 'opentruss-app', name: 'OpenTruss', type: PluginType.app, enabled: true, pinned: true, jsonData },
    },
    query: {},
  } as unknown as AppConfigProps;
  return renderPage(<AppConfig {...props} />);
}

const SETTINGS_URL = '/api/plugins/opentruss-app/settings';

describe('Configuration: datasources', () => {
  it('shows the configured datasources and saves a new choice, then reloads', async () => {
    backend.reply('POST', SETTINGS_URL, { message: 'Plugin settings updated' });
    renderConfig({ memgraphDatasourceUid: 'opentruss-memgraph' });
    const section = within(screen.getByTestId(testIds.appConfig.datasources));
    expect(section.getByText('Memgraph (provisioned)')).toBeInTheDocument();
    expect(section.getByText('Prometheus (provisioned)')).toBeInTheDocument();

    fireEvent.keyDown(screen.getByLabelText('Select a data source', { selector: '#opentruss-config-prometheus' }), {
      key: 'ArrowDown',
    });
    fireEvent.click(await screen.findByText('Prometheus 2'));
    fireEvent.click(screen.getByTestId(testIds.appConfig.saveSettings));

    await waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(backend.callsTo('POST', SETTINGS_URL)[0].data).toEqual({
      enabled: true,
      pinned: true,
      jsonData: {
        memgraphDatasourceUid: 'opentruss-memgraph',
        prometheusDatasourceUid: 'prom-2',
        lokiDatasourceUid: 'opentruss-loki',
      },
    });
  });

  it('says where the link capacity lives now: a Prometheus recording rule, not an app setting', () => {
    renderConfig();
    expect(screen.getByText(LINK_CAPACITY.record)).toBeInTheDocument();
    expect(screen.getByText(LINK_CAPACITY.file)).toBeInTheDocument();
    expect(screen.queryByDisplayValue('1000')).not.toBeInTheDocument();
  });

  it('keeps the form and explains when saving fails', async () => {
    backend.fail('POST', SETTINGS_URL, 403, 'Permission denied');
    renderConfig();
    fireEvent.click(screen.getByTestId(testIds.appConfig.saveSettings));
    expect(await screen.findByText('Settings were not saved')).toBeInTheDocument();
    expect(screen.getByText(`POST ${SETTINGS_URL} failed (HTTP 403): Permission denied`)).toBeInTheDocument();
    expect(reload).not.toHaveBeenCalled();
  });
});

describe('Configuration: alert rules', () => {
  const GROUP_NAMES = Object.values(RULE_GROUPS).map((group) => group.name);
  const groupUrl = (group: string) => `/api/v1/provisioning/folder/f-opentruss/rule-groups/${group}`;

  it('creates the folder and puts every rule group with provenance disabled', async () => {
    backend.reply('GET', '/api/folders', [{ uid: 'other', title: 'Other' }]);
    backend.on('POST', '/api/folders', (call) => ({ uid: 'f-opentruss', ...(call.data as object) }));
    for (const group of GROUP_NAMES) {
      backend.on('PUT', groupUrl(group), (call) => call.data);
    }
    renderConfig({ prometheusDatasourceUid: 'prom-2' });
    fireEvent.click(screen.getByTestId(testIds.appConfig.installRules));
    expect(await screen.findByText('Alert rules installed')).toBeInTheDocument();
    expect(
      screen.getByText(
        new RegExp(
          `${ALERTS.length} rules in ${GROUP_NAMES.length} groups \\(${GROUP_NAMES.join(', ')}\\) in the folder “OpenTruss”`
        )
      )
    ).toBeInTheDocument();

    expect(backend.callsTo('POST', '/api/folders')[0].data).toEqual({ title: 'OpenTruss' });
    const puts = backend.calls.filter((call) => call.method === 'PUT');
    expect(puts).toHaveLength(GROUP_NAMES.length);
    for (const put of puts) {
      expect(put.headers).toEqual({ 'X-Disable-Provenance': 'true' });
    }
    const system = puts[0].data as {
      title: string;
      folderUid: string;
      interval: number;
      rules: Array<Record<string, any>>;
    };
    expect(system).toMatchObject({ title: 'opentruss-system', folderUid: 'f-opentruss', interval: 60 });
    const cpu = system.rules.find((rule) => rule.title === 'HighCPUUsage')!;
    expect(cpu).toMatchObject({
      uid: 'opentruss-highcpuusage',
      folderUID: 'f-opentruss',
      ruleGroup: 'opentruss-system',
      orgID: 3,
      condition: 'C',
      for: '5m',
      labels: { severity: 'warning', service: 'opentruss' },
      annotations: {
        // The same link as file provisioning's: Grafana expands it against its own root URL when the alert fires.
        runbook_url: runbookLink('HighCPUUsage', 'grafana'),
        __dashboardUid__: 'opentruss-system',
        __panelId__: '1',
      },
    });
    expect(cpu.data[0]).toMatchObject({
      datasourceUid: 'prom-2',
      model: { datasource: { type: 'prometheus', uid: 'prom-2' } },
    });
  });

  it('disables the button while the rules are being installed', async () => {
    backend.reply('GET', '/api/folders', [{ uid: 'f-opentruss', title: 'OpenTruss' }]);
    backend.hang('PUT', groupUrl('opentruss-system'));
    renderConfig();
    const button = screen.getByTestId(testIds.appConfig.installRules);
    fireEvent.click(button);
    await waitFor(() => expect(backend.callsTo('PUT', groupUrl('opentruss-system'))).toHaveLength(1));
    expect(button).toBeDisabled();
    fireEvent.click(button);
    expect(backend.callsTo('GET', '/api/folders')).toHaveLength(1);
  });

  it('uses the existing OpenTruss folder', async () => {
    backend.reply('GET', '/api/folders', [{ uid: 'f-opentruss', title: 'OpenTruss' }]);
    for (const group of GROUP_NAMES) {
      backend.on('PUT', groupUrl(group), (call) => call.data);
    }
    renderConfig();
    fireEvent.click(screen.getByTestId(testIds.appConfig.installRules));
    expect(await screen.findByText('Alert rules installed')).toBeInTheDocument();
    expect(backend.callsTo('POST', '/api/folders')).toHaveLength(0);
  });

  it('explains that file-provisioned rules cannot be changed over the API', async () => {
    backend.reply('GET', '/api/folders', [{ uid: 'f-opentruss', title: 'OpenTruss' }]);
    backend.fail('PUT', groupUrl('opentruss-system'), 409, "cannot change provenance from 'file' to ''");
    renderConfig();
    fireEvent.click(screen.getByTestId(testIds.appConfig.installRules));
    expect(await screen.findByText('The alert rules were not installed')).toBeInTheDocument();
    expect(screen.getByText(/managed by file provisioning \(provisioning\/alerting\)/)).toBeInTheDocument();
    expect(backend.calls.filter((call) => call.method === 'PUT')).toHaveLength(1);
  });
});

describe('Configuration: wall playlist', () => {
  it('creates the playlist of the wall dashboards', async () => {
    backend.reply('GET', '/api/playlists', []);
    backend.reply('POST', '/api/playlists', { uid: WALL_PLAYLIST.uid });
    renderConfig();
    fireEvent.click(screen.getByTestId(testIds.appConfig.savePlaylist));
    expect(await screen.findByText('Playlist created')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Play it in kiosk mode' }).getAttribute('href')).toMatch(
      /^\/playlists\/play\/opentruss-wall\?kiosk/
    );
    expect(backend.callsTo('POST', '/api/playlists')[0].data).toEqual({
      uid: 'opentruss-wall',
      name: 'OpenTruss wall',
      interval: '1m',
      items: ['opentruss-wall', 'opentruss-system', 'opentruss-api-db', 'opentruss-business'].map((value) => ({
        type: 'dashboard_by_uid',
        value,
      })),
    });
  });

  it('updates the existing playlist in place', async () => {
    backend.reply('GET', '/api/playlists', [{ uid: 'abc123', name: 'OpenTruss wall' }]);
    backend.on('PUT', '/api/playlists/abc123', (call) => call.data);
    renderConfig();
    fireEvent.click(screen.getByTestId(testIds.appConfig.savePlaylist));
    expect(await screen.findByText('Playlist updated')).toBeInTheDocument();
    expect(backend.callsTo('POST', '/api/playlists')).toHaveLength(0);
  });

  it('shows why the playlist was not saved', async () => {
    backend.fail('GET', '/api/playlists', 500, 'playlist service unavailable');
    renderConfig();
    fireEvent.click(screen.getByTestId(testIds.appConfig.savePlaylist));
    expect(await screen.findByText('The playlist was not saved')).toBeInTheDocument();
    expect(screen.getByText('GET /api/playlists failed (HTTP 500): playlist service unavailable')).toBeInTheDocument();
  });
});
