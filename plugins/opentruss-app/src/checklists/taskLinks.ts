import { runbookPath } from '@opentruss/contract';
import { dashboardByKey, dashboardPath, panelPath, type UrlParams } from '../catalogue/dashboards';
import { prefixRoute } from '../constants';
import type { TaskLink } from './tasks';

/** Path (relative to Grafana's root) of what a checklist task links to; dashboards keep the chosen datasources. */
export function taskLinkPath(link: TaskLink, datasourceParams: UrlParams): string {
  switch (link.kind) {
    case 'panel':
      return panelPath(dashboardByKey(link.dashboard).uid, link.panelId, datasourceParams);
    case 'dashboard':
      return dashboardPath(dashboardByKey(link.dashboard).uid, [...datasourceParams, ...(link.params ?? [])]);
    case 'runbook':
      return runbookPath(link.runbook);
    case 'page':
      return prefixRoute(link.route);
    case 'grafana':
      return link.path;
  }
}
