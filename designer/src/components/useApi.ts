import { useCallback, useEffect, useRef, useState } from 'react';

export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/**
 * Runs `load` when `deps` change (aborting the previous run) and on reload(). With `initial` (data already at hand,
 * such as a finished prefetch) the first render has it and the first load is skipped.
 */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[], initial?: T): ApiState<T> {
  const [data, setData] = useState<T | undefined>(initial);
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(initial === undefined);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const skipFirst = useRef(initial !== undefined);

  useEffect(() => {
    if (skipFirst.current) {
      skipFirst.current = false;
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    loadRef.current(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setError(undefined);
        setLoading(false);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setError(err);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [...deps, tick]); // the caller lists what `load` depends on, as with useEffect

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
