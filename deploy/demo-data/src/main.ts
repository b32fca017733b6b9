// Entry point of the one-shot `demo-data` container: loads the demo OpenTruss graph into the stack's Memgraph.
import { readDemoDataConfig } from './config';
import { loadDemoData } from './loader';

const log = (line: string) => console.log(`[demo-data] ${line}`);

Promise.resolve()
  .then(() => loadDemoData(readDemoDataConfig(process.env), log))
  .then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`[demo-data] ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  );
