// Business: Memgraph panels run one query of the OpenTruss catalogue (@opentruss/opentruss-graph) each, drilled
// down by $project and $building; approvals and rejections appear as annotations on the time series. Below them,
// Prometheus panels read the business exporter: the business alerts' home panels and the figures' history.
import {
  BarGaugeDisplayMode,
  LegendDisplayMode,
  LegendPlacement,
  TableCellDisplayMode,
} from '@grafana/grafana-foundation-sdk/common';
import { AnnotationQueryBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import {
  PanelBuilder as PieChartPanelBuilder,
  PieChartLabels,
  PieChartLegendOptionsBuilder,
  PieChartLegendValues,
  PieChartType,
} from '@grafana/grafana-foundation-sdk/piechart';
import { PanelBuilder as TablePanelBuilder } from '@grafana/grafana-foundation-sdk/table';
import { datasourceRef } from '../../src/catalogue/datasources';
import { catalogueDescription, catalogueTitle } from '../panels/catalogue';
import { at } from '../panels/grid';
import { categoryBars, dailyBarsOf, perRow, waitingTimeBars, waitingTimeThresholds } from '../panels/memgraphPanels';
import { COLORS } from '../panels/thresholds';
import { catalogueTarget } from '../queries/memgraph';
import { drillDownVariables } from '../variables';
import { alertTimeseries } from '../panels/alertPanels';
import { upStat } from '../panels/upStat';
import { acceptanceHistory, awaitingApprovalHistory, pendingPerBuildingTable } from '../panels/businessExporter';
import { baseDashboard } from './base';

function divisionProgressTable(id: number) {
  const queryId = 'division-acceptance-progress';
  return new TablePanelBuilder()
    .id(id)
    .title(catalogueTitle(queryId))
    .description(catalogueDescription(queryId, 'The progress column is a gauge from 0 to 100 %.'))
    .withTarget(catalogueTarget(queryId))
    .overrideByName('progress', [
      { id: 'unit', value: 'percentunit' },
      { id: 'min', value: 0 },
      { id: 'max', value: 1 },
      { id: 'custom.cellOptions', value: { type: TableCellDisplayMode.Gauge, mode: BarGaugeDisplayMode.Basic } },
      { id: 'color', value: { mode: 'fixed', fixedColor: COLORS.ok } },
    ])
    .overrideByName('division_id', [{ id: 'custom.hidden', value: true }]);
}

function approvalAnnotations() {
  return new AnnotationQueryBuilder()
    .name('审批事件 / Approvals')
    .datasource(datasourceRef('memgraph'))
    .enable(true)
    .iconColor(COLORS.neutral)
    .target(catalogueTarget('approval-events', 'Annotations'));
}

export function businessDashboard() {
  return baseDashboard('business', {
    from: 'now-90d',
    refresh: '5m',
    datasources: ['memgraph', 'prometheus'],
    variables: drillDownVariables({ hidden: false }),
    annotations: [approvalAnnotations()],
  })
    .withPanel(categoryBars(1, 'lots-by-status', 'status').gridPos(at(0, 0, 8, 9)))
    .withPanel(dailyBarsOf(2, 'lots-by-status-over-time').gridPos(at(8, 0, 16, 9)))
    .withPanel(
      new PieChartPanelBuilder()
        .id(3)
        .title(catalogueTitle('elements-by-status'))
        .description(
          catalogueDescription(
            'elements-by-status',
            'The labels show each status’s share: the Verified share is the verified-element share.'
          )
        )
        .withTarget(catalogueTarget('elements-by-status'))
        .reduceOptions(perRow('elements'))
        .displayName('${__data.fields.status}')
        .pieType(PieChartType.Donut)
        .displayLabels([PieChartLabels.Name, PieChartLabels.Percent])
        .legend(
          new PieChartLegendOptionsBuilder()
            .showLegend(true)
            .displayMode(LegendDisplayMode.Table)
            .placement(LegendPlacement.Right)
            .values([PieChartLegendValues.Value, PieChartLegendValues.Percent])
        )
        .gridPos(at(0, 9, 6, 9))
    )
    .withPanel(categoryBars(4, 'elements-by-confidence', 'band').gridPos(at(6, 9, 6, 9)))
    .withPanel(dailyBarsOf(5, 'approvals-per-day').gridPos(at(12, 9, 12, 9)))
    .withPanel(waitingTimeBars(6, catalogueTitle('pending-approvals-age-buckets')).gridPos(at(0, 18, 8, 9)))
    .withPanel(
      new TablePanelBuilder()
        .id(7)
        .title(catalogueTitle('pending-approvals-by-age'))
        .description(
          catalogueDescription('pending-approvals-by-age', 'Waiting hours are coloured at 1 day, 3 days and a week.')
        )
        .withTarget(catalogueTarget('pending-approvals-by-age'))
        // Epoch milliseconds, as the catalogue returns them: shown as dates.
        .overrideByName('submitted_at', [{ id: 'unit', value: 'dateTimeAsIso' }])
        .overrideByName('age_hours', [
          { id: 'unit', value: 'h' },
          { id: 'thresholds', value: waitingTimeThresholds().build() },
          { id: 'custom.cellOptions', value: { type: TableCellDisplayMode.ColorBackground } },
        ])
        .gridPos(at(8, 18, 16, 9))
    )
    .withPanel(divisionProgressTable(8).gridPos(at(0, 27, 16, 10)))
    .withPanel(
      dailyBarsOf(
        9,
        'distinct-approvers-per-day',
        'Labelled as the stand-in for daily active users: OpenTruss does not record logins.'
      ).gridPos(at(16, 27, 8, 10))
    )
    .withPanel(
      alertTimeseries('ApprovalBacklogAgeing', {
        legend: '{{project}} / {{building}}',
        what: 'Hours the oldest SUBMITTED lot of each building has waited (business exporter, all buildings whatever the variables).',
      }).gridPos(at(0, 37, 12, 8))
    )
    .withPanel(
      alertTimeseries('ApprovalRejectionRateHigh', {
        legend: '{{project}}',
        what: 'Rejections ÷ all approval decisions of the last 24 h per project, once a project had enough decisions to judge.',
      }).gridPos(at(12, 37, 12, 8))
    )
    .withPanel(
      alertTimeseries('AcceptanceStalled', {
        legend: '{{project}} / {{building}}',
        what: 'Per building with lots waiting: days since its last approval, but at most as long as its oldest lot has waited.',
      }).gridPos(at(0, 45, 12, 8))
    )
    .withPanel(
      alertTimeseries('BusinessMetricsStale', {
        legend: 'minutes since the last collection',
        what: 'Minutes since the business exporter last collected from Memgraph successfully: the Prometheus panels below and above are only as fresh as this.',
      }).gridPos(at(12, 45, 12, 8))
    )
    .withPanel(awaitingApprovalHistory(14).gridPos(at(0, 53, 12, 8)))
    .withPanel(acceptanceHistory(15).gridPos(at(12, 53, 12, 8)))
    .withPanel(pendingPerBuildingTable(16).gridPos(at(0, 61, 24, 8)))
    .withPanel(
      upStat(
        'BusinessExporterDown',
        '业务导出器在线状态 / Business exporter up',
        'Whether Prometheus can scrape the business exporter (1 = up); 0 also when there is no exporter target at all.',
        {}
      ).gridPos(at(0, 69, 6, 4))
    );
}
