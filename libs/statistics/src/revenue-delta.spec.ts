import { describe, expect, it } from 'vitest';
import { sumRevenue, revenueDelta, type PricedEventItem } from './revenue-delta.js';

const item = (status: PricedEventItem['status'], productId: number, quantity: number, unitPrice: number) => ({
  status,
  productId,
  quantity,
  unitPrice,
});

describe('revenueDelta', () => {
  it('keeps units apart per unit price, with the rules of salesDelta', () => {
    const delta = revenueDelta([
      item('CREATED', 1, 4, 1.25),
      item('CREATED', 1, 2, 1.5),
      item('PENDING', 1, 4, 1.25),
      item('COMPLETE', 1, 4, 1.25),
    ]);
    expect(delta).toEqual(
      new Map([
        [
          1,
          new Map([
            [1.25, { sold: 4n, waiting: 0n }],
            [1.5, { sold: 0n, waiting: 2n }],
          ]),
        ],
      ]),
    );
  });

  it('is order-independent and sums exactly, leaving both terms as they were', () => {
    const events = [item('CREATED', 2, 3, 0.1), item('COMPLETE', 2, 3, 0.1)];
    const [late, early] = [revenueDelta([events[1]]), revenueDelta([events[0]])];
    const sum = sumRevenue(late, early);
    expect(sum).toEqual(revenueDelta(events));
    expect(sum.get(2)?.get(0.1)).toEqual({ sold: 3n, waiting: 0n });
    expect(late.get(2)?.get(0.1)).toEqual({ sold: 3n, waiting: -3n });
    expect(early.get(2)?.get(0.1)).toEqual({ sold: 0n, waiting: 3n });
  });
});
