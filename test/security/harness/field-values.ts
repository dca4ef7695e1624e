import fc from 'fast-check';
import { RawJson, hostileJson, hostileNumber, hostileString } from './hostile-values.js';

/** Emails that pass the contract's rule, with metacharacters where the rule allows them. */
export const validEmail: fc.Arbitrary<string> = fc
  .tuple(
    fc.stringMatching(/^[A-Za-z0-9._%+-]{1,20}$/),
    fc.stringMatching(/^[A-Za-z0-9-]{1,10}$/),
    fc.constantFrom('org', 'com', 'IO'),
  )
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);

export const validPassword: fc.Arbitrary<string> = fc.oneof(
  fc.string({ minLength: 8, maxLength: 40 }),
  fc.constantFrom("' OR '1'='1' --", '%%%%%%%%', '🍎🍎🍎🍎🍎🍎🍎🍎'),
);

/** Ids and quantities: positive integers (some as `7.0`, some out of range) or anything else. */
export function idValue(knownIds: readonly number[] = []): fc.Arbitrary<unknown> {
  const known = knownIds.length > 0 ? [fc.constantFrom(...knownIds)] : [];
  return fc.oneof(
    { arbitrary: fc.oneof(...known, fc.integer({ min: 1, max: 50 })), weight: 3 },
    { arbitrary: fc.constantFrom(...knownIds, 1).map((id) => new RawJson(`${id}.0`)), weight: 1 },
    { arbitrary: hostileNumber, weight: 2 },
    { arbitrary: fc.oneof(hostileString, fc.constantFrom('1', '1 OR 1=1', null, true)), weight: 1 },
    { arbitrary: hostileJson, weight: 1 },
  );
}
