import { compareCodePoints, type ProductSalesRow, type SalesDelta } from '@shopwire/statistics';

/** One entry of `GET /product_statistics` (contract §3.2), keys exactly as the contract says. */
export interface ProductStatistic {
  name: string;
  sold: number;
  waiting: number;
}

/**
 * Applied totals plus the delta of not yet applied events = the exact figures. Every product
 * with an applied row or a pending event has been ordered; the list is sorted by name.
 * `names` must hold the names of pending products that have no applied row yet.
 */
export function productStatistics(
  applied: ReadonlyMap<number, ProductSalesRow>,
  pending: SalesDelta,
  names: ReadonlyMap<number, string>,
): ProductStatistic[] {
  const merged = new Map<number, ProductSalesRow>(applied);
  for (const [id, delta] of pending.products) {
    const entry = merged.get(id) ?? { name: names.get(id) ?? '', sold: 0n, waiting: 0n };
    merged.set(id, { name: entry.name, sold: entry.sold + delta.sold, waiting: entry.waiting + delta.waiting });
  }
  // Summed exactly, then the nearest JSON number (exact up to 2^53).
  return [...merged.values()]
    .map(({ name, sold, waiting }) => ({ name, sold: Number(sold), waiting: Number(waiting) }))
    .sort((a, b) => compareCodePoints(a.name, b.name));
}
