// What every bundled dashboard shares: stable uid and title from the catalogue, the OpenTruss tag (the header's
// dashboard dropdown lists by it), datasource variables defaulting to the provisioned uids, header links.
import type { Builder } from '@grafana/grafana-foundation-sdk/cog';
import {
  AnnotationQueryBuilder,
  DashboardBuilder,
  DashboardCursorSync,
  type AnnotationQuery,
  type DashboardLink,
  type VariableModel,
} from '@grafana/grafana-foundation-sdk/dashboard';
import type { DashboardKey } from '@opentruss/contract';
import { dashboardByKey, dashboardTitle } from '../../src/catalogue/dashboards';
import type { DatasourceRole } from '../../src/catalogue/datasources';
import { dashboardHeaderLinks, withoutPlacement } from '../panels/links';
import { datasourceVariable } from '../variables';

const OPENTRUSS_TAG = 'opentruss';

export interface BaseOptions {
  /** Relative time range start, e.g. `now-6h`. */
  from: string;
  refresh: string;
  datasources: DatasourceRole[];
  /** Variables after the datasource pickers (the business drill-down). */
  variables?: Array<Builder<VariableModel>>;
  /** Annotations after Grafana's built-in one. */
  annotations?: Array<Builder<AnnotationQuery>>;
  /** Header links after the shared ones (e.g. the Logs dashboard). */
  links?: Array<Builder<DashboardLink>>;
}

/** Grafana's own "Annotations & Alerts" (alert state changes and manual annotations), as it saves it. */
function builtInAnnotations(): Builder<AnnotationQuery> {
  return withoutPlacement(
    new AnnotationQueryBuilder()
      .builtIn(1)
      .name('Annotations & Alerts')
      .type('dashboard')
      .datasource({ type: 'grafana', uid: '-- Grafana --' })
      .enable(true)
      .hide(true)
      .iconColor('rgba(0, 211, 255, 1)')
  );
}

export function baseDashboard(key: DashboardKey, options: BaseOptions): DashboardBuilder {
  const info = dashboardByKey(key);
  return (
    new DashboardBuilder(dashboardTitle(info))
      // Bundled dashboards carry no database id: Grafana assigns one on import.
      .id(null)
      .uid(info.uid)
      .description(info.summary)
      .tags([OPENTRUSS_TAG, key])
      .editable()
      .tooltip(DashboardCursorSync.Crosshair)
      .time({ from: options.from, to: 'now' })
      .refresh(options.refresh)
      .variables([...options.datasources.map(datasourceVariable), ...(options.variables ?? [])])
      .annotations([builtInAnnotations(), ...(options.annotations ?? []).map(withoutPlacement)])
      .links([...dashboardHeaderLinks(OPENTRUSS_TAG), ...(options.links ?? [])])
  );
}
