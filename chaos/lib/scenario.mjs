// Runs one chaos scenario: a bounded deadline, cleanup of everything it started (even on
// failure, Ctrl-C or the deadline), and the closing `VERDICT: PASS|FAIL` line with its numbers.
import { runBounded } from '../../scripts/lib/lifecycle.mjs';
import { Verdict } from '../../scripts/lib/verdict.mjs';

export { onCleanup } from '../../scripts/lib/lifecycle.mjs';

const started = Date.now();

/** Prints a progress line prefixed with the seconds since the scenario started. */
export function log(message) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  console.log(`[${seconds}s] ${message}`);
}

/**
 * `body({ workDir, verdict })` runs the scenario and records checks and numbers on `verdict`.
 * The process exits 0 on PASS, 1 on FAIL, 2 when the scenario itself broke or overran.
 */
export async function runScenario(name, { timeoutMs }, body) {
  const verdict = new Verdict(name);
  await runBounded(
    name,
    {
      timeoutMs,
      onTimeout: () => {
        verdict.fail('scenario finished within its deadline', `${timeoutMs} ms`);
        verdict.print();
      },
      onError: (error) => {
        verdict.fail('scenario ran to completion', error.message);
        verdict.print();
      },
    },
    async ({ workDir }) => {
      log(`${name}: work dir ${workDir} (logs of the spawned processes are kept there until the end)`);
      await body({ workDir, verdict });
      return verdict.print() ? 0 : 1;
    },
  );
}
