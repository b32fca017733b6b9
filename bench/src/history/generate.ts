// npm run generate -w bench: renders bench/results/*.json (the recorded runs) into docs/performance.md.
import fs from 'node:fs';

import { historyDocument } from './document';
import { HISTORY_FILE } from './render';

try {
  const document = historyDocument();
  if (document.expected === document.committed) {
    console.log(`unchanged ${HISTORY_FILE}`);
  } else {
    fs.writeFileSync(document.path, document.expected);
    console.log(`wrote     ${HISTORY_FILE}`);
  }
} catch (error) {
  console.error(`generate: ${(error as Error).message}`);
  process.exit(1);
}
