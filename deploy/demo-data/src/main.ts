// Entry point of the one-shot `demo-data` container: loads the demo OpenTruss graph into the stack's Memgraph.
import { jsonLineLogger, stdStreamsWriter } from '@opentruss/contract';
import { readDemoDataConfig } from './config';
import { loadDemoData } from './loader';

// The stack's JSON log line (@opentruss/contract): errors on stderr, the rest on stdout.
const logger = jsonLineLogger('demo-data', stdStreamsWriter(process.stdout, process.stderr));
const log = (line: string) => logger('info', line);

Promise.resolve()
  .then(() => loadDemoData(readDemoDataConfig(process.env), log))
  .then(
    () => process.exit(0),
    (error: unknown) => {
      logger('error', error instanceof Error ? error.message : String(error));
      process.exit(1);
    }
  );
