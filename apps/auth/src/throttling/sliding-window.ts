/** Events counted in a sliding window, and when the oldest of them leaves it. */
export interface WindowCount {
  count: number;
  /** Seconds until the oldest counted event leaves the window (0 when there is none). */
  secondsUntilOldestExpires: number;
}

/**
 * The throttle decision, pure: null when one more event is allowed, otherwise the Retry-After
 * in whole seconds (at least 1) — the time until the oldest counted event leaves the window.
 */
export function retryAfterSeconds(window: WindowCount, limit: number): number | null {
  if (window.count < limit) return null;
  return Math.max(1, Math.ceil(window.secondsUntilOldestExpires));
}

/** The longest wait among several limits, or null when all of them allow one more event. */
export function longestRetryAfter(...decisions: (number | null)[]): number | null {
  const waits = decisions.filter((wait): wait is number => wait !== null);
  return waits.length === 0 ? null : Math.max(...waits);
}
