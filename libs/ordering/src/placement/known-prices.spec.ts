import { describe, expect, it } from 'vitest';
import { KnownPrices } from './known-prices.js';

describe('KnownPrices', () => {
  it('answers only when every id is known', () => {
    const known = new KnownPrices();
    expect(known.lookup([1])).toBeUndefined();
    known.remember({ epoch: 'e1', prices: new Map([[1, 1.25]]) });
    known.remember({ epoch: 'e1', prices: new Map([[2, 2]]) });
    expect(known.lookup([2, 1, 2])).toEqual({
      epoch: 'e1',
      prices: new Map([
        [2, 2],
        [1, 1.25],
      ]),
    });
    expect(known.lookup([1, 3])).toBeUndefined();
  });

  it('forgets everything of an earlier epoch (a reset store reuses ids)', () => {
    const known = new KnownPrices();
    known.remember({
      epoch: 'e1',
      prices: new Map([
        [1, 1.25],
        [2, 2],
      ]),
    });
    known.remember({ epoch: 'e2', prices: new Map([[1, 0.5]]) });
    expect(known.lookup([1])).toEqual({ epoch: 'e2', prices: new Map([[1, 0.5]]) });
    expect(known.lookup([2])).toBeUndefined();
  });

  it('forgets on demand', () => {
    const known = new KnownPrices();
    known.remember({ epoch: 'e1', prices: new Map([[1, 1.25]]) });
    known.forget();
    expect(known.lookup([1])).toBeUndefined();
  });
});
