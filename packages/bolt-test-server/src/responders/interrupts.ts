// Waiting that stops early: when the connection closes, or when the transaction timeout (tx_timeout) expires.
import { setTimeout as sleep } from 'node:timers/promises';

export type InterruptReason = 'closed' | 'timeout';

export class Interrupted extends Error {
  constructor(readonly reason: InterruptReason) {
    super(`interrupted: ${reason}`);
  }
}

function reasonOf(signal: AbortSignal): InterruptReason {
  return signal.reason === 'timeout' ? 'timeout' : 'closed';
}

export function throwIfInterrupted(signal: AbortSignal): void {
  if (signal.aborted) {
    throw new Interrupted(reasonOf(signal));
  }
}

export function interruptible<T>(promise: PromiseLike<T>, signal: AbortSignal): Promise<T> {
  throwIfInterrupted(signal);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Interrupted(reasonOf(signal)));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      }
    );
  });
}

export async function pause(ms: number, signal: AbortSignal): Promise<void> {
  throwIfInterrupted(signal);
  try {
    await sleep(ms, undefined, { signal });
  } catch {
    throw new Interrupted(reasonOf(signal));
  }
}

/** A transaction's timeout (Bolt `tx_timeout`, ms): its signal aborts with 'timeout' when it expires. */
export class TransactionDeadline {
  private readonly controller = new AbortController();
  private readonly timer?: NodeJS.Timeout;

  constructor(timeoutMs: number | undefined) {
    if (timeoutMs !== undefined && timeoutMs > 0) {
      this.timer = setTimeout(() => this.controller.abort('timeout'), timeoutMs);
      this.timer.unref();
    }
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get expired(): boolean {
    return this.controller.signal.aborted;
  }

  cancel(): void {
    clearTimeout(this.timer);
  }
}
