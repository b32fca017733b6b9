import { useCallback, useRef, useState } from 'react';

export type ActionState<T> =
  { status: 'idle' } | { status: 'running' } | { status: 'done'; value: T } | { status: 'error'; error: Error };

/** A button's action: one run at a time, its result or error kept for display. */
export function useAction<T>(action: () => Promise<T>): ActionState<T> & { run: () => void } {
  const [state, setState] = useState<ActionState<T>>({ status: 'idle' });
  const running = useRef(false);
  const run = useCallback(() => {
    if (running.current) {
      return;
    }
    running.current = true;
    setState({ status: 'running' });
    action()
      .then(
        (value) => setState({ status: 'done', value }),
        (error: unknown) =>
          setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) })
      )
      .finally(() => {
        running.current = false;
      });
  }, [action]);
  return { ...state, run };
}
