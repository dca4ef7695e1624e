// A service's Prometheus exposition (`GET /metrics`) as a lookup, for the benches that read its
// counters and gauges.

/**
 * Resolves to `value(series, fallback = 0)`: the sample of `series`, written exactly as exposed
 * (name and labels, e.g. `realtime_relay_role{role="leader"}`), or `fallback` when it is absent.
 * Rejects when /metrics cannot be fetched.
 */
export async function scrapeMetrics(url) {
  const text = await (await fetch(`${url}/metrics`)).text();
  const samples = new Map();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    samples.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return (series, fallback = 0) => samples.get(series) ?? fallback;
}
