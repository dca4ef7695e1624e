import type { OrderStatus } from '@shopwire/contracts';

/** One item of the order an event belongs to, as the statistics see it. */
export interface EventItem {
  status: OrderStatus;
  productId: number;
  quantity: number;
  /** Categories of the product; only needed (and only loaded) for COMPLETE events. */
  categoryIds: readonly number[];
}

/** Sums of quantities as exact integers: a sum of safe integers need not be one. */
export interface ProductSales {
  sold: bigint;
  waiting: bigint;
}

/** What a set of events changes: per product sold/waiting, per category delivered. */
export interface SalesDelta {
  products: Map<number, ProductSales>;
  categories: Map<number, bigint>;
}

/**
 * The change a set of order events makes to the aggregates (contract §3.2–3.3, §6):
 * CREATED puts the quantity into `waiting`; PENDING changes no figure; COMPLETE moves it from
 * `waiting` to `sold` and adds it to `delivered` of each of the product's categories.
 *
 * Additive and order-independent, so events can be applied in any grouping or order and the
 * sum stays exact. Every item still yields a product entry (maybe 0/0): any event proves the
 * product was ordered.
 */
export function salesDelta(items: Iterable<EventItem>): SalesDelta {
  const delta: SalesDelta = { products: new Map(), categories: new Map() };
  for (const item of items) {
    const product = delta.products.get(item.productId) ?? { sold: 0n, waiting: 0n };
    delta.products.set(item.productId, product);
    const quantity = BigInt(item.quantity);
    if (item.status === 'CREATED') {
      product.waiting += quantity;
    } else if (item.status === 'COMPLETE') {
      product.waiting -= quantity;
      product.sold += quantity;
      for (const categoryId of new Set(item.categoryIds)) {
        delta.categories.set(categoryId, (delta.categories.get(categoryId) ?? 0n) + quantity);
      }
    }
  }
  return delta;
}

/** Whether an event of this status changes any figure of `salesDelta` (PENDING does not). */
export function movesStatistics(status: OrderStatus): boolean {
  return status === 'CREATED' || status === 'COMPLETE';
}
