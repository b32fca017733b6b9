import { LegendDisplayMode, LegendPlacement, VizLegendOptionsBuilder } from '@grafana/grafana-foundation-sdk/common';
import { PanelBuilder as TimeseriesPanelBuilder } from '@grafana/grafana-foundation-sdk/timeseries';

/** A time series with its legend shown under the graph (the SDK's default hides it) and a light fill. */
export function timeseries(): TimeseriesPanelBuilder {
  return new TimeseriesPanelBuilder()
    .legend(
      new VizLegendOptionsBuilder()
        .showLegend(true)
        .displayMode(LegendDisplayMode.List)
        .placement(LegendPlacement.Bottom)
    )
    .fillOpacity(10);
}
