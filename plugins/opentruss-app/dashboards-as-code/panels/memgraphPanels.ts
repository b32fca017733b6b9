// Panel shapes several Memgraph dashboards share: one bar or slice per row of a category table, daily bars of a
// time-series query, waiting-time colours.
import { PanelBuilder as BarChartPanelBuilder } from '@grafana/grafana-foundation-sdk/barchart';
import { PanelBuilder as BarGaugePanelBuilder } from '@grafana/grafana-foundation-sdk/bargauge';
import {
  BarGaugeDisplayMode,
  GraphDrawStyle,
  LegendDisplayMode,
  LegendPlacement,
  ReduceDataOptionsBuilder,
  StackingConfigBuilder,
  StackingMode,
  VisibilityMode,
  VizLegendOptionsBuilder,
  VizOrientation,
} from '@grafana/grafana-foundation-sdk/common';
import { AGE_BUCKETS, type CatalogueQueryId } from '@opentruss/opentruss-graph';
import { catalogueTarget } from '../queries/memgraph';
import { catalogueDescription, catalogueTitle } from './catalogue';
import { COLORS, neutralThresholds, thresholds } from './thresholds';
import { timeseries } from './timeseries';

/** Daily buckets for the trend panels, whatever the panel's width. */
const DAILY = '1d';

/** Waiting-time colours at the catalogue's own age buckets: yellow from 1 day, orange from 3 days, red from a week. */
export function waitingTimeThresholds() {
  const [day, threeDays, week] = AGE_BUCKETS.map((bucket) => bucket.belowHours);
  return thresholds([
    { value: null, color: COLORS.ok },
    { value: day, color: 'yellow' },
    { value: threeDays, color: COLORS.amber },
    { value: week, color: COLORS.alert },
  ]);
}

/** One bar per row of a category/count table (bar gauges and pie charts read rows with `values: true`). */
export function perRow(field: string) {
  return new ReduceDataOptionsBuilder().values(true).calcs([]).fields(`/^${field}$/`);
}

/** Daily (stacked) bars of a time-series catalogue query, with the range's total in the legend. */
export function dailyBarsOf(id: number, queryId: CatalogueQueryId, note = '') {
  return timeseries()
    .id(id)
    .title(catalogueTitle(queryId))
    .description(catalogueDescription(queryId, note))
    .withTarget(catalogueTarget(queryId))
    .interval(DAILY)
    .drawStyle(GraphDrawStyle.Bars)
    .fillOpacity(80)
    .stacking(new StackingConfigBuilder().mode(StackingMode.Normal))
    .legend(
      new VizLegendOptionsBuilder()
        .showLegend(true)
        .displayMode(LegendDisplayMode.List)
        .placement(LegendPlacement.Bottom)
        .calcs(['sum'])
    )
    .unit('short')
    .decimals(0);
}

/** Vertical bars of a category/count table, `xField` naming the category. */
export function categoryBars(id: number, queryId: CatalogueQueryId, xField: string) {
  return new BarChartPanelBuilder()
    .id(id)
    .title(catalogueTitle(queryId))
    .description(catalogueDescription(queryId))
    .withTarget(catalogueTarget(queryId))
    .xField(xField)
    .showValue(VisibilityMode.Always)
    .thresholds(neutralThresholds())
    .unit('short')
    .decimals(0);
}

/** Horizontal bars, one per row of a table, each named by `nameTemplate` (`${__data.fields.<column>}`). */
export function rowBars(options: {
  id: number;
  title: string;
  queryId: CatalogueQueryId;
  valueField: string;
  nameTemplate: string;
  note?: string;
}) {
  return new BarGaugePanelBuilder()
    .id(options.id)
    .title(options.title)
    .description(catalogueDescription(options.queryId, options.note))
    .withTarget(catalogueTarget(options.queryId))
    .reduceOptions(perRow(options.valueField))
    .displayName(options.nameTemplate)
    .displayMode(BarGaugeDisplayMode.Basic)
    .orientation(VizOrientation.Horizontal)
    .thresholds(neutralThresholds())
    .decimals(0);
}

/** Lots awaiting approval per waiting-time bucket (business dashboard and wall). */
export function waitingTimeBars(id: number, title: string) {
  return rowBars({
    id,
    title,
    queryId: 'pending-approvals-age-buckets',
    valueField: 'lots',
    nameTemplate: '${__data.fields.age}',
  });
}
