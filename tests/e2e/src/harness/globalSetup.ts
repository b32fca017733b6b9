// Jest globalSetup: builds the host page's bundle from the installed packages. A failed build is recorded, not
// thrown, so it fails the browser tests (with its message) instead of the whole repository's Jest run.
import fs from 'node:fs';

import { buildHost, HOST_BUILD_ERROR_FILE, HOST_DIST } from '../../host/build';

export default async function globalSetup(): Promise<void> {
  try {
    await buildHost();
  } catch (error) {
    fs.mkdirSync(HOST_DIST, { recursive: true });
    fs.writeFileSync(HOST_BUILD_ERROR_FILE, error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
}
