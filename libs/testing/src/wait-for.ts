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

/** Polls `condition` every 50 ms until it holds or `timeoutMs` passes (then throws with `what`). */
export function waitFor(what: string, condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  return poll(condition, timeoutMs, 50, () => `timed out waiting for ${what}`);
}

/** Polls in-memory state every 10 ms; rejects with `describe()` in the message on timeout. */
export function waitUntil(condition: () => boolean, timeoutMs: number, describe = () => ''): Promise<void> {
  return poll(condition, timeoutMs, 10, () => `condition not met within ${timeoutMs} ms ${describe()}`);
}
