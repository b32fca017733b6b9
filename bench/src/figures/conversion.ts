import { type DataFrame, FieldType } from '@grafana/data';

import { interleaved, ratios, type Sample, spread } from '../measure';
import { Clients, benchSettings } from '../paths/clients';
import { startBenchServer } from '../server/benchServer';
import { expectedConversionRow } from '../workloads/conversion';
import { atMost, type BenchContext, expectEqual, type FigureResult } from './figure';
import { type ComparisonSpec, comparePaths, comparisonMeasurements, datasourceOverRaw } from './pathComparison';

export const CONVERSION_TARGET = 1.3;

/** The field types the datasource must produce for the six columns (checked on every timed run). */
const EXPECTED_TYPES = [
  FieldType.number,
  FieldType.number,
  FieldType.string,
  FieldType.time,
  FieldType.other,
  FieldType.other,
];

/**
 * Figure 1: 100,000 records × 6 columns through the raw driver (floor), the naive conversion and the datasource;
 * then the raw driver and the datasource again with the server inside this process, to show what sharing the
 * client's CPU and event loop with the server's encoding does to the figures.
 */
export async function conversionFigure(context: BenchContext): Promise<FigureResult> {
  const { profile, server, log } = context;
  const records = profile.conversionRecords;
  const spec = conversionSpec(context);
  log(`figure 1: ${records.toLocaleString('en-US')} records × 6 columns, ${profile.runs} rounds`);
  const clients = new Clients(benchSettings(server.url));
  const cpuBefore = await server.cpu();
  const comparison = await comparePaths(clients, spec, profile).finally(() => clients.close());
  const cpuAfter = await server.cpu();
  const streams = (profile.runs + profile.warmups) * 4;
  const serverCpuPerStream = (cpuAfter.userMs + cpuAfter.systemMs - cpuBefore.userMs - cpuBefore.systemMs) / streams;

  log(`figure 1: the raw driver and the datasource with the server in this process, ${profile.placementRuns} rounds`);
  const inProcess = await inProcessSamples(context, spec);
  const wall = (samples: Sample[]) => samples.map((s) => s.wallMs);
  const ratio = datasourceOverRaw(comparison);
  return {
    id: 1,
    title: `Conversion overhead: ${records.toLocaleString('en-US')} records × 6 columns (integer, float, string, zoned datetime, node, list)`,
    measurements: [
      ...comparisonMeasurements(comparison),
      { label: 'server CPU per stream (mean; its own process)', unit: 'ms', value: serverCpuPerStream },
      { label: 'server in this process: raw driver, wall', unit: 'ms', spread: spread(wall(inProcess.raw)) },
      { label: 'server in this process: datasource, wall', unit: 'ms', spread: spread(wall(inProcess.datasource)) },
      {
        label: 'server in this process: datasource ÷ raw driver, wall',
        unit: '×',
        spread: spread(ratios(wall(inProcess.datasource), wall(inProcess.raw))),
      },
    ],
    targets: [
      atMost('datasource ≤ 1.3× the raw driver (wall; server in its own process)', ratio, CONVERSION_TARGET, '×'),
    ],
    notes: [
      'Datasource format "table" (with a node column, "auto" would build a node graph instead); zoned datetimes carry a zone id (Asia/Shanghai).',
      'Row cap raised to 1,000,000 for the benchmark (the default 10,000 would stop at 10,000 rows); the other settings are the defaults.',
      `Server CPU per stream: the Bolt test server's own work to generate and encode one stream, in its own process; "server in this process" rows show the same paths when that work shares the client's process.`,
    ],
  };
}

function conversionSpec({ profile, workloads }: BenchContext): ComparisonSpec {
  const records = profile.conversionRecords;
  return {
    workload: workloads.conversion,
    format: 'table',
    records,
    checkFrames: (frames: DataFrame[]) => {
      expectEqual('datasource frames', frames.length, 1);
      expectEqual('datasource rows', frames[0].length, records);
      expectEqual('datasource field types', frames[0].fields.map((f) => f.type).join(), EXPECTED_TYPES.join());
      for (const row of [0, records - 1]) {
        const expected = expectedConversionRow(row);
        expectEqual(`datasource seq of row ${row}`, frames[0].fields[0].values[row], expected.seq);
        expectEqual(`datasource created_at of row ${row}`, frames[0].fields[3].values[row], expected.createdAtMs);
      }
    },
  };
}

async function inProcessSamples(
  context: BenchContext,
  spec: ComparisonSpec
): Promise<Record<'raw' | 'datasource', Sample[]>> {
  const { profile } = context;
  const server = await startBenchServer(profile, 'in-process');
  const clients = new Clients(benchSettings(server.url));
  try {
    const { samples } = await comparePaths(clients, spec, { runs: profile.placementRuns, warmups: 1 });
    return samples;
  } finally {
    await clients.close();
    await server.stop();
  }
}
