/**
 * How hard the fuzz specs push. CI runs a few hundred cases per endpoint; the extended run is
 * `FUZZ_RUNS=10000 npx vitest run test/security` (docs/security.md).
 */
const DEFAULT_RUNS = 200;

export function fuzzRuns(): number {
  const configured = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_RUNS;
}

/** Per-request bound: a request that has not answered by then counts as a hang. */
export const REQUEST_TIMEOUT_MS = 5_000;

/** vitest timeout for one fuzzed endpoint: generous per run so the extended run fits too. */
export function fuzzTestTimeout(): number {
  return 30_000 + fuzzRuns() * 60;
}
