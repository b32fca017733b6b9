import { type DataFrame, FieldType } from '@grafana/data';

import { ratios, type Sample, spread } from '../measure';
import { Clients, benchSettings } from '../paths/clients';
import { startBenchServer } from '../server/benchServer';
import { expectedConversionRow } from '../workloads/conversion';
import { atMost, type BenchContext, expectEqual, type FigureResult, type Measurement } from './figure';
import {
  type ComparisonSpec,
  comparePaths,
  comparisonMeasurements,
  datasourceOverRaw,
  type PathName,
} from './pathComparison';

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
  const serverCpuPerStream =
    (cpuAfter.userMs + cpuAfter.systemMs - cpuBefore.userMs - cpuBefore.systemMs) /
    ((profile.runs + profile.warmups) * 4);
  const ownProcess = server.placement === 'child-process';
  return {
    id: 1,
    title: `Conversion overhead: ${records.toLocaleString('en-US')} records × 6 columns (integer, float, string, zoned datetime, node, list)`,
    measurements: [
      ...comparisonMeasurements(comparison),
      // In-process, the server's CPU time is the whole process's: no figure of its own.
      ...(ownProcess
        ? [
            { label: 'server CPU per stream (mean; its own process)', unit: 'ms', value: serverCpuPerStream },
            ...(await inProcessMeasurements(context, spec)),
          ]
        : []),
    ],
    targets: [
      atMost(
        `datasource ≤ 1.3× the raw driver (wall; server ${ownProcess ? 'in its own process' : 'in this process'})`,
        datasourceOverRaw(comparison),
        CONVERSION_TARGET,
        '×'
      ),
    ],
    notes: [
      'Datasource format "table" (with a node column, "auto" would build a node graph instead); zoned datetimes carry a zone id (Asia/Shanghai).',
      'Row cap raised to 1,000,000 for the benchmark (the default 10,000 would stop at 10,000 rows); the other settings are the defaults.',
      ...(ownProcess
        ? [
            `Server CPU per stream: the Bolt test server's own work to generate and encode one stream, in its own process; "server in this process" rows show the same paths when that work shares the client's process.`,
          ]
        : []),
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

/** The raw driver and the datasource again, with the server sharing this process (its encoding on our CPU time). */
async function inProcessMeasurements(context: BenchContext, spec: ComparisonSpec): Promise<Measurement[]> {
  const { profile, log } = context;
  log(`figure 1: the raw driver and the datasource with the server in this process, ${profile.placementRuns} rounds`);
  const server = await startBenchServer(profile, 'in-process');
  const clients = new Clients(benchSettings(server.url));
  let samples: Record<PathName, Sample[]>;
  try {
    ({ samples } = await comparePaths(clients, spec, { runs: profile.placementRuns, warmups: 1 }));
  } finally {
    await clients.close();
    await server.stop();
  }
  const wall = (name: PathName) => samples[name].map((s) => s.wallMs);
  return [
    { label: 'server in this process: raw driver, wall', unit: 'ms', spread: spread(wall('raw')) },
    { label: 'server in this process: datasource, wall', unit: 'ms', spread: spread(wall('datasource')) },
    {
      label: 'server in this process: datasource ÷ raw driver, wall',
      unit: '×',
      spread: spread(ratios(wall('datasource'), wall('raw'))),
    },
  ];
}
