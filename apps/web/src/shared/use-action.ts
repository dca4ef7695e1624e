import { useCallback, useRef, useState } from 'preact/hooks';
import { explainError, type Action, type ExplainedError } from './errors';

/**
 * One user action (a form's submit, a button): runs it at most once at a time, keeps `busy`, and
 * turns a failure into the error in the user's words (`explain` overrides the default wording, e.g.
 * to name a cart line, or returns null when it showed the error elsewhere, e.g. under a field).
 * The web app's one copy of the busy/try/catch/error state: every action uses it.
 */
export function useAction<A extends unknown[], R, E extends ExplainedError = ExplainedError>(
  action: Action,
  run: (...args: A) => Promise<R>,
  explain: (failure: unknown) => E | null = (failure) => explainError(failure, action) as E,
) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<E | null>(null);
  // A second click in the same tick still sees busy === false; the ref does not.
  const inFlight = useRef(false);
  const latest = useRef({ run, explain });
  latest.current = { run, explain };

  const start = useCallback(async (...args: A): Promise<R | undefined> => {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      return await latest.current.run(...args);
    } catch (failure) {
      setError(latest.current.explain(failure));
      return undefined;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);
  return { run: start, busy, error, setError };
}
