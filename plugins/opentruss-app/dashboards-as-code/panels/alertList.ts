// Grafana's alert list panel (core plugin `alertlist`), which the foundation SDK has no builder for: the generic
// panel builder with the panel's own options (public/app/plugins/panel/alertlist/types.ts, UnifiedAlertListOptions).
import { PanelBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { COMMON_LABELS } from '@opentruss/alerts';

/** Sort orders of the alert list panel (its SortOrder enum). */
const SORT_BY_IMPORTANCE = 3;

/** Only alert instances carrying this matcher are listed: every OpenTruss rule has `service="opentruss"`. */
const OPENTRUSS_ALERT_MATCHER = `{service="${COMMON_LABELS.service}"}`;

export function openTrussAlertList(options: {
  id: number;
  title: string;
  description: string;
  maxItems: number;
}): PanelBuilder {
  return new PanelBuilder()
    .type('alertlist')
    .id(options.id)
    .title(options.title)
    .description(options.description)
    .options({
      viewMode: 'list',
      groupMode: 'default',
      groupBy: [],
      maxItems: options.maxItems,
      sortOrder: SORT_BY_IMPORTANCE,
      dashboardAlerts: false,
      alertName: '',
      alertInstanceLabelFilter: OPENTRUSS_ALERT_MATCHER,
      datasource: 'grafana',
      showInstances: true,
      stateFilter: { firing: true, pending: true, noData: true, error: true, recovering: true, normal: false },
    });
}
