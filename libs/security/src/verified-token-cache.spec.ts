import type { AccessTokenClaims } from '@shopwire/contracts';
import { describe, expect, it } from 'vitest';
import { VerifiedTokenCache } from './verified-token-cache.js';

const NBF = 1_800_000_000;
const claims = (exp = NBF + 3600, nbf = NBF): AccessTokenClaims => ({
  sub: 'ana@example.org',
  forename: 'Ana',
  surname: 'P',
  roles: 'customer',
  type: 'access',
  nbf,
  exp,
});

function cacheAt(startMs: number, size?: number) {
  const clock = { now: startMs };
  return { clock, cache: new VerifiedTokenCache(size, () => clock.now) };
}

describe('VerifiedTokenCache', () => {
  it('answers a stored token until the start of its exp second, and not from then on', () => {
    const { clock, cache } = cacheAt(NBF * 1000);
    const stored = claims();
    cache.set('t', stored);
    clock.now = stored.exp * 1000 - 1;
    expect(cache.get('t')).toBe(stored);
    clock.now = stored.exp * 1000;
    expect(cache.get('t')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('never stores a token already at or past its exp second', () => {
    const { cache } = cacheAt((NBF + 3600) * 1000);
    cache.set('t', claims());
    expect(cache.size).toBe(0);
  });

  it('does not answer before nbf less the leeway (a clock set back)', () => {
    const { clock, cache } = cacheAt(NBF * 1000);
    cache.set('t', claims());
    clock.now = (NBF - 61) * 1000;
    expect(cache.get('t')).toBeUndefined();
    clock.now = (NBF - 60) * 1000;
    expect(cache.get('t')).toBeDefined();
  });

  it('is keyed by the exact token string', () => {
    const { cache } = cacheAt(NBF * 1000);
    cache.set('abc', claims());
    expect(cache.get('abc ')).toBeUndefined();
    expect(cache.get('ABC')).toBeUndefined();
  });

  it('keeps at most its size, dropping the oldest entry', () => {
    const { cache } = cacheAt(NBF * 1000, 3);
    for (const token of ['a', 'b', 'c', 'd']) cache.set(token, claims());
    expect(cache.size).toBe(3);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('d')).toBeDefined();
  });
});
