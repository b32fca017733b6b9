// The bundled dashboards' titles and summaries in the viewer's language, for the app's pages. The provisioned
// dashboards keep catalogue/dashboards.ts's text (Grafana cannot translate a provisioned title: it stays
// "中文 / English"); a test checks that these English defaults and the zh-Hans file say the same as the catalogue.
import { t } from '@grafana/i18n';
import type { DashboardKey } from '@opentruss/contract';

export interface DashboardTexts {
  title: string;
  summary: string;
}

export function dashboardTexts(key: DashboardKey): DashboardTexts {
  switch (key) {
    case 'wall':
      return {
        title: t('dashboards.wall.title', 'Wall overview'),
        summary: t(
          'dashboards.wall.summary',
          'Firing alerts, API latency and errors, host load and the approval backlog, readable across a room.'
        ),
      };
    case 'system':
      return {
        title: t('dashboards.system.title', 'System resources'),
        summary: t(
          'dashboards.system.summary',
          'CPU, memory, disk, disk I/O and network of the OpenTruss host (node-exporter) with the manual’s thresholds.'
        ),
      };
    case 'apiDatabase':
      return {
        title: t('dashboards.api-database.title', 'API and database'),
        summary: t(
          'dashboards.api-database.summary',
          'API P95, error rate and request rate by endpoint; Memgraph query time by query type; connections.'
        ),
      };
    case 'business':
      return {
        title: t('dashboards.business.title', 'Business'),
        summary: t(
          'dashboards.business.summary',
          'Inspection lots, elements, approvals and division acceptance progress from Memgraph, by project and building; the business alerts and their history from the business exporter.'
        ),
      };
    case 'capacity':
      return {
        title: t('dashboards.capacity.title', 'Capacity planning'),
        summary: t(
          'dashboards.capacity.summary',
          'Projects, elements and inspection lots now against the ops manual’s §8.1 forecast, with the growth trend.'
        ),
      };
    case 'logs':
      return {
        title: t('dashboards.logs.title', 'Logs'),
        summary: t(
          'dashboards.logs.summary',
          'Every service’s log lines (Loki, 30 days) by service and level: volume, error lines, a searchable log panel and the log alerts.'
        ),
      };
  }
}
