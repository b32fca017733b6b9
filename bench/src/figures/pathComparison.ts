import type { DataFrame } from '@grafana/data';
import type { ResultFormat } from '@opentruss/contract';
import { runCypher, resolveSettings, resultToFrames } from 'opentruss-memgraph-datasource/testing';
import { lastValueFrom } from 'rxjs';

import { interleaved, ratios, type Sample, spread } from '../measure';
import type { Clients } from '../paths/clients';
import { datasourceQuery, naiveConversion, rawDriver } from '../paths/consumers';
import type { Workload } from '../workloads';
import { expectEqual, type Measurement } from './figure';

export interface ComparisonSpec {
  workload: Workload;
  format: ResultFormat;
  records: number;
  /** Throws unless the datasource produced the complete, correctly typed frames. */
  checkFrames: (frames: DataFrame[]) => void;
}

export type PathName = 'raw' | 'naive' | 'datasource';

export interface Comparison {
  samples: Record<PathName, Sample[]>;
  /** The datasource's two stages, timed separately in a fourth path: stream + collect (runCypher), then frames. */
  stages: { streamMs: number[]; framesMs: number[] };
}

/**
 * The same query through the raw driver (floor), the naive conversion, the datasource end to end, and the
 * datasource's stages one by one — interleaved, every run checked for having done the whole job.
 */
export async function comparePaths(
  clients: Clients,
  spec: ComparisonSpec,
  options: { runs: number; warmups: number }
): Promise<Comparison> {
  const { workload, records, format } = spec;
  const settings = resolveSettings(clients.settings);
  const stages = { streamMs: [] as number[], framesMs: [] as number[] };
  const paths: Record<PathName | 'stages', () => Promise<void>> = {
    raw: async () => {
      const consumed = await rawDriver(clients.driver, workload.query);
      expectEqual('raw driver records', consumed.records, records);
      expectEqual('raw driver values', consumed.values, records * workload.fields.length);
    },
    naive: async () => {
      const frame = await naiveConversion(clients.driver, workload.query);
      expectEqual('naive frame rows', frame.length, records);
      expectEqual('naive frame fields', frame.fields.length, workload.fields.length);
    },
    datasource: async () => spec.checkFrames(await datasourceQuery(clients.dataSource, workload.query, format)),
    stages: async () => {
      const started = performance.now();
      const result = await lastValueFrom(
        runCypher(
          clients.driver,
          { text: workload.query, parameters: {} },
          {
            maxRows: settings.maxRows,
            fetchSize: settings.fetchSize,
            timeoutMs: settings.queryTimeoutSeconds * 1000,
            failureContext: settings,
          }
        )
      );
      const streamed = performance.now();
      const frames = resultToFrames(result, {
        refId: 'A',
        format,
        timeZone: settings.timeZone,
        maxRows: settings.maxRows,
        executedQuery: workload.query,
      });
      stages.streamMs.push(streamed - started);
      stages.framesMs.push(performance.now() - streamed);
      spec.checkFrames(frames);
    },
  };
  const { stages: _stagesSamples, ...samples } = await interleaved(paths, options);
  // Warm-up runs recorded stage times too: keep the measured ones only.
  stages.streamMs.splice(0, options.warmups);
  stages.framesMs.splice(0, options.warmups);
  return { samples, stages };
}

/** The rows every comparison shows: times per path, ratios, client CPU, the datasource's stages. */
export function comparisonMeasurements(comparison: Comparison): Measurement[] {
  const { samples, stages } = comparison;
  const wall = (name: PathName) => samples[name].map((s) => s.wallMs);
  const cpu = (name: PathName) => samples[name].map((s) => s.cpuMs);
  return [
    { label: 'raw driver (floor), wall', unit: 'ms', spread: spread(wall('raw')) },
    { label: 'naive toObject + toDataFrame, wall', unit: 'ms', spread: spread(wall('naive')) },
    { label: 'datasource query → frames, wall', unit: 'ms', spread: spread(wall('datasource')) },
    { label: 'datasource ÷ raw driver, wall', unit: '×', spread: spread(ratios(wall('datasource'), wall('raw'))) },
    { label: 'datasource ÷ naive, wall', unit: '×', spread: spread(ratios(wall('datasource'), wall('naive'))) },
    { label: 'naive ÷ raw driver, wall', unit: '×', spread: spread(ratios(wall('naive'), wall('raw'))) },
    { label: 'raw driver, client CPU', unit: 'ms', spread: spread(cpu('raw')) },
    { label: 'datasource, client CPU', unit: 'ms', spread: spread(cpu('datasource')) },
    { label: 'datasource ÷ raw driver, client CPU', unit: '×', spread: spread(ratios(cpu('datasource'), cpu('raw'))) },
    { label: 'datasource stage: stream + collect (runCypher)', unit: 'ms', spread: spread(stages.streamMs) },
    { label: 'datasource stage: records → frames', unit: 'ms', spread: spread(stages.framesMs) },
  ];
}

/** Median of the per-round ratios datasource ÷ raw driver (wall), the figure the targets use. */
export function datasourceOverRaw(comparison: Comparison): number {
  const wall = (name: PathName) => comparison.samples[name].map((s) => s.wallMs);
  return spread(ratios(wall('datasource'), wall('raw'))).median;
}
