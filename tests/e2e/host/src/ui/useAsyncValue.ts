import { useEffect, useState } from 'react';

export type AsyncValue<T> = { status: 'loading' } | { status: 'done'; value: T } | { status: 'error'; error: Error };

/** The value of `load()` for this key, with loading and error states (a new key loads again). */
export function useAsyncValue<T>(load: () => Promise<T>, key: string): AsyncValue<T> {
  const [settled, setSettled] = useState<{ key: string; value: AsyncValue<T> }>();
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setSettled({ key, value: { status: 'done', value } }),
      (error: unknown) =>
        current &&
        setSettled({
          key,
          value: { status: 'error', error: error instanceof Error ? error : new Error(String(error)) },
        })
    );
    return () => {
      current = false;
    };
    // The key names what `load` loads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return settled?.key === key ? settled.value : { status: 'loading' };
}
