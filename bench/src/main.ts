// npm run bench [-- --profile quick|standard|long --only 1,3 --server child-process|in-process --out file --no-build]
// Loads the datasource the way its integration tests do (first import), starts the Bolt test server, measures the
// figures of bench/README.md (the datasource's, and the business exporter's cost per collection), prints a table on
// stdout (progress on stderr) and writes every figure as JSON.
import './environment';

import os from 'node:os';

import { addCompletionTimes, bundleFigure } from './figures/bundle';
import { canonicalisationFigure } from './figures/canonicalisation';
import { businessExporterFigure } from './figures/businessExporter';
import { concurrencyFigure } from './figures/concurrency';
import { conversionFigure } from './figures/conversion';
import type { BenchContext, FigureResult } from './figures/figure';
import { soakFigure } from './figures/soak';
import { gatewayFigure } from './figures/gateway';
import { timeSeriesFigure } from './figures/timeSeries';
import { parseOptions, USAGE, UsageError } from './options';
import { type BenchReport, describeEnvironment, writeReport } from './report/report';
import { renderTable } from './report/table';
import { commandLine, recordRun } from './history/record';
import { startBenchServer } from './server/benchServer';
import { benchWorkloads } from './workloads';

const SERVER_FIGURES: Array<[number, (context: BenchContext) => Promise<FigureResult>]> = [
  [1, conversionFigure],
  [2, timeSeriesFigure],
  [3, concurrencyFigure],
  [4, soakFigure],
  [7, gatewayFigure],
];

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env);
  const log = (line: string) => console.error(`bench: ${line}`);
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
    log(
      'started without --expose-gc: runs are not separated by GC and the soak heap figure is not after GC (use npm run bench)'
    );
  }
  let unhandledRejections = 0;
  process.on('unhandledRejection', (reason) => {
    unhandledRejections++;
    log(`unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`);
  });

  const started = performance.now();
  const environment = describeEnvironment();
  const figures: FigureResult[] = [];
  // Sizes first: a build (if dist is missing) must not run while anything is being timed.
  if (options.figures.includes(5)) {
    const bundle = bundleFigure({ build: options.build, baseline: options.baseline, log });
    await addCompletionTimes(bundle, { build: options.build, baseline: options.baseline, log, rounds: options.profile.runs });
    figures.push(bundle);
  }
  if (options.figures.includes(8)) {
    figures.push(canonicalisationFigure({ profile: options.profile, log }));
  }
  const timedFigures = SERVER_FIGURES.filter(([id]) => options.figures.includes(id));
  if (timedFigures.length > 0) {
    const server = await startBenchServer(options.profile, options.placement);
    try {
      const context: BenchContext = {
        profile: options.profile,
        workloads: benchWorkloads(options.profile),
        server,
        log,
      };
      for (const [, figure] of timedFigures) {
        figures.push(await figure(context));
      }
    } finally {
      await server.stop();
    }
  }
  // Its own server process with its own graph: after the datasource figures, so their server is gone.
  if (options.figures.includes(6)) {
    figures.push(await businessExporterFigure({ profile: options.profile, log }));
  }

  const report: BenchReport = {
    environment: { ...environment, loadAtEnd: os.loadavg() },
    profile: options.profile,
    serverPlacement: options.placement,
    figures: figures.sort((a, b) => a.id - b.id),
    unhandledRejections,
    totalSeconds: (performance.now() - started) / 1000,
  };
  console.log(renderTable(report));
  writeReport(report, options.output);
  log(`every figure written to ${options.output}`);
  if (options.record) {
    const recorded = recordRun(report, { command: commandLine(process.argv.slice(2)), note: options.record.note });
    log(`recorded as ${recorded}: run \`npm run generate -w bench\` and commit both`);
  }
}

main().catch((error: Error) => {
  console.error(
    error instanceof UsageError ? `${error.message}\n\n${USAGE}` : `bench failed: ${error.stack ?? error.message}`
  );
  process.exit(error instanceof UsageError ? 2 : 1);
});
