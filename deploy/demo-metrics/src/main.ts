// Entry point of the `demo-metrics` container (compose profile `demo`): simulated OpenTruss backend metrics.
import { jsonLineLogger, stdStreamsWriter } from '@opentruss/contract';
import { readDemoMetricsConfig } from './config';
import { startDemoMetricsServer } from './server';

// The stack's JSON log line (@opentruss/contract): errors on stderr, the rest on stdout.
const log = jsonLineLogger('demo-metrics', stdStreamsWriter(process.stdout, process.stderr));

async function main(): Promise<void> {
  const config = readDemoMetricsConfig(process.env);
  const server = await startDemoMetricsServer(config);
  log(
    'info',
    `OpenTruss DEMO metrics (simulated, not a real backend) on ${server.url}/metrics; ` +
      (config.episode ? `episode pinned to ${config.episode}` : `episodes cycle every ${config.cycleMinutes} min`)
  );
  const stop = (signal: string) => {
    log('info', `${signal}: stopping`);
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1)
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  log('critical', `demo-metrics: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
