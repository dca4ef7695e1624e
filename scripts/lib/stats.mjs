// Small numeric summaries for the reports.

/** Nearest-rank percentile `p` of `values`, rounded to `decimals`; null when there are none. */
export function percentile(values, p, decimals = 0) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Number(sorted[Math.max(0, index)].toFixed(decimals));
}

/** `{n, p50, p99, max}` of latencies in ms. */
export function latencySummary(values) {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p99: percentile(values, 99),
    max: values.length ? Math.round(Math.max(...values)) : null,
  };
}

/** Runs `task(i)` for i = 0..count-1 with at most `concurrency` at once; stops early when `shouldStop()`. */
export async function runPool(count, concurrency, task, shouldStop = () => false) {
  let next = 0;
  const lane = async () => {
    while (next < count && !shouldStop()) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
}
