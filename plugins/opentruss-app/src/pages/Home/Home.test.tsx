import React from 'react';
import { screen, waitFor, within, fireEvent } from '@testing-library/react';
import { ALERTS } from '@opentruss/alerts';
import { RULES_URL } from '../../api/alertStates';
import { DASHBOARDS } from '../../catalogue/dashboards';
import { testIds } from '../../components/testIds';
import { FakeBackend, installDatasources, PROVISIONED_DATASOURCES } from '../../testing/fakeGrafana';
import { useLanguage } from '../../testing/language';
import { renderPage } from '../../testing/render';
import { rulesResponse } from '../../testing/ruleStates';
import Home from './Home';

let backend: FakeBackend;

beforeEach(() => {
  backend = new FakeBackend().install();
  installDatasources(PROVISIONED_DATASOURCES);
});

const section = (testId: string) => within(screen.getByTestId(testId));
const hrefOf = (name: RegExp, container = document.body) =>
  within(container).getByRole('link', { name }).getAttribute('href');

describe('Home: datasources', () => {
  it('shows each check while it runs, then the datasources as connected', async () => {
    let answer!: () => void;
    installDatasources([
      {
        ...PROVISIONED_DATASOURCES[0],
        test: () =>
          new Promise(
            (resolve) => (answer = () => resolve({ status: 'success', message: 'Connected to Memgraph 3.1' }))
          ),
      },
      PROVISIONED_DATASOURCES[1],
    ]);
    backend.reply('GET', RULES_URL, rulesResponse());
    renderPage(<Home />);
    expect(await screen.findByText(/Checking Memgraph \(opentruss-memgraph\)/)).toBeInTheDocument();
    expect(await screen.findByText('Prometheus: connected')).toBeInTheDocument();
    answer();
    expect(await screen.findByText('Memgraph: connected')).toBeInTheDocument();
    expect(screen.getByText(/Memgraph \(opentruss-memgraph\): Connected to Memgraph 3.1/)).toBeInTheDocument();
  });

  it('tells a missing, a mistyped and a failing datasource apart', async () => {
    installDatasources([
      { uid: 'prom-2', name: 'Loki', type: 'loki' },
      {
        uid: 'opentruss-memgraph',
        name: 'Memgraph',
        type: 'opentruss-memgraph-datasource',
        test: async () => ({ status: 'error', message: 'Could not reach ws://localhost:7687' }),
      },
    ]);
    backend.reply('GET', RULES_URL, rulesResponse());
    renderPage(<Home />, { settings: { prometheusDatasourceUid: 'prom-2' } });
    expect(await screen.findByText('Memgraph: not answering')).toBeInTheDocument();
    expect(screen.getByText(/Could not reach ws:\/\/localhost:7687/)).toBeInTheDocument();
    expect(await screen.findByText('Prometheus: not usable')).toBeInTheDocument();
    expect(screen.getByText(/"Loki" is a loki datasource, not prometheus/)).toBeInTheDocument();

    installDatasources([PROVISIONED_DATASOURCES[0]]);
    fireEvent.click(
      within(screen.getByTestId(testIds.home.datasource('prometheus'))).getByRole('button', { name: /Check again/ })
    );
    expect(await screen.findByText(/No datasource with uid "prom-2"/)).toBeInTheDocument();
  });

  it('shows a connected datasource’s warning, such as missing recommended indexes', async () => {
    installDatasources([
      {
        ...PROVISIONED_DATASOURCES[0],
        test: async () => ({
          status: 'warning',
          message: 'Connected. Missing index: CREATE INDEX ON :Element(level_id);',
        }),
      },
      PROVISIONED_DATASOURCES[1],
    ]);
    backend.reply('GET', RULES_URL, rulesResponse());
    renderPage(<Home />);
    expect(await screen.findByText('Memgraph: connected, with a warning')).toBeInTheDocument();
    expect(screen.getByText(/CREATE INDEX ON :Element\(level_id\);/)).toBeInTheDocument();
  });

  it('reports a health check that throws', async () => {
    installDatasources([
      { ...PROVISIONED_DATASOURCES[0], test: async () => Promise.reject(new Error('WebSocket connection refused')) },
      PROVISIONED_DATASOURCES[1],
    ]);
    backend.reply('GET', RULES_URL, rulesResponse());
    renderPage(<Home />);
    expect(await screen.findByText(/WebSocket connection refused/)).toBeInTheDocument();
  });
});

