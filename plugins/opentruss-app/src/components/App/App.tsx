import React, { useMemo } from 'react';
import { Route, Routes } from 'react-router-dom';
import type { AppRootProps } from '@grafana/data';
import { ROUTES } from '../../constants';
import { resolveAppSettings, type AppSettings } from '../../settings';
import { AppSettingsContext } from '../../hooks/useAppSettings';

// Each page is its own chunk: opening the app loads only the page shown.
const Home = React.lazy(() => import('../../pages/Home/Home'));
const RunbookIndex = React.lazy(() => import('../../pages/Runbooks/RunbookIndex'));
const RunbookPage = React.lazy(() => import('../../pages/Runbooks/RunbookPage'));
const Checklists = React.lazy(() => import('../../pages/Checklists/Checklists'));

function App(props: AppRootProps<AppSettings>) {
  const settings = useMemo(() => resolveAppSettings(props.meta.jsonData), [props.meta.jsonData]);
  return (
    <AppSettingsContext.Provider value={settings}>
      <Routes>
        <Route path={ROUTES.Home} element={<Home />} />
        <Route path={ROUTES.Runbooks} element={<RunbookIndex />} />
        <Route path={`${ROUTES.Runbooks}/:name`} element={<RunbookPage />} />
        <Route path={ROUTES.Checklists} element={<Checklists />} />
        {/* The app's root and any unknown path show the home page. */}
        <Route path="*" element={<Home />} />
      </Routes>
    </AppSettingsContext.Provider>
  );
}

export default App;
