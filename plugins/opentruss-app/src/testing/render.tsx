import React from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { render } from '@testing-library/react';
import { AppSettingsContext } from '../hooks/useAppSettings';
import { resolveAppSettings, type AppSettings } from '../settings';

/** Renders a page inside the router and settings context App provides, at `path` matched by `route`. */
export function renderPage(
  page: React.ReactElement,
  options: { settings?: AppSettings; path?: string; route?: string } = {}
) {
  const path = options.path ?? '/';
  return render(
    <AppSettingsContext.Provider value={resolveAppSettings(options.settings)}>
      <MemoryRouter initialEntries={[path]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
        <Routes>
          <Route path={options.route ?? '*'} element={page} />
        </Routes>
      </MemoryRouter>
    </AppSettingsContext.Provider>
  );
}
