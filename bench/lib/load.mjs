// An autocannon run reduced to the numbers the benchmark tables show, plus the server process's
// own CPU time per request (from /proc): steadier than req/s when others share the machine.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

/** CPU seconds (user + system) `pid` has used so far; NaN when unknown (not Linux, no pid). */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may itself hold ') '.
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Resident memory of `pid` in KiB. */
export const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);

/**
 * Runs autocannon with `options` (url, connections, duration, method, headers, body, requests, …)
 * and returns { reqPerSec, p50, p99, max, non2xx, errors (incl. timeouts), total, bytesPerResponse,
 * cpuMsPerRequest (of `pid`, NaN without one) }.
 */
export async function load({ pid, ...options }) {
  const cpuBefore = cpuSeconds(pid);
  const result = await autocannon(options);
  const total = result.requests.total;
  return {
    reqPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    total,
    bytesPerResponse: Math.round(result.throughput.total / Math.max(1, total)),
    cpuMsPerRequest: ((cpuSeconds(pid) - cpuBefore) * 1000) / Math.max(1, total),
  };
}

/** `value` with `digits` decimals, or 'n/a' when it is not a finite number. */
export const fixed = (value, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
