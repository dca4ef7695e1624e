async function poll(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  intervalMs: number,
  timeoutMessage: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(timeoutMessage());
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * How often to poll information_schema's InnoDB lock views (INNODB_TRX, INNODB_LOCK_WAITS): InnoDB
 * refreshes them only when they were not read for 100 ms, so faster polling keeps reading one stale
 * snapshot (a lock wait that began after it is never seen).
 */
export const INNODB_LOCK_VIEWS_POLL_MS = 150;

/** Polls `condition` every `everyMs` until it holds or `timeoutMs` passes (then throws with `what`). */
export function waitFor(
  what: string,
  condition: () => Promise<boolean>,
  timeoutMs = 15_000,
  everyMs = 50,
): Promise<void> {
  return poll(condition, timeoutMs, everyMs, () => `timed out waiting for ${what}`);
}

/** Polls in-memory state every 10 ms; rejects with `describe()` in the message on timeout. */
export function waitUntil(condition: () => boolean, timeoutMs: number, describe = () => ''): Promise<void> {
  return poll(condition, timeoutMs, 10, () => `condition not met within ${timeoutMs} ms ${describe()}`);
}
