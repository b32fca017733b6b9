// Panel shapes several Memgraph dashboards share: one bar or slice per row of a category table, daily bars of a
// time-series query, waiting-time colours.
import {
  GraphDrawStyle,
  LegendDisplayMode,
  LegendPlacement,
  ReduceDataOptionsBuilder,
  StackingConfigBuilder,
  StackingMode,
  VizLegendOptionsBuilder,
} from '@grafana/grafana-foundation-sdk/common';
import { AGE_BUCKETS } from '@opentruss/opentruss-graph';
import { catalogueTarget } from '../queries/memgraph';
import { catalogueDescription, catalogueTitle } from './catalogue';
import { COLORS, thresholds } from './thresholds';
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
export function dailyBarsOf(id: number, queryId: string, note = '') {
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
