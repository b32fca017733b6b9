import type { Driver } from 'neo4j-driver';
import type { Log } from './log';

export interface WaitOptions {
  url: string;
  attempts: number;
  intervalMs: number;
  log: Log;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
const isAuthFailure = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error && String(error.code).includes('Unauthenticated');

/**
 * Waits until Memgraph answers a query (`RETURN 1`), trying `attempts` times `intervalMs` apart and logging
 * each failed attempt. Wrong credentials fail at once: waiting would not fix them.
 */
export async function waitForMemgraph(driver: Driver, { url, attempts, intervalMs, log }: WaitOptions): Promise<void> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    // Auto-commit on purpose: a managed transaction would retry on its own and blur the attempt count.
    const session = driver.session();
    try {
      await session.run('RETURN 1 AS ok');
      log(`Memgraph at ${url} answers (attempt ${attempt}/${attempts})`);
      return;
    } catch (error) {
      if (isAuthFailure(error)) {
        throw new Error(`Memgraph at ${url} refused the credentials: set MEMGRAPH_USER and MEMGRAPH_PASSWORD (${errorText(error)})`);
      }
      lastError = error;
      log(`Waiting for Memgraph at ${url} (attempt ${attempt}/${attempts}): ${errorText(error)}`);
      if (attempt < attempts) {
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
    } finally {
      await session.close();
    }
  }
  throw new Error(
    `Memgraph at ${url} did not answer after ${attempts} attempts ${intervalMs} ms apart; last error: ${errorText(lastError)}`
  );
}
