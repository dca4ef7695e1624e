import { describe, expect, it } from 'vitest';
import { salesDelta, type EventItem } from './sales-delta.js';

const item = (status: EventItem['status'], productId: number, quantity: number, categoryIds: number[] = []) => ({
  status,
  productId,
  quantity,
  categoryIds,
});

describe('salesDelta', () => {
  it('CREATED adds to waiting', () => {
    const delta = salesDelta([item('CREATED', 1, 4), item('CREATED', 1, 2)]);
    expect(delta.products.get(1)).toEqual({ sold: 0n, waiting: 6n });
    expect(delta.categories.size).toBe(0);
  });

  it('PENDING changes no figure but marks the product as ordered', () => {
    const delta = salesDelta([item('PENDING', 1, 4, [7])]);
    expect(delta.products.get(1)).toEqual({ sold: 0n, waiting: 0n });
    expect(delta.categories.size).toBe(0);
  });

  it('COMPLETE moves waiting to sold and adds to every category of the product, once each', () => {
    const delta = salesDelta([item('COMPLETE', 1, 4, [7, 8, 8])]);
    expect(delta.products.get(1)).toEqual({ sold: 4n, waiting: -4n });
    expect([...delta.categories]).toEqual([
      [7, 4n],
      [8, 4n],
    ]);
  });

  it('a whole life cycle nets to sold only, in any order of application', () => {
    const events = [item('CREATED', 1, 3), item('PENDING', 1, 3), item('COMPLETE', 1, 3, [7])];
    for (const ordering of [events, [...events].reverse()]) {
      expect(salesDelta(ordering).products.get(1)).toEqual({ sold: 3n, waiting: 0n });
    }
    const split = [salesDelta([events[2]]), salesDelta([events[0], events[1]])];
    expect(split[0].products.get(1)!.waiting + split[1].products.get(1)!.waiting).toBe(0n);
  });

  it('is empty for no events', () => {
    const delta = salesDelta([]);
    expect(delta.products.size + delta.categories.size).toBe(0);
  });
});
