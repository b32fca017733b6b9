import { type DataFrame, FieldType } from '@grafana/data';

import { Clients, benchSettings } from '../paths/clients';
import { TIME_SERIES_START_MS, TIME_SERIES_STEP_MS, timeSeriesValue } from '../workloads/timeSeries';
import { type BenchContext, expectEqual, type FigureResult } from './figure';
import { comparePaths, comparisonMeasurements } from './pathComparison';

/**
 * Figure 2: a long result of 50,000 points across 20 series → the datasource's wide time series frame (one time
 * field, one value field per series), against the naive conversion (a long table frame that Grafana would still
 * have to pivot) and the raw driver.
 */
export async function timeSeriesFigure(context: BenchContext): Promise<FigureResult> {
  const { profile, workloads, server, log } = context;
  const points = profile.timeSeriesPoints;
  const series = profile.timeSeriesSeries;
  log(`figure 2: ${points.toLocaleString('en-US')} points across ${series} series, ${profile.runs} rounds`);
  const clients = new Clients(benchSettings(server.url));
  const comparison = await comparePaths(
    clients,
    {
      workload: workloads.timeSeries,
      format: 'time_series',
      records: points,
      checkFrames: (frames) => expectWideFrame(frames, points, series),
    },
    profile
  ).finally(() => clients.close());
  return {
    id: 2,
    title: `Time series: ${points.toLocaleString('en-US')} points across ${series} series, long → Grafana frames`,
    measurements: comparisonMeasurements(comparison),
    targets: [],
    notes: [
      'This figure has no target: read it as the ratio against the naive conversion.',
      'The naive conversion leaves a long frame with neo4j Integer objects as times; the datasource delivers the wide, time-sorted frame a time series panel draws.',
    ],
  };
}

function expectWideFrame(frames: DataFrame[], points: number, series: number): void {
  expectEqual('datasource frames', frames.length, 1);
  const [frame] = frames;
  expectEqual('datasource time steps', frame.length, points / series);
  expectEqual('datasource time fields', frame.fields.filter((f) => f.type === FieldType.time).length, 1);
  const values = frame.fields.filter((f) => f.type === FieldType.number);
  expectEqual('datasource series', values.length, series);
  const steps = points / series;
  const time = frame.fields.find((f) => f.type === FieldType.time)!;
  expectEqual('datasource first time', time.values[0], TIME_SERIES_START_MS);
  expectEqual('datasource last time', time.values[steps - 1], TIME_SERIES_START_MS + (steps - 1) * TIME_SERIES_STEP_MS);
  // Each series must carry its own values, lined up on time: check the last series at the last step.
  const lastSeries = values.find((f) => f.labels?.division === `Division ${series}`);
  expectEqual(
    `datasource value of Division ${series} at the last step`,
    lastSeries?.values[steps - 1],
    timeSeriesValue(series - 1, steps - 1)
  );
}
