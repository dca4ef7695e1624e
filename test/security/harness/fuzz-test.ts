import type fc from 'fast-check';
import { expect, it } from 'vitest';
import { fuzzEndpoint, type FuzzTarget } from './fuzz-endpoint.js';
import type { FuzzRequest } from './fuzz-request.js';
import { fuzzTestTimeout } from './fuzz-settings.js';

/**
 * One fuzz test: what `requests()` generates (built when the test runs, after beforeAll seeded the
 * store) goes to `target()`, fuzzEndpoint checks every response, and each `expected` status must
 * be among those seen (proof that the run got past validation where it should).
 */
export function itFuzzes(
  title: string,
  target: () => FuzzTarget,
  requests: () => fc.Arbitrary<FuzzRequest>,
  expected: readonly number[],
): void {
  it(
    title,
    async () => {
      const statuses = await fuzzEndpoint(target(), requests());
      for (const status of expected) expect(statuses).toContain(status);
    },
    fuzzTestTimeout(),
  );
}
