// Loopback ports (one implementation with @shopwire/testing: libs/testing/src/plain/ports.mjs),
// sleeping and polling.
export { accepts, freePort } from '../../libs/testing/src/plain/ports.mjs';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` every `everyMs` until it returns a truthy value or `timeoutMs` passes. */
export async function waitFor(description, probe, { timeoutMs, everyMs = 100 }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}`);
    await sleep(everyMs);
  }
}
