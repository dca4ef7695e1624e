import fc from 'fast-check';
import { expect } from 'vitest';
import type { FuzzRequest } from './fuzz-request.js';
import { fuzzRuns } from './fuzz-settings.js';
import { errorResponseProblems } from './response-invariants.js';
import { sendRequest } from './send-request.js';
import type { TableCounter, TableCounts } from './table-counts.js';

export interface FuzzTarget {
  baseUrl: string;
  /** Counts the tables a refused request must leave alone. */
  counter: TableCounter;
}

function changedTables(before: TableCounts, after: TableCounts): string[] {
  return Object.keys(before)
    .filter((table) => before[table] !== after[table])
    .map((table) => `${table} ${before[table]} → ${after[table]}`);
}

/**
 * Sends `FUZZ_RUNS` generated requests one after the other and holds the invariants of every
 * answer: no 5xx, an answer within the time bound, an error body that is exactly the contract's
 * and leaks nothing, no table changed by a 4xx; afterwards the app must still be live.
 * Returns the statuses seen, so a spec can check the fuzz reached past the first checks.
 */
export async function fuzzEndpoint(target: FuzzTarget, requests: fc.Arbitrary<FuzzRequest>): Promise<Set<number>> {
  const statuses = new Set<number>();
  const result = await fc.check(
    fc.asyncProperty(requests, async (request) => {
      const before = await target.counter.counts();
      const response = await sendRequest(target.baseUrl, request);
      statuses.add(response.status);
      const problems = errorResponseProblems(response);
      if (response.status >= 400) {
        const changed = changedTables(before, await target.counter.counts());
        if (changed.length > 0) problems.push(`state changed by a ${response.status}: ${changed.join(', ')}`);
      }
      if (problems.length > 0) {
        throw new Error(
          `${request.method} ${request.path.slice(0, 200)} → ${response.status} ${response.text.slice(0, 300)}\n` +
            problems.join('\n'),
        );
      }
    }),
    { numRuns: fuzzRuns(), seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
  );
  if (result.failed) throw new Error(failureReport(result));
  await expectStillLive(target.baseUrl);
  return statuses;
}

/** The process survived: its liveness probe still answers. */
export async function expectStillLive(baseUrl: string): Promise<void> {
  const live = await sendRequest(baseUrl, { method: 'GET', path: '/health/live', headers: {} });
  expect(live.status).toBe(200);
}

/** fast-check's own report prints the whole counterexample, which can be megabytes here. */
function failureReport(result: fc.RunDetails<[FuzzRequest]>): string {
  const example = JSON.stringify(result.counterexample?.[0] ?? null);
  const shown = example.length > 2_000 ? `${example.slice(0, 2_000)}… (${example.length} chars)` : example;
  const cause = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
  return [
    `fuzz failed after ${result.numRuns} runs (replay: FUZZ_SEED=${result.seed}, path ${result.counterexamplePath})`,
    cause.slice(0, 2_000),
    `counterexample: ${shown}`,
  ].join('\n');
}