describe('Home: OpenTruss alerts firing now', () => {
  it('shows a loading state until Grafana answers', async () => {
    backend.hang('GET', RULES_URL);
    renderPage(<Home />);
    expect(await screen.findByText('Reading OpenTruss alert states…')).toBeInTheDocument();
  });

  it('lists firing instances with their runbook and panel, ignoring other teams’ rules and pending ones', async () => {
    backend.reply(
      'GET',
      RULES_URL,
      rulesResponse({
        HighDiskUsage: {
          state: 'firing',
          alerts: [
            {
              labels: { instance: 'host-1:9100', mountpoint: '/var/lib/memgraph' },
              state: 'Alerting',
              activeAt: new Date(Date.now() - 600_000).toISOString(),
              value: '93.2',
            },
            { labels: { instance: 'host-1:9100', mountpoint: '/' }, state: 'Normal' },
          ],
        },
        HighAPILatency: { state: 'pending', alerts: [{ state: 'Pending' }] },
      })
    );
    renderPage(<Home />);
    const firing = section(testIds.home.firing);
    expect(await firing.findByText(/HighDiskUsage · Disk is almost full/)).toBeInTheDocument();
    // Card.Meta joins its items with "|" separators.
    expect(screen.getByTestId(testIds.home.firing).textContent).toContain(
      'host-1:9100|/var/lib/memgraph|since 10 minutes ago|value 93.2'
    );
    expect(firing.getByText('critical')).toBeInTheDocument();
    expect(firing.queryByText(/HighAPILatency/)).not.toBeInTheDocument();
    expect(firing.queryByText(/HighCPUUsage/)).not.toBeInTheDocument();
    expect(firing.getAllByText(/Disk is almost full/)).toHaveLength(1);
    const card = screen.getByTestId(testIds.home.firing);
    expect(hrefOf(/Runbook/, card)).toBe('/a/opentruss-app/runbooks/HighDiskUsage');
    expect(hrefOf(/Panel/, card)).toBe('/d/opentruss-system?viewPanel=3');
  });

  it('says so when nothing fires, and names rules whose query fails', async () => {
    backend.reply(
      'GET',
      RULES_URL,
      rulesResponse({ DatabaseSlowQuery: { health: 'error', lastError: 'bad_data: parse error' } })
    );
    renderPage(<Home />);
    const firing = section(testIds.home.firing);
    expect(
      await firing.findByText(`No OpenTruss alert is firing (${ALERTS.length} rules watching).`)
    ).toBeInTheDocument();
    expect(firing.getByText('1 rule cannot evaluate')).toBeInTheDocument();
    expect(firing.getByText(/DatabaseSlowQuery: bad_data: parse error/)).toBeInTheDocument();
  });

  it('points to the Configuration page when no OpenTruss rule is installed', async () => {
    backend.reply('GET', RULES_URL, rulesResponse({}, { only: [] }));
    renderPage(<Home />);
    const firing = section(testIds.home.firing);
    expect(await firing.findByText('No OpenTruss alert rules in Grafana')).toBeInTheDocument();
    expect(hrefOf(/Configuration page/, screen.getByTestId(testIds.home.firing))).toBe('/plugins/opentruss-app');
  });

  it('shows the API error and recovers on Retry', async () => {
    backend.fail('GET', RULES_URL, 500, 'database is locked');
    renderPage(<Home />);
    const firing = section(testIds.home.firing);
    expect(await firing.findByText('Could not read the alert states from Grafana')).toBeInTheDocument();
    expect(firing.getByText(`GET ${RULES_URL} failed (HTTP 500): database is locked`)).toBeInTheDocument();
    backend.reply('GET', RULES_URL, rulesResponse());
    fireEvent.click(firing.getByRole('button', { name: /Retry/ }));
    expect(await firing.findByText(/No OpenTruss alert is firing/)).toBeInTheDocument();
    expect(backend.callsTo('GET', RULES_URL)).toHaveLength(2);
  });
});

