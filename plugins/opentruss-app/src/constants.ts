import { APP_BASE_PATH } from '@opentruss/contract';

export const PLUGIN_BASE_URL = APP_BASE_PATH;

/** The app's pages, relative to `/a/opentruss-app`. Runbook pages are `runbooks/<Name>` (`runbookPath()`). */
export enum ROUTES {
  Home = 'home',
  Runbooks = 'runbooks',
  Checklists = 'checklists',
}

/** Prefixes a route with the app's base URL. */
export function prefixRoute(route: string): string {
  return `${PLUGIN_BASE_URL}/${route}`;
}
