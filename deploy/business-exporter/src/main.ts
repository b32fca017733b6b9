// Entry point of the `business-exporter` container.
import { readExporterConfig } from './config';
import { startBusinessExporter } from './exporter';

const log = (line: string) => console.log(`[business-exporter] ${line}`);

let config;
try {
  config = readExporterConfig(process.env);
} catch (error) {
  console.error(`[business-exporter] ${error instanceof Error ? error.message : String(error)}`);
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
    console.error(`[business-exporter] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
);
