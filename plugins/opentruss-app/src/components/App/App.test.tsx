import React from 'react';
import { MemoryRouter } from 'react-router-dom';
import { PluginType, type AppRootProps } from '@grafana/data';
import { render, screen } from '@testing-library/react';
import { RULES_URL } from '../../api/alertStates';
import { FakeBackend, installDatasources, PROVISIONED_DATASOURCES } from '../../testing/fakeGrafana';
import { rulesResponse } from '../../testing/ruleStates';
import { testIds } from '../testIds';
import App from './App';

const props = {
  basename: 'a/opentruss-app',
  meta: { id: 'opentruss-app', name: 'OpenTruss', type: PluginType.app, enabled: true, jsonData: {} },
  query: {},
  path: '',
  onNavChanged: jest.fn(),
} as unknown as AppRootProps;

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <App {...props} />
    </MemoryRouter>
  );
}

beforeEach(() => {
  new FakeBackend().install().reply('GET', RULES_URL, rulesResponse());
  installDatasources(PROVISIONED_DATASOURCES);
});

describe('App routes (each page a lazy chunk)', () => {
  it.each([
    ['/home', testIds.home.container],
    ['/runbooks', testIds.runbooks.index],
    ['/runbooks/HighCPUUsage', testIds.runbooks.page],
    ['/checklists', testIds.checklists.container],
  ])('%s renders its page', async (path, testId) => {
    renderAt(path);
    expect(await screen.findByTestId(testId, {}, { timeout: 5000 })).toBeInTheDocument();
  });

  it('shows the home page at the root and for unknown paths', async () => {
    for (const path of ['/', '/one']) {
      const { unmount } = renderAt(path);
      expect(await screen.findByTestId(testIds.home.container, {}, { timeout: 5000 })).toBeInTheDocument();
      unmount();
    }
  });
});
