// Entry point of the `business-exporter` container.
import { jsonLineLogger, stdStreamsWriter } from '@opentruss/contract';
import { readExporterConfig } from './config';
import { startBusinessExporter } from './exporter';
import type { Log } from './log';

// The stack's JSON log line (@opentruss/contract): errors on stderr, the rest on stdout.
const logger = jsonLineLogger('business-exporter', stdStreamsWriter(process.stdout, process.stderr));
const log: Log = (line, level = 'info') => logger(level, line);

let config;
try {
  config = readExporterConfig(process.env);
} catch (error) {
  logger('critical', error instanceof Error ? error.message : String(error));
  process.exit(1);
}

startBusinessExporter({ ...config, log }).then(
  (exporter) => {
    const shutdown = () => {
      exporter.stop().then(
        () => process.exit(0),
        () => process.exit(1)
      );
    };
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
  },
  (error: unknown) => {
    logger('critical', `cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
);
