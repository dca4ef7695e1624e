import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { explainError, type ExplainedError } from './errors';

/**
 * Data a view keeps current by refetching (on mount, on live signals, after reconnects): the
 * views' one copy of the loading/error state, as `useAction` is for user actions. Loads never
 * overlap; a refetch asked for during one makes exactly one more, with the `load` of that moment
 * (a changed filter included). The last data stays on screen while a refetch runs, and `merge`
 * can keep unchanged parts of it, so a live list does not flicker.
 */
export function useFeed<T>(
  load: () => Promise<T>,
  merge: (current: T | null, fetched: T) => T = (_, fetched) => fetched,
) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ExplainedError | null>(null);
  const latest = useRef({ load, merge });
  latest.current = { load, merge };
  const running = useRef(false);
  const again = useRef(false);
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);

  const refetch = useCallback(async () => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    try {
      do {
        again.current = false;
        try {
          const fetched = await latest.current.load();
          if (!mounted.current) return;
          setData((current) => latest.current.merge(current, fetched));
          setError(null);
        } catch (failure) {
          if (mounted.current) setError(explainError(failure, 'load'));
        }
      } while (again.current);
    } finally {
      running.current = false;
    }
  }, []);
  return { data, setData, error, refetch };
}
