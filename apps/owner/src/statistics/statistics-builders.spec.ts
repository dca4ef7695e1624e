import { salesDelta, type ProductSalesRow, type SalesDelta } from '@shopwire/statistics';
import { describe, expect, it } from 'vitest';
import { categoryStatistics } from './category-statistics.js';
import { productStatistics } from './product-statistics.js';

const none: SalesDelta = { products: new Map(), categories: new Map() };

describe('productStatistics (contract §3.2)', () => {
  const applied = new Map<number, ProductSalesRow>([
    [1, { name: 'Pear', sold: 2n, waiting: 1n }],
    [2, { name: 'Apple', sold: 0n, waiting: 4n }],
  ]);

  it('lists applied totals sorted by name, zeros included', () => {
    expect(productStatistics(applied, none, new Map())).toEqual([
      { name: 'Apple', sold: 0, waiting: 4 },
      { name: 'Pear', sold: 2, waiting: 1 },
    ]);
  });

  it('adds pending events, including products with no applied row yet', () => {
    const pending = salesDelta([
      { status: 'COMPLETE', productId: 2, quantity: 4, categoryIds: [] },
      { status: 'CREATED', productId: 3, quantity: 5, categoryIds: [] },
    ]);
    expect(productStatistics(applied, pending, new Map([[3, 'Milk']]))).toEqual([
      { name: 'Apple', sold: 4, waiting: 0 },
      { name: 'Milk', sold: 0, waiting: 5 },
      { name: 'Pear', sold: 2, waiting: 1 },
    ]);
  });

  it('sums exactly beyond 2^53, then answers the nearest JSON number', () => {
    const big = new Map<number, ProductSalesRow>([[1, { name: 'Bulk', sold: 0n, waiting: 2n ** 53n }]]);
    const pending = salesDelta([
      { status: 'CREATED', productId: 1, quantity: 1, categoryIds: [] },
      { status: 'CREATED', productId: 1, quantity: 1, categoryIds: [] },
    ]);
    // Adding 1 twice to 2^53 in doubles stays at 2^53.
    expect(productStatistics(big, pending, new Map())).toEqual([{ name: 'Bulk', sold: 0, waiting: 2 ** 53 + 2 }]);
  });

  it('sorts names by code point, not UTF-16 unit', () => {
    const rows = new Map<number, ProductSalesRow>([
      [1, { name: '\u{1F600}', sold: 0n, waiting: 1n }],
      [2, { name: '\uFF01', sold: 0n, waiting: 1n }],
    ]);
    expect(productStatistics(rows, none, new Map()).map((p) => p.name)).toEqual(['\uFF01', '\u{1F600}']);
  });
});

describe('categoryStatistics (contract §3.3)', () => {
  const categories = [
    { id: 1, name: 'Fruit', delivered: 4n },
    { id: 2, name: 'Organic', delivered: 4n },
    { id: 3, name: 'Dairy', delivered: 1n },
    { id: 4, name: 'Bread', delivered: 0n },
  ];

  it('orders by delivered descending, then name ascending, never-sold categories included', () => {
    expect(categoryStatistics(categories, none)).toEqual(['Fruit', 'Organic', 'Dairy', 'Bread']);
  });

  it('adds delivered quantities of pending COMPLETE events', () => {
    const pending = salesDelta([{ status: 'COMPLETE', productId: 9, quantity: 5, categoryIds: [4] }]);
    expect(categoryStatistics(categories, pending)).toEqual(['Bread', 'Fruit', 'Organic', 'Dairy']);
  });

  it('breaks ties by code point: U+FF01 before U+1F600, "a" before "ab", "B" before "a"', () => {
    const tied = ['\u{1F600}', '\uFF01', 'ab', 'a', 'B'].map((name, id) => ({ id, name, delivered: 0n }));
    expect(categoryStatistics(tied, none)).toEqual(['B', 'a', 'ab', '\uFF01', '\u{1F600}']);
  });
});
