// The `includes` of src/plugin.json: the app's pages, each bundled dashboard and its nav entry. Generated with the
// dashboards so a dashboard cannot exist without being bundled (or the reverse).
import { DASHBOARDS } from '../src/catalogue/dashboards';
import { ROUTES } from '../src/constants';
import { dashboardFile } from './paths';

export interface PluginInclude {
  type: 'page' | 'dashboard';
  name: string;
  path: string;
  role?: 'Admin' | 'Editor' | 'Viewer';
  addToNav?: boolean;
  defaultNav?: boolean;
  icon?: string;
}

/** Page paths in plugin.json use the build's `%PLUGIN_ID%` placeholder, like the scaffold. */
const pagePath = (route: string) => `/a/%PLUGIN_ID%/${route}`;

export function pluginIncludes(): PluginInclude[] {
  return [
    {
      type: 'page',
      name: 'Home',
      path: pagePath(ROUTES.Home),
      role: 'Viewer',
      addToNav: true,
      defaultNav: true,
      icon: 'home-alt',
    },
    {
      type: 'page',
      name: 'Runbooks',
      path: pagePath(ROUTES.Runbooks),
      role: 'Viewer',
      addToNav: true,
      icon: 'book-open',
    },
    {
      type: 'page',
      name: 'Ops checklists',
      path: pagePath(ROUTES.Checklists),
      role: 'Viewer',
      addToNav: true,
      icon: 'check-square',
    },
    ...DASHBOARDS.map((d): PluginInclude => ({
      type: 'page',
      name: d.title.en,
      path: `d/${d.uid}`,
      role: 'Viewer',
      addToNav: true,
      icon: 'apps',
    })),
    ...DASHBOARDS.map((d): PluginInclude => ({ type: 'dashboard', name: d.title.en, path: dashboardFile(d.uid) })),
    { type: 'page', name: 'Configuration', path: '/plugins/%PLUGIN_ID%', role: 'Admin', addToNav: true, icon: 'cog' },
  ];
}