describe('Home: dashboards', () => {
  it('links every bundled dashboard, its kiosk mode and the wall playlist', async () => {
    backend.reply('GET', RULES_URL, rulesResponse());
    renderPage(<Home />);
    const list = screen.getByTestId(testIds.home.dashboards);
    const links = within(list)
      .getAllByRole('link')
      .map((a) => a.getAttribute('href'));
    for (const dashboard of DASHBOARDS) {
      expect(links).toContain(`/d/${dashboard.uid}`);
      expect(links).toContain(
        `/d/${dashboard.uid}?kiosk&autofitpanels&_dash.hideTimePicker&_dash.hideVariables&_dash.hideLinks`
      );
    }
    expect(links).toContain(
      '/playlists/play/opentruss-wall?kiosk&autofitpanels&_dash.hideTimePicker&_dash.hideVariables&_dash.hideLinks&_dash.hidePlaylistNav'
    );
    await waitFor(() => expect(backend.callsTo('GET', RULES_URL)).toHaveLength(1));
  });

  it('passes datasources chosen on the Configuration page to the dashboards', async () => {
    installDatasources([PROVISIONED_DATASOURCES[0], { uid: 'prom-2', name: 'Prom 2', type: 'prometheus' }]);
    backend.reply(
      'GET',
      RULES_URL,
      rulesResponse({
        HighCPUUsage: { state: 'firing', alerts: [{ state: 'Alerting', labels: { instance: 'h:9100' } }] },
      })
    );
    renderPage(<Home />, { settings: { prometheusDatasourceUid: 'prom-2' } });
    const list = screen.getByTestId(testIds.home.dashboards);
    expect(
      within(list)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href'))
    ).toContain('/d/opentruss-system?var-prometheus=prom-2');
    await screen.findByText(/HighCPUUsage ·/);
    expect(hrefOf(/Panel/, screen.getByTestId(testIds.home.firing))).toBe(
      '/d/opentruss-system?var-prometheus=prom-2&viewPanel=1'
    );
  });
});

describe('Home in the viewer’s language', () => {
  it('is entirely Chinese for a zh-Hans viewer: sections, dashboards, a firing alert and its actions', async () => {
    backend.reply(
      'GET',
      RULES_URL,
      rulesResponse({
        HighDiskUsage: { state: 'firing', alerts: [{ state: 'Alerting', labels: { instance: 'h:9100' } }] },
      })
    );
    await useLanguage('zh-Hans');
    try {
      renderPage(<Home />);
      for (const title of ['数据源', '正在触发的 OpenTruss 告警', '仪表板']) {
        expect(screen.getByRole('heading', { level: 2, name: title })).toBeInTheDocument();
      }
      const dashboards = within(screen.getByTestId(testIds.home.dashboards));
      for (const dashboard of DASHBOARDS) {
        expect(dashboards.getByText(dashboard.title.zh)).toBeInTheDocument();
      }
      expect(dashboards.getAllByText('Kiosk 模式')).toHaveLength(DASHBOARDS.length);
      const firing = within(screen.getByTestId(testIds.home.firing));
      expect(await firing.findByText('HighDiskUsage · 磁盘空间不足')).toBeInTheDocument();
      expect(firing.getByRole('link', { name: /运行手册/ })).toBeInTheDocument();
      expect(screen.queryByText(/Datasources|Dashboards|Kiosk mode|Disk is almost full/)).not.toBeInTheDocument();
    } finally {
      await useLanguage('en-US');
    }
  });
});
