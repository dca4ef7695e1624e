import type { OrderStatus } from '@shopwire/contracts';
import type { ProductSales } from './sales-delta.js';

/** One item of the order an event belongs to, with the unit price it was placed with. */
export interface PricedEventItem {
  status: OrderStatus;
  productId: number;
  quantity: number;
  unitPrice: number;
}

/** Units per product and per unit price: what revenue is computed from (ADR 0021). */
export type RevenueDelta = Map<number, Map<number, ProductSales>>;

/**
 * The change a set of order events makes to `product_price_sales`: the rules of `salesDelta`
 * (CREATED adds to waiting, COMPLETE moves waiting to sold, PENDING changes nothing) kept apart
 * per unit price. Units, not money: revenue = Σ price × units is summed exactly when read, so
 * any price stays exact, and the delta stays additive and order-independent.
 */
export function revenueDelta(items: Iterable<PricedEventItem>): RevenueDelta {
  const delta: RevenueDelta = new Map();
  for (const item of items) {
    if (item.status === 'PENDING') continue;
    const prices = delta.get(item.productId) ?? new Map<number, ProductSales>();
    delta.set(item.productId, prices);
    const units = prices.get(item.unitPrice) ?? { sold: 0n, waiting: 0n };
    prices.set(item.unitPrice, units);
    const quantity = BigInt(item.quantity);
    if (item.status === 'CREATED') units.waiting += quantity;
    else {
      units.waiting -= quantity;
      units.sold += quantity;
    }
  }
  return delta;
}

/** The sum of two revenue deltas, as a new map (neither argument changes). */
export function sumRevenue(a: RevenueDelta, b: RevenueDelta): RevenueDelta {
  const sum: RevenueDelta = new Map();
  for (const delta of [a, b]) {
    for (const [productId, prices] of delta) {
      const target = sum.get(productId) ?? new Map<number, ProductSales>();
      sum.set(productId, target);
      for (const [price, units] of prices) {
        const soFar = target.get(price) ?? { sold: 0n, waiting: 0n };
        target.set(price, { sold: soFar.sold + units.sold, waiting: soFar.waiting + units.waiting });
      }
    }
  }
  return sum;
}
